"""Follow-up questions in Chromium: the form appears when the reading is done, a question is
asked by keyboard alone, and its answer streams in under it; at 360 px and 1280 px, in
Korean and English."""

import contextlib

import pytest

from tarot.extensions import db
from tarot.models import Reading
from tests.browser_support import console_errors, serve_app, sign_in_demo
from tests.fakes.gemini import SIX_PART_ANSWER, Answer, FakeGemini
from tests.reliability_support import seed_reading
from tests.test_a11y_browser import tab_to

pytestmark = pytest.mark.browser

# About two seconds of writing, so the page shows the answer while it is written.
SLOW_FOLLOWUP = ["주말 오후가 좋아요. ", "마음이 가벼울 때 ", "먼저 인사를 건네 보세요.\n\n",
                 "조급해하지 않아도 ", "괜찮아요."]
HOSTILE = '<img src=x onerror="alert(1)"> 언제쯤일까요?'


@pytest.fixture
def site(make_app):
    """``site(*script)`` → (app, base URL) with a fake Gemini and CSRF on."""
    with contextlib.ExitStack() as stack:

        def start(*script):
            fake = stack.enter_context(FakeGemini(list(script)))
            app = make_app(WTF_CSRF_ENABLED=True, GEMINI_API_KEY="test-key", GEMINI_BASE_URL=fake.url,
                           GEMINI_TIMEOUT=5, READING_RETRY_DELAYS=(0.05, 0.05))
            return app, stack.enter_context(serve_app(app))

        yield start


def _pending_reading(app, user_id):
    """A reading whose answer has not been written yet: the page's poll starts its job."""
    public_id = seed_reading(app, user_id, saved=False)
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        reading.status, reading.answer, reading.finished_at = "pending", None, None
        db.session.commit()
    return public_id


@pytest.mark.parametrize("width, locale, texts", [
    (360, "ko-KR", {"heading": "카드에게 더 물어보기", "label": "같은 카드에게 더 묻고 싶은 게 있나요?",
                    "left": "2번 더 물어볼 수 있어요"}),
    (1280, "en-US", {"heading": "Ask the cards more", "label": "Anything more you'd like to ask these cards?",
                     "left": "Questions left for this reading: 2"}),
])
def test_a_question_by_keyboard_streams_its_answer_under_the_reading(site, browser, width, locale, texts):
    app, base = site(Answer(SIX_PART_ANSWER, first_delay=0.5), Answer(SLOW_FOLLOWUP, first_delay=0.3, delay=0.4))
    context = browser.new_context(viewport={"width": width, "height": 800}, locale=locale)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        errors = console_errors(page)
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        public_id = _pending_reading(app, sign_in_demo(context, app, base))
        page.goto(f"{base}/reading/{public_id}")
        assert page.locator("#followup-question").count() == 0  # not before the reading is done

        # The form arrives with the finished answer, without a reload.
        page.locator("#followup-question").wait_for()
        assert page.get_by_role("heading", name=texts["heading"]).is_visible()
        tab_to(page, lambda state: state["key"].startswith("TEXTAREA#followup-question"))
        page.keyboard.type(HOSTILE)
        tab_to(page, lambda state: state["what"] in ('button.button "물어보기"', 'button.button "Ask"'))
        page.keyboard.press("Enter")

        # The answer shows while it is being written, then the form comes back for the next one.
        page.wait_for_function("() => document.querySelector('.followup-answer.is-pending')"
                               " && document.querySelector('.followup-answer').textContent.includes('주말 오후')")
        page.get_by_text("괜찮아요.").wait_for()
        page.locator("#followup-question").wait_for()
        assert page.get_by_text(texts["left"]).is_visible()
        assert page.locator(".followup-question").inner_text().endswith(HOSTILE)  # shown as text
        assert page.locator(".followup img").count() == 0 and dialogs == []
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        assert page.get_by_label(texts["label"]).is_visible()

        page.reload()  # saved with the reading, in order
        assert page.locator(".followup").count() == 1
        assert "먼저 인사를 건네 보세요." in page.locator(".followup-answer").inner_text()
        assert errors == []
    finally:
        context.close()


def test_axe_finds_nothing_serious_in_the_questions_and_answers(site, browser):
    from tests.a11y_support import describe, reveal_and_settle, run_axe

    app, base = site(Answer(SIX_PART_ANSWER), Answer(SLOW_FOLLOWUP))
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="ko-KR", bypass_csp=True)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        public_id = _pending_reading(app, sign_in_demo(context, app, base))
        page.goto(f"{base}/reading/{public_id}")
        page.locator("#followup-question").fill("그럼 언제쯤 연락하면 좋을까요?")
        page.get_by_role("button", name="물어보기").click()
        page.get_by_text("괜찮아요.").wait_for()
        page.locator("#followup-question").wait_for()  # the form is back, under the answer
        reveal_and_settle(page)
        serious = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
        assert serious == [], "\n".join(describe(serious))
    finally:
        context.close()
