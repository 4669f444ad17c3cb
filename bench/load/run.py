"""Load run: the fake Gemini (its own process), gunicorn with gunicorn.conf.py, and locust.

    python bench/load/run.py --users 200 --duration 2m                  # SQLite in a temp folder
    DATABASE_URL=mysql+pymysql://… python bench/load/run.py --users 200   # MariaDB

Prints the machine, its load average, locust's figures per request name (p50/p95/p99 in
ms, failures) and how the readings asked for during the run ended. The run fails (exit 1)
when a request failed or a reading did not finish. locust comes from the `bench` extra
(`pip install -e '.[bench]'`), or give its path with --locust.
"""

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import _site  # noqa: E402

SECRET_KEY = "load-bench-secret"


def machine():
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} CPUs ({model}), Linux {platform.release()}, Python {platform.python_version()}"


def start(command, env=None, log=None):
    return subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT)


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError as exc:
            if getattr(exc, "code", None):
                return  # answering, even if with an error status
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer in {seconds} s")


def reading_outcomes(app, since_id):
    from sqlalchemy import func

    from tarot.extensions import db
    from tarot.models import Reading

    with app.app_context():
        rows = db.session.execute(
            db.select(Reading.status, func.count()).where(Reading.id > since_id).group_by(Reading.status)
        ).all()
        db.session.remove()
    return dict(rows)


def last_reading_id(app):
    from sqlalchemy import func

    from tarot.extensions import db
    from tarot.models import Reading

    with app.app_context():
        value = db.session.execute(db.select(func.max(Reading.id))).scalar() or 0
        db.session.remove()
    return value


def print_stats(prefix):
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))
    print("\n| name | requests | failures | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['Type']} {row['Name']} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} | "
              f"{row['95%']} | {row['99%']} | {float(row['Max Response Time']):.0f} |")
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        lines = failures.read_text().splitlines()[1:]
        for line in lines[:15]:
            print("failure:", line)
    return sum(int(r["Failure Count"]) for r in rows if r["Name"] == "Aggregated")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--duration", default="2m")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (gunicorn.conf.py's default)")
    parser.add_argument("--threads", type=int, default=None, help="threads per worker")
    parser.add_argument("--locust", default=shutil.which("locust") or "locust")
    parser.add_argument("--out", default=None, help="folder for locust's CSV files")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="tarot-load-"))
    out = Path(args.out or workdir)
    out.mkdir(parents=True, exist_ok=True)
    url = _site.database_url(workdir)
    app = _site.make_app(url)
    since = last_reading_id(app)
    gemini_port, port = _site.free_port(), _site.free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "SECRET_KEY": SECRET_KEY, "DATABASE_URL": url, "TAROT_ENV": "development",
        "GEMINI_API_KEY": "load-bench", "GEMINI_BASE_URL": f"http://127.0.0.1:{gemini_port}", "GEMINI_TIMEOUT": "60",
        "TAROT_DEMO_LOGIN": "1", "TAROT_PROXY_COUNT": "1",
        # one shared demo account asks for hundreds of readings: lift the per-visitor limits
        "READING_RATE_LIMIT": "10000 per minute", "READINGS_PER_DAY": "1000000",
        "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_LOG_LEVEL": "warning",
    }
    if args.workers:
        env["GUNICORN_WORKERS"] = str(args.workers)
    if args.threads:
        env["GUNICORN_THREADS"] = str(args.threads)
    print(f"machine: {machine()}")
    print(f"database: {url.split('@')[-1]}; users {args.users}, spawn {args.spawn_rate}/s, {args.duration}")
    with open(workdir / "gemini.log", "wb") as gemini_log, open(workdir / "gunicorn.log", "wb") as server_log:
        gemini = start([sys.executable, str(HERE / "fake_gemini.py"), "--port", str(gemini_port)], log=gemini_log)
        server = start([_site.GUNICORN, "--config", str(ROOT / "gunicorn.conf.py"), "--chdir", str(ROOT), "wsgi:app"],
                       env=env, log=server_log)
        try:
            wait_for(f"http://127.0.0.1:{gemini_port}/")
            wait_for(base + "/healthz")
            print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            prefix = str(out / "locust")
            summary_path = out / "summary.json"
            locust = subprocess.run([
                args.locust, "-f", str(HERE / "locustfile.py"), "--headless", "--only-summary",
                "-u", str(args.users), "-r", str(args.spawn_rate), "-t", args.duration, "--host", base,
                "--csv", prefix, "--stop-timeout", "5", "--loglevel", "WARNING",
            ], check=False, env={**os.environ, "LOAD_SUMMARY": str(summary_path)})
            print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            deadline = time.monotonic() + 90
            while True:  # readings still being written when locust stopped are waited for
                outcomes = reading_outcomes(app, since)
                open_count = outcomes.get("pending", 0) + outcomes.get("running", 0)
                if not open_count or time.monotonic() > deadline:
                    break
                time.sleep(2)
            failed_requests = print_stats(prefix)
            summary = json.loads(summary_path.read_text())
            for bucket, figures in summary.items():
                print(f"{bucket}: {figures}")
        finally:
            server.terminate()
            server.wait(30)
            gemini.terminate()
            gemini.wait(10)
    print(f"\nreadings asked for during the run: {sum(outcomes.values())} → {outcomes}")
    errors = [line for line in (workdir / "gunicorn.log").read_text(errors="replace").splitlines()
              if "Traceback" in line or "ERROR" in line or "CRITICAL" in line]
    print(f"server log: {len(errors)} error lines" + (f", first: {errors[0]}" if errors else ""))
    ok = failed_requests == 0 and locust.returncode == 0 and set(outcomes) <= {"done"}
    print("RESULT:", "ok" if ok else "NOT OK", f"(files in {workdir})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
