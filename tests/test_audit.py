"""CI's vulnerability audit (.ci/audit.py) never passes silently.

Issue 18, item 6: pip-audit says "No known vulnerabilities found" and exits 0 when it
could not ask the vulnerability service about a single package. The wrapper must say so
loudly, and fail when TAROT_REQUIRE_AUDIT=1. A stand-in ``pip-audit`` on PATH writes the
report the real one would (its JSON format), so the wrapper's own code runs.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FAKE_PIP_AUDIT = """#!{python}
import json, os, sys
args = sys.argv[1:]
report = os.environ["FAKE_AUDIT_REPORT"]
if report != "none":
    with open(args[args.index("-o") + 1], "w") as out:
        out.write(report)
sys.exit(int(os.environ.get("FAKE_AUDIT_EXIT", "0")))
"""
SKIPPED = {"name": "flask", "version": "3.1.3",
           "skip_reason": "Dependency not found on PyPI and could not be audited: flask (3.1.3)"}
CLEAN = {"name": "flask", "version": "3.1.3", "vulns": []}
VULNERABLE = {"name": "jinja2", "version": "3.0.0", "vulns": [
    {"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"], "aliases": [], "description": "x"}]}


def _audit(tmp_path, report, require=False, exit_code=0):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    fake = bin_dir / "pip-audit"
    fake.write_text(FAKE_PIP_AUDIT.format(python=sys.executable))
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
           "FAKE_AUDIT_REPORT": report if isinstance(report, str) else json.dumps({"dependencies": report}),
           "FAKE_AUDIT_EXIT": str(exit_code)}
    env.pop("TAROT_REQUIRE_AUDIT", None)
    if require:
        env["TAROT_REQUIRE_AUDIT"] = "1"
    return subprocess.run([sys.executable, str(PROJECT_ROOT / ".ci" / "audit.py")], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("require, status", [(False, 0), (True, 2)])
def test_packages_that_could_not_be_looked_up_are_announced_loudly(tmp_path, require, status):
    result = _audit(tmp_path, [CLEAN, SKIPPED], require=require)
    assert result.returncode == status
    assert "NOT AUDITED" in result.stdout
    assert "1 of 2 installed packages audited" in result.stdout
    assert "flask" in result.stdout


def test_no_report_at_all_is_not_a_pass_when_required(tmp_path):
    result = _audit(tmp_path, "none", require=True, exit_code=1)
    assert result.returncode == 2
    assert "NOT AUDITED" in result.stdout


def test_a_known_vulnerability_fails(tmp_path):
    result = _audit(tmp_path, [CLEAN, VULNERABLE])
    assert result.returncode == 1
    assert "VULNERABLE jinja2 3.0.0: GHSA-h5c8-rqwp-cp95 (fixed in 3.1.3)" in result.stdout


def test_a_full_audit_with_nothing_found_passes_quietly(tmp_path):
    result = _audit(tmp_path, [CLEAN, {**CLEAN, "name": "werkzeug"}], require=True)
    assert result.returncode == 0
    assert "2 of 2 installed packages audited, 0 with known vulnerabilities" in result.stdout
    assert "NOT AUDITED" not in result.stdout
