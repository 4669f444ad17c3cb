"""Requests per second and latency of the card guide under gunicorn (budgets: bench/README.md).

Starts gunicorn on 127.0.0.1 (a free port) with the embedded defaults (SQLite in a
temporary folder, no outside services), warms the pages up, then runs wrk with 20
connections against /guide and a card page and prints req/s, p50/p95/p99 latency and
gunicorn's CPU time per request (from /proc; other load on the machine disturbs it much less).

    python bench/guide_rps.py                      # 2 sync workers, then 2 gthread workers
    python bench/guide_rps.py --worker-class sync --duration 20
    python bench/guide_rps.py --signed-in          # the per-request render of a signed-in visitor
    python bench/guide_rps.py --anonymous-session  # a session that signs nobody in: the page cache
    python bench/guide_rps.py --cookie x=1         # a cookie the page cache does not know: rendered
    python bench/guide_rps.py --cookie lang=en     # the language cookie: a key of the page cache
    python bench/guide_rps.py --signed-in --paths /,/reading,/archive,/guide/cards/the-fool

Needs wrk (https://github.com/wg/wrk) on PATH. Run from the repository root.
"""

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _site import Server

ROOT = Path(__file__).resolve().parent.parent
PATHS = ("/guide", "/guide/cards/the-fool")
BUDGETS = {"/guide": 1770, "/guide/cards/the-fool": 1970, "/": 3000}
# A signed-in visitor's pages (issue 23); their archive holds 20 saved readings (one page).
SIGNED_IN_BUDGETS = {"/guide/cards/the-fool": 1000, "/": 500, "/reading": 500, "/archive": 500}

# wrk prints only some percentiles; this script reports the ones the budget table uses.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "errors": %d, "non2xx": %d, "p50": %.3f, "p95": %.3f, "p99": %.3f}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""

BENCH_AGENT = "tarot-bench"
# Creates a demo user and prints a signed session cookie as Flask-Login leaves it after
# sign-in; the "strong" session protection ties it to the client address and User-Agent.
SIGNED_IN_SETUP = f"""
import secrets
from flask_login.utils import _create_identifier
from tarot import create_app
from tarot.extensions import db
from tarot.models import User
from tests.archive_support import seed_saved
app = create_app()
with app.app_context():
    user = User(provider="demo", provider_user_id=secrets.token_hex(8), nickname="벤치밀크티")
    db.session.add(user)
    db.session.commit()
    token = user.session_token
    seed_saved(app, user.id, 20)
with app.test_request_context(environ_base={{"REMOTE_ADDR": "127.0.0.1"}}, headers={{"User-Agent": "{BENCH_AGENT}"}}):
    session = {{"_user_id": token, "_fresh": True, "_id": _create_identifier(), "csrf_token": "0" * 40}}
print(app.session_interface.get_signing_serializer(app).dumps(session))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}, Python {platform.python_version()}"


def session_cookie(env):
    """A signed-in session cookie for a new demo user."""
    output = subprocess.run(
        [sys.executable, "-c", SIGNED_IN_SETUP], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    ).stdout
    return output.strip().splitlines()[-1]


def anonymous_session_cookie(secret):
    """A signed session cookie that signs nobody in, as a visitor has after opening the form."""
    from flask import Flask

    app = Flask(__name__)
    app.secret_key = secret
    return app.session_interface.get_signing_serializer(app).dumps({"csrf_token": "0" * 40})


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {url} within {timeout}s")


def run_wrk(url, connections, duration, threads, cookie, script):
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "-s", script,
        "-H", f"User-Agent: {BENCH_AGENT}", url,
    ]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def bench(worker_class, args, env, script):
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "wsgi:app", "--bind", f"127.0.0.1:{port}",
        "--workers", str(args.workers), "--worker-class", worker_class, "--log-level", "warning",
    ]
    if worker_class == "gthread":
        command += ["--threads", str(args.threads)]
    # The access log is written (its cost is part of each request) but not shown.
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/healthz")
        cookie = args.cookie
        if args.signed_in:
            cookie = f"session={session_cookie(env)}"
        elif args.anonymous_session:
            cookie = f"session={anonymous_session_cookie(env['SECRET_KEY'])}"
        if args.signed_in:
            check = urllib.request.Request(
                base + "/guide/cards/the-fool", headers={"Cookie": cookie, "User-Agent": BENCH_AGENT}
            )
            with urllib.request.urlopen(check, timeout=5) as response:  # noqa: S310 - loopback
                if "벤치밀크티" not in response.read().decode():
                    raise SystemExit("the signed-in cookie did not sign in")
        for path in args.paths:  # fill every worker's page cache before measuring
            for _ in range(args.workers * 4):
                urllib.request.urlopen(base + path, timeout=5).read()  # noqa: S310 - loopback
        results = {}
        for path in args.paths:
            cpu = Server(base, server.pid).cpu_seconds()
            results[path] = run_wrk(base + path, args.connections, args.duration, args.wrk_threads, cookie, script)
            cpu = Server(base, server.pid).cpu_seconds() - cpu
            results[path]["cpu_ms"] = 1000 * cpu / max(results[path]["requests"], 1)
        return results
    finally:
        server.terminate()
        server.wait(timeout=15)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker-class", choices=("sync", "gthread"), action="append")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--signed-in", action="store_true", help="send a signed-in session cookie")
    parser.add_argument("--anonymous-session", action="store_true",
                        help="send a session cookie that signs nobody in")
    parser.add_argument("--cookie", help="send this Cookie header")
    parser.add_argument("--paths", type=lambda text: text.split(","), default=PATHS,
                        help="comma-separated paths (default: /guide and a card page)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.update({
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite",
            "SECRET_KEY": "bench-only-secret",
            "TAROT_ENV": "development",
        })
        env.pop("REDIS_URL", None)
        script = str(Path(tmp) / "report.lua")
        Path(script).write_text(WRK_REPORT)

        print(f"machine: {machine()}")
        who = "signed in" if args.signed_in else (
            "anonymous session" if args.anonymous_session else f"anonymous, Cookie: {args.cookie or '(none)'}"
        )
        print(f"load: wrk -t{args.wrk_threads} -c{args.connections} -d{args.duration}s, {who}")
        for worker_class in args.worker_class or ["sync", "gthread"]:
            label = f"{args.workers} {worker_class} workers"
            if worker_class == "gthread":
                label += f" × {args.threads} threads"
            for path, r in bench(worker_class, args, env, script).items():
                budget = (SIGNED_IN_BUDGETS if args.signed_in else BUDGETS).get(path)
                verdict = "no budget" if budget is None else "meets" if r["rps"] >= budget else "MISSES"
                print(
                    f"{label:28} {path:24} {r['rps']:8.0f} req/s  p50 {r['p50']:6.2f} ms  "
                    f"p95 {r['p95']:6.2f} ms  p99 {r['p99']:6.2f} ms  CPU {r['cpu_ms']:5.2f} ms/request  "
                    f"errors {r['errors']}/{r['non2xx']}  "
                    f"({verdict} {budget or ''} req/s)"
                )


if __name__ == "__main__":
    main()
