"""Benchmark: resident memory of each gunicorn worker after it has served every kind of page.

Runs gunicorn (2 gthread workers × 4 threads) with a fake Gemini (tests/fakes/gemini.py),
then sends every page through both workers many times: home, the guide and all 78 card
pages, guide search, map, sign-in page, My page, the archive, and whole readings (deal,
five picks, the answer streamed by google-genai from the fake, save). Afterwards it reads
each worker's VmRSS and VmHWM (peak) from /proc. Uses SQLite, or DATABASE_URL when set.

    python bench/worker_memory.py [--rounds 3] [--readings 10] [--offline]

With --offline no Gemini key is set: the readings come from the offline interpreter, as on
the embedded defaults, and google-genai is never imported.

Budget (bench/README.md): gunicorn worker memory ≤ 100 MB RSS.
"""

import argparse
import sys
import tempfile
from pathlib import Path

import _site
import httpx

sys.path.insert(0, str(_site.ROOT))
from tests.fakes.gemini import SIX_PART_ANSWER, Answer, FakeGemini  # noqa: E402

PAGES = ["/", "/guide", "/guide?q=연인", "/guide?q=hope", "/map", "/login", "/me", "/archive",
         "/reading", "/privacy", "/terms", "/offline", "/manifest.webmanifest", "/sw.js",
         "/no-such-page"]


def card_slugs():
    from tarot.deck import current_deck

    return [card.slug for card in current_deck().cards]


def one_reading(client, base):
    form, headers = _site.deal_five(client, base)
    response = client.post(base + "/reading", data=form)
    assert response.status_code == 303, response.status_code
    location = response.headers["Location"]
    client.get(base + location)
    while "hx-trigger" in client.get(base + location + "/answer").text:
        pass
    client.post(base + location + "/save", headers=headers)


def _fields(path):
    pairs = (line.split(":", 1) for line in Path(path).read_text().splitlines() if ":" in line)
    return {name: value.split()[0] for name, value in pairs if value.strip()}


def memory(pid):
    """(RSS, peak RSS, PSS, private) of a process in MB; private memory is what it alone holds."""
    status = _fields(f"/proc/{pid}/status")
    rollup = _fields(f"/proc/{pid}/smaps_rollup")
    private = int(rollup["Private_Clean"]) + int(rollup["Private_Dirty"])
    values = (status["VmRSS"], status["VmHWM"], rollup["Pss"], private)
    return tuple(int(value) / 1024 for value in values)


def workers(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over every page")
    parser.add_argument("--readings", type=int, default=10)
    parser.add_argument("--offline", action="store_true", help="no Gemini key: the offline interpreter")
    args = parser.parse_args()
    answer = Answer(SIX_PART_ANSWER, first_delay=0.05, delay=0.02)
    with tempfile.TemporaryDirectory() as workdir, FakeGemini([answer]) as fake:
        url = _site.database_url(workdir)
        app = _site.make_app(url)
        with app.app_context():
            slugs = card_slugs()
        user_id = _site.make_user(app, "밀크티")
        env = {"GEMINI_API_KEY": "" if args.offline else "bench-key", "GEMINI_BASE_URL": fake.url,
               "READINGS_PER_DAY": "100000", "READING_RATE_LIMIT": "100000 per minute"}
        try:
            with _site.gunicorn(url, env=env) as server:
                cookie = _site.session_cookie(app, user_id).split("=", 1)[1]
                started = {pid: memory(pid)[0] for pid in workers(server)}
                with httpx.Client(headers={"User-Agent": _site.USER_AGENT}, timeout=15) as client:
                    client.cookies.set("session", cookie, domain="127.0.0.1")
                    for _ in range(args.rounds):
                        # new connections spread requests over both workers
                        for path in PAGES + [f"/guide/cards/{slug}" for slug in slugs]:
                            httpx.get(server + path, headers={"User-Agent": _site.USER_AGENT})
                            client.get(server + path)
                    for _ in range(args.readings):
                        one_reading(client, server)
                finished = {pid: memory(pid) for pid in workers(server)}
        finally:
            _site.remove_user(app, user_id)
    print(f"database: {url.split(':')[0]}, {args.rounds} rounds over {len(PAGES) + len(slugs)} pages, "
          f"{args.readings} readings ({'offline interpreter' if args.offline else 'Gemini (fake)'})")
    print("| worker | RSS at start | RSS after | peak RSS | PSS | private |")
    print("|---|---:|---:|---:|---:|---:|")
    for pid, (rss, peak, pss, private) in finished.items():
        print(f"| {pid} | {started.get(pid, 0):.1f} MB | {rss:.1f} MB | {peak:.1f} MB | {pss:.1f} MB | {private:.1f} MB |")


if __name__ == "__main__":
    main()
