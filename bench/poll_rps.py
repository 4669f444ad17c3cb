"""Benchmark: the answer poll, GET /reading/<id>/answer, under many concurrent readers.

Starts gunicorn (2 workers) on 127.0.0.1 with a fresh SQLite database, or DATABASE_URL
when set (e.g. MariaDB); creates a user with one reading mid-answer (the state a page
polls again and again) and one finished reading; then runs wrk with the user's session
cookie against both, and against /healthz as the floor of the stack. Besides requests/s
and latency it reports the CPU time gunicorn spent per request (from /proc), which other
load on the machine disturbs far less than requests/s. Needs wrk.

    python bench/poll_rps.py [--duration 10] [--connections 20,100] [--worker-class gthread] [--threads 4]

Budget (bench/README.md): ≥ 1,500 requests/s with 2 workers and 20 connections.
"""

import argparse
import json
import shutil
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path

import _site

WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "non_2xx": %d, "socket_errors": %d, "p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""

PARTIAL = (
    "[[greeting]]\n안녕하세요, 밀크티님. 오늘은 마음속 이야기를 들고 오셨네요. 차 한 잔 하면서 천천히 볼게요.\n\n"
    "[[past]]\n과거 자리의 카드는 지나온 시간을 말해요. 그때의 선택이 지금을 만들었어요. "
    "조심스러운 마음이 컸던 만큼 "
)
SECTION = "카드가 들려주는 이야기를 차분히 풀어 볼게요. " * 8


def make_readings(app, user_id):
    """One reading mid-answer and one finished; returns their public ids."""
    from tarot.extensions import db
    from tarot.models import Reading, utcnow
    from tarot.oracle.sections import SECTIONS
    from tarot.spreads import POSITIONS

    cards = [
        {"card": n, "reversed": n % 2 == 0, "position": p}
        for n, p in zip((3, 17, 40, 55, 71), POSITIONS, strict=True)
    ]
    with app.app_context():
        running = Reading(
            user_id=user_id, topic="love", concern="연락이 올까요?", cards=cards, status="running",
            attempts=1, partial_text=PARTIAL, lease_until=utcnow() + timedelta(hours=1),
        )
        done = Reading(
            user_id=user_id, topic="love", concern="연락이 올까요?", cards=cards, status="done",
            interpreter="gemini", model="bench", finished_at=utcnow(),
            answer={k: SECTION for k in SECTIONS},
        )
        db.session.add_all([running, done])
        db.session.commit()
        return running.public_id, done.public_id


def wrk(server, url, cookie, connections, duration, script):
    command = [
        "wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s", script,
        "-H", f"Cookie: {cookie}", "-H", f"User-Agent: {_site.USER_AGENT}", url,
    ]
    cpu = server.cpu_seconds()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = server.cpu_seconds() - cpu
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    result["cpu_ms"] = 1000 * cpu / max(result["requests"], 1)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", default="20,100")
    parser.add_argument("--worker-class", default="gthread", choices=("gthread", "sync"))
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("this benchmark needs wrk (apt-get install wrk)")

    with tempfile.TemporaryDirectory() as workdir:
        url = _site.database_url(workdir)
        app = _site.make_app(url)
        user_id = _site.make_user(app, "밀크티")
        try:
            running, done = make_readings(app, user_id)
            cookie = _site.session_cookie(app, user_id)
            script = Path(workdir) / "report.lua"
            script.write_text(WRK_REPORT)
            with _site.gunicorn(url, worker_class=args.worker_class, threads=args.threads) as base:
                targets = {
                    "poll, mid-answer": f"{base}/reading/{running}/answer",
                    "poll, finished": f"{base}/reading/{done}/answer",
                    "/healthz (floor)": f"{base}/healthz",
                }
                _check(targets, cookie)
                print(f"database: {url.split(':')[0]}, gunicorn: 2 workers, {args.worker_class}"
                      + (f" × {args.threads} threads" if args.worker_class == "gthread" else ""))
                print("| target | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms/request |")
                print("|---|---|---|---|---|---|---|---|")
                for connections in (int(c) for c in args.connections.split(",")):
                    for name, target in targets.items():
                        wrk(base, target, cookie, connections, 2, str(script))  # warm up
                        r = wrk(base, target, cookie, connections, args.duration, str(script))
                        print(f"| {name} | {connections} | {r['rps']:,.0f} | {r['p50'] / 1000:.1f} | "
                              f"{r['p95'] / 1000:.1f} | {r['p99'] / 1000:.1f} | {r['non_2xx'] + r['socket_errors']} | "
                              f"{r['cpu_ms']:.2f} |", flush=True)
        finally:
            _site.remove_user(app, user_id)


def _check(targets, cookie):
    """Make sure wrk measures the real poll, not a redirect to the sign-in page."""
    status, body = _site.get(targets["poll, mid-answer"], cookie)
    assert status == 200 and "조심스러운 마음이" in body and "hx-trigger" in body, body[:300]
    status, body = _site.get(targets["poll, finished"], cookie)
    assert status == 200 and body.count("<h3>") == 6 and "hx-trigger" not in body, body[:300]


if __name__ == "__main__":
    main()
