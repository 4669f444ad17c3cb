"""The card of the day in headless Chromium: drawn by keyboard alone at 360 px and 1280 px,
in Korean and English, the same card after a reload and on a second device, the note and
the last 30 days for a signed-in user, and a visitor's card offline on its own day only."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from tarot.daily import service
from tests.browser_support import console_errors, sign_in_demo
from tests.test_pwa_browser import OFFLINE_TITLE, wait_for_worker

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect

# The shown card: (guide link, orientation text).
SHOWN = "() => [document.querySelector('.daily-face').getAttribute('href'), " \
        "document.querySelector('.daily-orientation').textContent.trim()]"
STORED_DAILY = """async () => {
  const found = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) {
      if (new URL(request.url).pathname === "/daily") found.push(request.url);
    }
  }
  return found;
}"""


@pytest.fixture
def app(make_app):
    return make_app(DEMO_LOGIN=True)


def new_page(browser, width, locale="ko-KR", **options):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale=locale, **options)
    context.set_default_timeout(15_000)
    return context.new_page()


def tab_until(page, selector, limit=40):
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def assert_fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_visitor_draws_by_keyboard_at_360_px_in_korean(live_server, browser):
    page = new_page(browser, 360)
    errors = console_errors(page)
    page.goto(live_server.url + "/daily")
    expect(page.get_by_role("heading", level=1)).to_have_text("오늘의 카드")
    assert_fits(page, 360)

    tab_until(page, "#daily-draw-button")
    page.keyboard.press("Enter")
    name = page.locator("#daily-card-name")
    expect(name).to_be_focused()  # the card's name takes focus when it turns over
    for heading in ("오늘의 의미", "한 줄 조언"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    assert page.locator(".daily-keywords li").count() >= 2
    expect(page.get_by_text("로그인하면 이 카드에 맞춘 짧은 노트")).to_be_visible()
    shown = page.evaluate(SHOWN)
    assert shown[1] in ("정방향", "역방향")
    assert_fits(page, 360)

    page.reload()  # the cookie keeps it: the same card, face up at once
    assert page.evaluate(SHOWN) == shown
    tab_until(page, ".daily-guide-link a")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + shown[0])
    assert errors == []
    page.context.close()


def test_a_signed_in_user_gets_the_note_and_the_history_at_1280_px_in_english(app, live_server, browser):
    page = new_page(browser, 1280, locale="en-GB", timezone_id="Europe/London")
    errors = console_errors(page)
    sign_in_demo(page.context, app, live_server.url)
    page.goto(live_server.url + "/daily")
    expect(page.get_by_role("heading", level=1)).to_have_text("Card of the Day")
    tab_until(page, "#daily-draw-button")
    page.keyboard.press("Space")
    expect(page.locator("#daily-card-name")).to_be_focused()
    expect(page.get_by_role("heading", name="What it means today")).to_be_visible()
    # The note is written by the offline reader and polled in.
    expect(page.locator("#daily-note.is-done")).to_contain_text("Offline note", timeout=20_000)
    expect(page.locator("#daily-note")).to_contain_text("데모밀크티")
    history = page.locator(".daily-history-item")
    expect(history).to_have_count(1)
    expect(history.first).to_contain_text("Today")
    # Outside Korea the page says when the next card comes in the visitor's own time.
    expect(page.locator("time.daily-next")).to_have_text(re.compile(r"your time"))
    shown = page.evaluate(SHOWN)

    other = page.context.new_page()  # a second device of the same account
    other.goto(live_server.url + "/daily")
    assert other.evaluate(SHOWN) == shown
    assert errors == []
    page.context.close()


def _store_todays_card(page, base):
    """Open the app, let the worker take control, draw the card and wait until it is stored."""
    page.goto(base + "/")
    wait_for_worker(page)
    page.goto(base + "/daily")
    page.get_by_role("button", name="카드 뒤집기").click()
    expect(page.locator("#daily-card-name")).to_be_visible()
    return page.evaluate(SHOWN)


def test_a_visitors_card_opens_offline_that_day(live_server, browser):
    page = new_page(browser, 360)
    shown = _store_todays_card(page, live_server.url)
    page.wait_for_function(f"({STORED_DAILY})().then((found) => found.length === 1)")
    page.context.set_offline(True)
    response = page.goto(live_server.url + "/daily")
    assert response.ok and response.from_service_worker
    assert page.evaluate(SHOWN) == shown
    page.context.close()


def test_signing_in_removes_the_visitors_stored_card(app, live_server, browser):
    page = new_page(browser, 1280)
    _store_todays_card(page, live_server.url)
    page.wait_for_function(f"({STORED_DAILY})().then((found) => found.length === 1)")
    sign_in_demo(page.context, app, live_server.url)
    page.goto(live_server.url + "/")  # a signed-in page passes through the worker
    page.wait_for_function(f"({STORED_DAILY})().then((found) => found.length === 0)")
    page.context.close()


def test_a_card_whose_day_has_ended_is_not_kept_offline(live_server, browser, monkeypatch):
    # The server's day is two days ago: its end in Seoul has passed by the browser's clock.
    monkeypatch.setattr(service, "now", lambda: datetime.now(UTC) - timedelta(days=2))
    page = new_page(browser, 1280)
    _store_todays_card(page, live_server.url)
    page.reload()
    page.wait_for_timeout(500)  # give the worker time to (wrongly) store it
    assert page.evaluate(STORED_DAILY) == []
    page.context.set_offline(True)
    page.goto(live_server.url + "/daily")
    assert page.get_by_role("heading", level=1).inner_text() == OFFLINE_TITLE
    page.context.close()
