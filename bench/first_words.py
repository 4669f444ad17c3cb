"""Benchmark: from pressing 운세보기 to the first words of the answer on screen.

Runs gunicorn (2 workers) with a fake Gemini (tests/fakes/gemini.py) whose first words come
300 ms after the request, then does what the browser does: POST /reading, GET the reading
page, and poll /reading/<id>/answer 600 ms after each answer arrives (the partial's
``hx-trigger="load delay:600ms"``). The time until a response carries the first words,
minus the model's 300 ms, is what the site adds. Uses SQLite, or DATABASE_URL when set.

    python bench/first_words.py [--runs 15]

Budget (bench/README.md): first words on screen ≤ the model's first token + 1.0 s.
"""

import argparse
import statistics
import sys
import tempfile
import time

import _site
import httpx

sys.path.insert(0, str(_site.ROOT))
from tests.fakes.gemini import SIX_PART_ANSWER, Answer, FakeGemini  # noqa: E402

FIRST_TOKEN = 0.3
POLL_DELAY = 0.6  # the answer partial's hx-trigger delay
FIRST_WORDS = "안녕하세요, 오늘도 와 주셨네요."


def one_reading(client, base, fake):
    """One reading; returns (seconds to first words, seconds from POST to the Gemini call)."""
    form, _headers = _site.deal_five(client, base)
    calls = len(fake.requests)

    start = time.monotonic()
    response = client.post(base + "/reading", data=form)
    assert response.status_code == 303, response.status_code
    location = response.headers["Location"]
    html = client.get(base + location).text  # the browser follows the redirect
    while FIRST_WORDS not in html:
        time.sleep(POLL_DELAY)
        html = client.get(base + location + "/answer").text
        if time.monotonic() - start > 15:
            raise SystemExit("no words after 15 s")
    seen = time.monotonic() - start
    called = fake.requests[calls]["at"] - start
    _wait_until_done(client, base + location + "/answer")
    return seen, called


def _wait_until_done(client, url):
    while "hx-trigger" in client.get(url).text:
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    answer = Answer(SIX_PART_ANSWER, first_delay=FIRST_TOKEN, delay=0.3)
    with tempfile.TemporaryDirectory() as workdir, FakeGemini([answer]) as fake:
        url = _site.database_url(workdir)
        app = _site.make_app(url)
        user_id = _site.make_user(app, "밀크티")
        env = {"GEMINI_API_KEY": "bench-key", "GEMINI_BASE_URL": fake.url, "READINGS_PER_DAY": "100000"}
        try:
            with _site.gunicorn(url, env=env) as base:
                cookie = _site.session_cookie(app, user_id).split("=", 1)[1]
                headers = {"User-Agent": _site.USER_AGENT}
                with httpx.Client(headers=headers, timeout=10) as client:
                    client.cookies.set("session", cookie, domain="127.0.0.1")
                    one_reading(client, base, fake)  # warm up both workers' imports
                    one_reading(client, base, fake)
                    results = [one_reading(client, base, fake) for _ in range(args.runs)]
        finally:
            _site.remove_user(app, user_id)
    added = sorted(seen - FIRST_TOKEN for seen, _ in results)
    to_call = sorted(called for _, called in results)
    print(f"database: {url.split(':')[0]}, {args.runs} readings, model's first words after {FIRST_TOKEN * 1000:.0f} ms")
    print("| figure | median | p90 | max |")
    print("|---|---|---|---|")
    for name, values in (("added by the site (seen − 300 ms)", added), ("POST → Gemini request", to_call)):
        p90 = values[min(len(values) - 1, round(0.9 * (len(values) - 1)))]
        print(f"| {name} | {statistics.median(values) * 1000:.0f} ms | {p90 * 1000:.0f} ms | {values[-1] * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
