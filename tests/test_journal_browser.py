"""The journal in headless Chromium: a note written, edited and deleted with the keyboard
alone and without a reload, the archive searched, my cards read as charts and tables — on
a 360 px phone and a 1280 px desktop, in Korean and English, nothing sticking out sideways."""

import re

import pytest

from tarot.extensions import db
from tarot.models import Reading
from tests.archive_support import seed_saved
from tests.browser_support import console_errors, sign_in_demo
from tests.test_a11y_browser import tab_to
from tests.test_layout_browser import OVERFLOW

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}


def signed_in_page(browser, app, live_server, size, locale="ko-KR"):
    context = browser.new_context(locale=locale, viewport=SIZES[size])
    context.set_default_timeout(15_000)
    user_id = sign_in_demo(context, app, live_server.url)
    return context, context.new_page(), user_id


def assert_nothing_overflows(page, where):
    found = page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["width"] and not found["wide"], (where, found)


def stored_note(app, public_id):
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        return reading.note, reading.mood


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_note_written_edited_and_deleted_with_the_keyboard(app, live_server, browser, size):
    context, page, user_id = signed_in_page(browser, app, live_server, size)
    errors = console_errors(page)
    public_id = seed_saved(app, user_id, 1)[0]
    page.goto(f"{live_server.url}/reading/{public_id}")
    page.evaluate("() => { window.stayed = true; }")  # gone if the page reloads

    tab_to(page, lambda state: "#note-text." in state["key"])
    page.keyboard.type("일주일 뒤 연락이 왔어요")
    page.keyboard.press("Tab")  # into the moods, on the checked one: "no mood", the last
    for _ in range(3):  # the arrows move and check, wrapping round: hopeful, calm, grateful
        page.keyboard.press("ArrowRight")
    tab_to(page, lambda state: "메모 저장" in state["what"])
    page.keyboard.press("Enter")
    expect(page.locator(".note-status")).to_have_text("메모를 저장했어요.")
    assert page.evaluate("() => window.stayed") is True
    assert stored_note(app, public_id) == ("일주일 뒤 연락이 왔어요", "grateful")
    expect(page.locator(".note-view .mood-badge")).to_contain_text("고마워요")
    assert_nothing_overflows(page, "note saved")

    tab_to(page, lambda state: "메모 고치기" in state["what"])
    page.keyboard.press("Enter")
    tab_to(page, lambda state: "#note-text." in state["key"])
    page.keyboard.press("Control+A")
    page.keyboard.type("답장은 천천히 했어요")
    tab_to(page, lambda state: "메모 저장" in state["what"])
    page.keyboard.press("Enter")
    expect(page.locator(".note-text")).to_have_text("답장은 천천히 했어요")
    assert stored_note(app, public_id) == ("답장은 천천히 했어요", "grateful")

    page.once("dialog", lambda dialog: dialog.accept())
    tab_to(page, lambda state: "메모 지우기" in state["what"])
    page.keyboard.press("Enter")
    expect(page.locator(".note-status")).to_have_text("메모를 지웠어요.")
    assert stored_note(app, public_id) == (None, None)
    assert page.evaluate("() => window.stayed") is True
    assert errors == []
    context.close()


def test_a_refused_note_keeps_what_was_typed(app, live_server, browser):
    context, page, user_id = signed_in_page(browser, app, live_server, "phone")
    public_id = seed_saved(app, user_id, 1)[0]
    page.goto(f"{live_server.url}/reading/{public_id}")
    page.fill("#note-text", "가" * 2001)
    page.get_by_role("button", name="메모 저장").click()
    expect(page.locator("#note-error")).to_contain_text("2,000자까지")
    assert page.input_value("#note-text") == "가" * 2001
    assert stored_note(app, public_id) == (None, None)
    context.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_search_the_archive_by_card_and_words(app, live_server, browser, size):
    context, page, user_id = signed_in_page(browser, app, live_server, size)
    ids = seed_saved(app, user_id, 30)
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=ids[3])).scalar_one()
        reading.note, reading.mood = "산책하며 정리했어요", "calm"
        db.session.commit()
    page.goto(live_server.url + "/archive")
    tab_to(page, lambda state: "카드·기분·낱말로 찾기" in state["what"])
    page.keyboard.press("Enter")
    tab_to(page, lambda state: "#archive-q." in state["key"])
    page.keyboard.type("산책")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/archive\?q=%EC%82%B0%EC%B1%85&card=&mood=$"))  # a plain GET form
    expect(page.locator("li.archive-item")).to_have_count(1)
    expect(page.locator(".archive-note")).to_contain_text("차분해요")
    assert_nothing_overflows(page, "search results")
    page.select_option("#archive-card", "the-fool")
    page.get_by_role("button", name="찾기", exact=True).click()
    page.wait_for_url(re.compile(r"card=the-fool"))
    expect(page.locator("li.archive-item")).to_have_count(0)
    page.get_by_role("link", name="조건 지우기").click()
    expect(page.locator("li.archive-item")).to_have_count(20)
    context.close()


@pytest.mark.parametrize(("size", "locale", "title"), [
    ("phone", "ko-KR", "나의 카드 통계"), ("desktop", "ko-KR", "나의 카드 통계"),
    ("phone", "en-US", "My cards"), ("desktop", "en-US", "My cards"),
])
def test_my_cards_as_charts_and_tables(app, live_server, browser, size, locale, title):
    context, page, user_id = signed_in_page(browser, app, live_server, size, locale)
    errors = console_errors(page)
    seed_saved(app, user_id, 40)
    page.goto(live_server.url + "/archive/stats")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    charts = page.locator("svg.chart-svg")
    expect(charts).to_have_count(5)
    for index in range(5):
        box = charts.nth(index).bounding_box()
        assert box["width"] > 250 and box["height"] > 50
    first_bar = page.locator("#chart-top rect.chart-bar").first.bounding_box()
    assert first_bar["width"] > 0.5 * page.locator("#chart-top svg").bounding_box()["width"]
    assert_nothing_overflows(page, f"stats {size} {locale}")
    tab_to(page, lambda state: state["what"].startswith("summary"))  # the first chart's table
    page.keyboard.press("Enter")
    table = page.locator("#chart-top table")
    expect(table).to_be_visible()
    assert table.locator("tbody tr").count() == 10
    assert_nothing_overflows(page, "table open")
    assert errors == []
    context.close()
