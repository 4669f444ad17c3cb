"""Lighthouse (mobile) scores of the main pages (budget: ≥ 95 in all four categories).

Starts gunicorn on 127.0.0.1 with the embedded defaults (a fresh SQLite file, offline
interpreter, demo sign-in), compressing text responses as the shipped nginx does
(bench/_gzip_wsgi.py; ``--no-gzip`` for plain gunicorn), and, for the map, a fake Overpass
and tile server on 127.0.0.1 (this machine reaches no outside host), then runs Lighthouse's default mobile profile on `/`,
`/guide`, a card page, `/reading` and `/map` and prints the four scores, LCP and the audits
that kept a category under 100.

    npm ci --prefix bench/lighthouse          # once: the pinned Lighthouse
    python bench/lighthouse.py                # every page, one run each
    python bench/lighthouse.py --runs 3 /guide /map
    python bench/lighthouse.py --json-dir /tmp/lh   # keep the full reports

Needs Node 20+ and Chromium (CHROME_PATH, default /usr/bin/chromium). Run from the
repository root. Not part of CI.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _site import ROOT, database_url, gunicorn  # noqa: E402

from tests.site_tour import map_services  # noqa: E402

PAGES = ("/", "/guide", "/guide/cards/the-fool", "/reading", "/map")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def run_lighthouse(url, chrome_path, keep, attempts=3):
    """One Lighthouse run; returns the parsed JSON report.

    Lighthouse now and then fails to record its trace (NO_NAVSTART) on a busy machine; such a
    run is simply tried again, up to ``attempts`` times.
    """
    for attempt in range(1, attempts + 1):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.json"
            done = subprocess.run(
                [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                 f"--chrome-flags={CHROME_FLAGS}", "--locale=ko"],
                env={**os.environ, "CHROME_PATH": chrome_path},
            )
            if done.returncode == 0:
                report = json.loads(out.read_text())
                break
        if attempt == attempts:
            raise SystemExit(f"Lighthouse failed {attempts} times on {url}")
        print(f"    (Lighthouse failed on {url}, trying again)", file=sys.stderr)
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        name = url.split("//", 1)[1].split("/", 1)[1].replace("/", "_") or "home"
        (keep / f"{name}.json").write_text(json.dumps(report))
    return report


def shortfalls(report, category):
    """The audits that cost the category points: (title, score) for scored audits under 1."""
    audits = report["audits"]
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
            found.append(f"{ref['id']} ({audit['score']:.2f})")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=PAGES)
    parser.add_argument("--runs", type=int, default=1, help="runs per page (the median is shown)")
    parser.add_argument("--json-dir", type=Path, help="keep each page's last full report here")
    parser.add_argument("--no-gzip", action="store_true",
                        help="serve plain gunicorn (no compression) instead of gzip as nginx sends it")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: npm ci --prefix bench/lighthouse")
    chrome_path = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()

    with tempfile.TemporaryDirectory() as tmp, map_services() as services:
        env = {"REDIS_URL": "", **{key: str(value) for key, value in services.items()}}
        target = "wsgi:app" if args.no_gzip else "_gzip_wsgi:app"
        with gunicorn(database_url(tmp), env=env, target=target) as base:
            print(f"commit {commit}, {target}, Lighthouse mobile profile, "
                  f"{args.runs} run(s) per page, median")
            print(f"{'page':26} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} {'LCP':>7}")
            for path in args.pages:
                runs = [run_lighthouse(base + path, chrome_path, args.json_dir)
                        for _ in range(args.runs)]
                scores = [statistics.median(r["categories"][c]["score"] * 100 for r in runs)
                          for c in CATEGORIES]
                lcp = statistics.median(
                    r["audits"]["largest-contentful-paint"]["numericValue"] for r in runs)
                bench = statistics.median(r["environment"]["benchmarkIndex"] for r in runs)
                print(f"{path:26} " + " ".join(f"{s:5.0f}" for s in scores)
                      + f" {lcp / 1000:6.2f}s  (benchmarkIndex {bench:.0f})")
                for category in CATEGORIES:
                    missing = shortfalls(runs[-1], category)
                    if missing:
                        print(f"    {category}: " + ", ".join(missing))


if __name__ == "__main__":
    main()
