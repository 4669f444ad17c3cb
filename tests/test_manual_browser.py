"""A reading of my own deck in Chromium, by keyboard alone, at phone and desktop width, in
Korean and English; and axe finds nothing serious on the form, with an error showing."""

import re

import pytest
from playwright.sync_api import expect

from tarot.extensions import db
from tarot.models import Reading
from tests.a11y_support import describe, reveal_and_settle, run_axe
from tests.browser_support import console_errors, serve_app, sign_in_demo
from tests.test_a11y_browser import tab_to

pytestmark = pytest.mark.browser

WORDS = {
    "ko": {"locale": "ko-KR", "spread": "한 장 뽑기", "place": "1. 나의 카드", "read": "운세보기",
           "unknown": "‘없는 카드’, 이런 이름의 카드는 찾지 못했어요.", "own": "내 덱으로 뽑은 카드",
           "headings": ["인사", "카드의 메시지", "마무리"], "save": "저장하기", "badge": "내 덱"},
    "en": {"locale": "en-US", "spread": "One card", "place": "1. Your card", "read": "Get a Reading",
           "unknown": "We couldn't find a card called “없는 카드”.", "own": "drawn from my own deck",
           "headings": ["Greeting", "The card's message", "Closing"], "save": "Save", "badge": "My deck"},
}


@pytest.fixture
def site(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    with serve_app(app) as base:
        yield app, base


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_reading_of_my_own_deck_by_keyboard_alone(site, browser, width, lang):
    app, base = site
    words = WORDS[lang]
    context = browser.new_context(viewport={"width": width, "height": 800}, locale=words["locale"])
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        errors = console_errors(page)
        sign_in_demo(context, app, base)
        page.goto(base + "/reading/manual")
        tab_to(page, lambda s: s["key"].startswith("A#.filter-chip:" + words["spread"]))
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"spread=one-card"))
        expect(page.locator(".manual-label")).to_have_text([words["place"]])

        tab_to(page, lambda s: s["key"].startswith("INPUT#.:newyear"))  # the topic group's first radio
        page.keyboard.press("Space")
        tab_to(page, lambda s: s["key"].startswith("INPUT#card-0"))
        page.keyboard.type("없는 카드")
        page.keyboard.press("Enter")  # submits the form
        expect(page.locator("#card-0-error")).to_contain_text(words["unknown"])
        expect(page.locator("#card-0")).to_have_attribute("aria-invalid", "true")
        with app.app_context():
            assert db.session.execute(db.select(Reading)).first() is None
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width

        tab_to(page, lambda s: s["key"].startswith("INPUT#card-0"))
        page.keyboard.press("Control+A")
        page.keyboard.type("여사제" if lang == "en" else "the high priestess")  # either language
        tab_to(page, lambda s: s["key"].startswith("INPUT#.:") and s["key"].endswith(":0"))  # reversed
        page.keyboard.press("Space")
        tab_to(page, lambda s: s["key"].startswith("BUTTON") and words["read"] in s["key"])
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/reading/[A-Za-z0-9_-]{20,}$"))

        expect(page.locator("#answer.is-done")).to_be_visible()
        expect(page.locator("#answer h3")).to_have_text(words["headings"])
        expect(page.locator(".result-meta")).to_contain_text(words["own"])
        expect(page.locator(".result-orientation")).to_have_class(re.compile("is-reversed"))
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
        tab_to(page, lambda s: s["key"].startswith("BUTTON") and words["save"] in s["key"])
        page.keyboard.press("Enter")
        expect(page.locator(".save-message[role=status]")).to_be_visible()
        page.goto(base + "/archive")
        expect(page.locator(".own-deck-badge")).to_have_text([words["badge"]])
        with app.app_context():
            reading = db.session.execute(db.select(Reading)).scalar_one()
            assert (reading.source, reading.spread, reading.saved_at is not None) == ("own-deck", "one-card", True)
            assert reading.cards == [{"card": 2, "reversed": True, "position": "card"}]
        # The refused form's 422 is logged by Chromium as a failed load; nothing else may be.
        assert [e for e in errors if "status of 422" not in e] == []
    finally:
        context.close()


def test_axe_finds_nothing_serious_on_the_form_with_an_error_showing(site, browser):
    app, base = site
    context = browser.new_context(bypass_csp=True, locale="ko-KR")
    page = context.new_page()
    try:
        sign_in_demo(context, app, base)
        page.goto(base + "/reading/manual?spread=relationship")
        for index, name in enumerate(("없는 카드", "바보", "The Magician", "여황제")):
            page.locator(f"#card-{index}").fill(name)
        page.get_by_role("button", name="운세보기").click()
        expect(page.locator("#card-0-error")).to_be_visible()
        reveal_and_settle(page)
        serious = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
        assert serious == [], "\n".join(describe(serious))
    finally:
        context.close()
