"""Choosing a spread in Chromium, by keyboard alone, at phone and desktop width, in Korean and
English: the deal follows the spread, the answer comes in its sections, the archive names it."""

import re

import pytest
from playwright.sync_api import expect

from tarot.extensions import db
from tarot.models import Reading
from tests.browser_support import console_errors, serve_app, sign_in_demo
from tests.test_a11y_browser import tab_to

pytestmark = pytest.mark.browser

WORDS = {
    "ko": {"locale": "ko-KR", "name": "관계: 나와 그 사람", "read": "운세보기", "save": "저장하기",
           "places": ["나의 모습", "상대의 모습", "우리 사이", "앞으로의 흐름"],
           "headings": ["인사", "나의 모습", "상대의 모습", "우리 사이", "앞으로의 흐름", "마무리"],
           "saved": "보관함에 저장했어요", "too_few": "카드 네 장을 골라야 운세를 볼 수 있어요."},
    "en": {"locale": "en-US", "name": "Relationship: you and them", "read": "Get a Reading", "save": "Save",
           "places": ["You", "The other person", "Between you", "Outlook"],
           "headings": ["Greeting", "You", "The other person", "Between you", "Outlook", "Closing"],
           "saved": "Saved to your archive", "too_few": "Choose four cards to get your reading."},
}


@pytest.fixture
def site(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    with serve_app(app) as base:
        yield app, base


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_relationship_reading_by_keyboard_alone(site, browser, width, lang):
    app, base = site
    words = WORDS[lang]
    context = browser.new_context(viewport={"width": width, "height": 800}, locale=words["locale"])
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        errors = console_errors(page)
        sign_in_demo(context, app, base)
        page.goto(base + "/reading")
        tab_to(page, lambda s: s["key"].startswith("INPUT#."))  # the first topic radio
        page.keyboard.press("Space")
        # The spread group: one Tab stop on the checked five-card spread, then an arrow key.
        tab_to(page, lambda s: s["key"].endswith(":five-card"))
        page.keyboard.press("ArrowDown")
        expect(page.get_by_role("radio", name=words["name"])).to_be_checked()
        expect(page.locator(".spread-label")).to_have_text(words["places"])
        expect(page.locator(".deal-card")).to_have_count(30)  # choosing the spread dealt for it

        for picked in range(1, 4):
            tab_to(page, lambda s: s["key"].startswith("BUTTON#deal-card-") and "is-picked" not in s["key"])
            page.keyboard.press("Enter")
            expect(page.locator(".deal-card.is-picked")).to_have_count(picked)
        tab_to(page, lambda s: s["key"].startswith("BUTTON#read-button"), backwards=True)
        page.keyboard.press("Enter")  # three of four: the button explains instead
        expect(page.locator("[data-read-hint]")).to_have_text(words["too_few"])
        tab_to(page, lambda s: s["key"].startswith("BUTTON#deal-card-") and "is-picked" not in s["key"])
        page.keyboard.press("Space")
        expect(page.locator(".spread-place.is-filled")).to_have_count(4)
        tab_to(page, lambda s: s["key"].startswith("BUTTON#read-button"), backwards=True)
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/reading/[A-Za-z0-9_-]{20,}$"))

        expect(page.locator("#answer.is-done")).to_be_visible()
        expect(page.locator("#answer h3")).to_have_text(words["headings"])
        expect(page.locator(".result-position")).to_have_text(words["places"])
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
        tab_to(page, lambda s: s["key"].startswith("BUTTON") and words["save"] in s["key"])
        page.keyboard.press("Enter")
        expect(page.get_by_text(words["saved"])).to_be_visible()

        page.goto(base + "/archive")
        expect(page.locator(".spread-badge")).to_have_text([words["name"]])
        expect(page.locator(".archive-thumb")).to_have_count(4)
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
        with app.app_context():
            reading = db.session.execute(db.select(Reading)).scalar_one()
            assert (reading.spread, reading.locale) == ("relationship", lang)
        assert errors == []
    finally:
        context.close()


def test_the_reading_page_fits_a_phone_with_every_spread(site, browser):
    app, base = site
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="ko-KR")
    page = context.new_page()
    try:
        sign_in_demo(context, app, base)
        page.goto(base + "/reading")
        for name, count in (("한 장 뽑기", 1), ("세 장: 과거·현재·미래", 3), ("다섯 장: 흐름과 조언", 5)):
            page.get_by_role("radio", name=name).check()
            expect(page.locator(".spread-place")).to_have_count(count)
            expect(page.locator(".deal-card")).to_have_count(30)
            assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 360
    finally:
        context.close()
