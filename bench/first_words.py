"""Benchmark: from pressing 운세보기 to the first words of the answer on screen, in Chromium.

Runs gunicorn (2 workers) with a fake Gemini (tests/fakes/gemini.py) whose first words come
300 ms after the request. Headless Chromium (Playwright, /usr/bin/chromium), signed in to
the demo account (development settings), opens /reading, picks a topic, shuffles, picks five cards and presses
운세보기; the clock runs from the click until the first words are in the page's answer area,
through the redirect, the reading page, its scripts and the htmx polls. The time minus the
model's 300 ms is what the site adds. Uses SQLite, or DATABASE_URL when set.

    python bench/first_words.py [--runs 15]

Budget (bench/README.md): first words on screen ≤ the model's first token + 1.0 s.
"""

import argparse
import re
import statistics
import sys
import tempfile
import time

import _site

sys.path.insert(0, str(_site.ROOT))
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.fakes.gemini import SIX_PART_ANSWER, Answer, FakeGemini  # noqa: E402

FIRST_TOKEN = 0.3
FIRST_WORDS = "안녕하세요, 오늘도 와 주셨네요."
WORDS_SHOWN = """words => {
    const answer = document.querySelector('#answer');
    return answer !== null && answer.textContent.includes(words);
}"""


def one_reading(page, base, fake):
    """One reading; returns (seconds to first words on screen, seconds from click to the Gemini call)."""
    page.goto(base + "/reading")
    page.get_by_role("radio", name="애정운").check()
    page.locator("#concern").fill("연락이 올까요?")
    page.get_by_role("button", name="카드 섞기").click()
    page.locator(".deal-card").nth(29).wait_for()
    for index in range(5):
        page.locator(".deal-card").nth(index * 3).click()
        page.locator(".deal-card.is-picked").nth(index).wait_for()
    calls = len(fake.requests)
    start = time.monotonic()
    page.get_by_role("button", name="운세보기").click()
    page.wait_for_function(WORDS_SHOWN, arg=FIRST_WORDS, polling="raf", timeout=15_000)
    seen = time.monotonic() - start
    called = fake.requests[calls]["at"] - start
    page.locator("#answer.is-done").wait_for(timeout=15_000)
    return seen, called


def _sign_in(context, base):
    """Sign the browser in to the demo account (development only), as a visitor would."""
    login_page = context.request.get(base + "/login").text()
    token = re.search(r'name="csrf_token" value="([^"]+)"', login_page)
    form = {"next": "/", **({"csrf_token": token[1]} if token else {})}
    response = context.request.post(base + "/login/demo", form=form)
    assert response.ok, response.status


def _browser_runs(base, fake, runs):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(locale="ko-KR")
            _sign_in(context, base)
            page = context.new_page()
            one_reading(page, base, fake)  # warm up both workers' imports and the browser's cache
            one_reading(page, base, fake)
            return [one_reading(page, base, fake) for _ in range(runs)]
        finally:
            browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    answer = Answer(SIX_PART_ANSWER, first_delay=FIRST_TOKEN, delay=0.3)
    with tempfile.TemporaryDirectory() as workdir, FakeGemini([answer]) as fake:
        url = _site.database_url(workdir)
        _site.make_app(url)
        env = {"GEMINI_API_KEY": "bench-key", "GEMINI_BASE_URL": fake.url, "READINGS_PER_DAY": "100000"}
        with _site.gunicorn(url, env=env) as base:
            results = _browser_runs(base, fake, args.runs)
    seen = sorted(s for s, _ in results)
    added = [s - FIRST_TOKEN for s in seen]
    to_call = sorted(called for _, called in results)
    print(f"database: {url.split(':')[0]}, {args.runs} readings in Chromium, model's first words after "
          f"{FIRST_TOKEN * 1000:.0f} ms, budget {(FIRST_TOKEN + 1) * 1000:.0f} ms on screen")
    print("| figure | median | p90 | max |")
    print("|---|---|---|---|")
    for name, values in (
        ("click → first words on screen", seen), ("added by the site (on screen − 300 ms)", added),
        ("click → Gemini request", to_call),
    ):
        p90 = values[min(len(values) - 1, round(0.9 * (len(values) - 1)))]
        print(f"| {name} | {statistics.median(values) * 1000:.0f} ms | {p90 * 1000:.0f} ms | {values[-1] * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
