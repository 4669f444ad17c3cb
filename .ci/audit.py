"""Audit the installed packages for known vulnerabilities with pip-audit (run by .ci/run).

Audits exactly what the CI environment installed (``pip freeze``), asking PyPI's
vulnerability data for each pinned version. pip-audit reports "No known vulnerabilities
found" and exits 0 even when it could not look a package up at all (e.g. behind a PyPI
mirror without per-version JSON, or offline), so this wrapper counts those packages and
says so loudly. With TAROT_REQUIRE_AUDIT=1 an audit that could not run fails the build.

Exit status: 0 clean (or not auditable and not required), 1 vulnerabilities found,
2 not auditable while required.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Findings we accept, each with the reason. Format: "VULN-ID": "why it does not apply".
IGNORED = {}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        frozen = Path(tmp) / "installed.txt"
        report = Path(tmp) / "audit.json"
        pins = subprocess.run(
            [sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
            check=True, capture_output=True, text=True,
        ).stdout
        frozen.write_text("".join(line + "\n" for line in pins.splitlines() if "==" in line))
        command = [
            "pip-audit", "-r", str(frozen), "--no-deps", "--disable-pip",
            "--progress-spinner", "off", "-f", "json", "-o", str(report),
        ]
        for vuln_id in IGNORED:
            command += ["--ignore-vuln", vuln_id]
        run = subprocess.run(command, capture_output=True, text=True)  # noqa: S603
        if not report.exists():
            print(run.stdout + run.stderr, file=sys.stderr)
            return not_audited(f"pip-audit did not produce a report (exit {run.returncode})")
        dependencies = json.loads(report.read_text())["dependencies"]

    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"VULNERABLE {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    audited = len(dependencies) - len(skipped)
    print(f"pip-audit: {audited} of {len(dependencies)} installed packages audited, "
          f"{len(vulnerable)} with known vulnerabilities, {len(IGNORED)} finding(s) ignored by .ci/audit.py")
    if vulnerable:
        return 1
    if skipped:
        names = ", ".join(d["name"] for d in skipped[:8]) + (" …" if len(skipped) > 8 else "")
        return not_audited(
            f"{len(skipped)} package(s) could not be looked up ({names}); first reason: "
            f"{skipped[0]['skip_reason']}"
        )
    return 0


def not_audited(reason):
    print("!" * 78)
    print("pip-audit: NOT AUDITED — the vulnerability service could not be asked from here.")
    print(f"  {reason}")
    print("  (pip-audit needs https://pypi.org/pypi/<name>/<version>/json or api.osv.dev.)")
    print("!" * 78)
    return 2 if os.environ.get("TAROT_REQUIRE_AUDIT") == "1" else 0


if __name__ == "__main__":
    sys.exit(main())
