"""The reading journey in Chromium, with the fake Gemini writing slowly."""

import contextlib
import re

import pytest

from tarot.extensions import db
from tarot.models import ModelCall, Reading
from tests.browser_support import console_errors, serve_app, sign_in_demo
from tests.fakes.gemini import Answer, Error, FakeGemini

pytestmark = pytest.mark.browser

HEADINGS = ["인사", "과거", "현재", "미래", "조언", "마무리"]
# About three seconds of writing: first words after 300 ms, then a chunk every 300 ms.
SLOW_ANSWER = [
    "[[greeting]]\n안녕하세요, 밀크티님. ",
    "오늘은 마음속 이야기를 들고 오셨네요.\n\n",
    "[[past]]\n지나온 시간에는 ",
    "조심스러운 마음이 컸어요.\n\n",
    "[[present]]\n지금은 ",
    "마음을 정리하는 때예요.\n\n",
    "[[future]]\n앞으로는 ",
    "천천히 길이 열릴 거예요.\n\n",
    "[[advice]]\n오늘 작은 일부터 ",
    "시작해 보세요.\n\n",
    "[[conclusion]]\n다 잘될 거예요. ",
    "또 들러 주세요.",
]


@pytest.fixture
def site(make_app):
    """``site(**config)`` → (app, base URL) with a fake Gemini and CSRF on."""
    with contextlib.ExitStack() as stack:

        def start(script=None, **config):
            fake = stack.enter_context(
                FakeGemini(script or [Answer(SLOW_ANSWER, first_delay=0.3, delay=0.3)])
            )
            app = make_app(
                WTF_CSRF_ENABLED=True, GEMINI_API_KEY="test-key", GEMINI_BASE_URL=fake.url,
                GEMINI_TIMEOUT=5, READING_RETRY_DELAYS=(0.05, 0.05), **config,
            )
            return app, stack.enter_context(serve_app(app))

        yield start


def shuffle_and_pick(page, count=5):
    page.get_by_role("button", name="카드 섞기").click()
    page.locator(".deal-card").nth(29).wait_for()
    for index in range(count):
        page.locator(".deal-card").nth(index * 3).click()
        page.locator(".deal-card.is-picked").nth(index).wait_for()


def test_the_whole_journey(site, page):
    app, base = site()
    errors = console_errors(page)
    sign_in_demo(page.context, app, base)
    page.goto(base + "/reading")
    page.get_by_role("radio", name="애정운").check()
    page.locator("#concern").fill("요즘 연락이 뜸한 그 사람, 제 마음을 전해도 될까요?")
    shuffle_and_pick(page)
    assert page.locator(".spread-place.is-filled").count() == 5
    page.get_by_role("button", name="운세보기").click()
    page.wait_for_url(re.compile(r"/reading/[A-Za-z0-9_-]{20,}$"))

    # Words appear while the reader is still writing ...
    page.wait_for_function(
        """() => {
            const answer = document.querySelector('#answer');
            return answer && answer.classList.contains('is-pending')
                && answer.querySelector('.answer-greeting')
                && answer.textContent.includes('안녕하세요, 밀크티님');
        }""",
        timeout=10000,
    )
    assert page.locator("#answer.is-pending .answer-conclusion").count() == 0
    # ... and the answer ends in six parts, with nothing left polling.
    page.locator("#answer.is-done").wait_for(timeout=10000)
    assert page.locator("#answer h3").all_inner_texts() == HEADINGS
    assert "또 들러 주세요." in page.locator(".answer-conclusion").inner_text()
    assert page.locator("[hx-trigger]").count() == 0

    page.get_by_role("button", name="저장하기").click()
    page.get_by_text("보관함에 저장했어요").wait_for()
    with app.app_context():
        reading = db.session.execute(db.select(Reading)).scalar_one()
        assert (reading.status, reading.topic) == ("done", "love")
        assert reading.saved_at is not None
    assert errors == []


def test_refusals_reach_the_screen(site, page):
    """The pick endpoint answers 401 / 422 with a partial; htmx must show it."""
    app, base = site()
    page.goto(base + "/reading")
    page.get_by_role("button", name="카드 섞기").click()
    page.locator(".deal-card").first.click()
    page.get_by_text("카드를 고르려면 먼저 로그인해 주세요.").wait_for(timeout=3000)

    sign_in_demo(page.context, app, base)
    page.goto(base + "/reading")
    shuffle_and_pick(page)
    page.locator(".deal-card:not(.is-picked)").first.click()
    page.get_by_text("카드는 다섯 장까지 고를 수 있어요", exact=False).wait_for(timeout=3000)
    assert page.locator(".deal-card.is-picked").count() == 5


def test_the_daily_limit_reaches_the_screen(site, page):
    """A boosted form whose answer is 429 shows the page it returned."""
    app, base = site(READINGS_PER_DAY=1)
    user_id = sign_in_demo(page.context, app, base)
    page.goto(base + "/reading")
    page.get_by_role("radio", name="금전운").check()
    shuffle_and_pick(page)
    limit = "오늘 받을 수 있는 AI 풀이를 모두 받았어요"
    assert page.get_by_text(limit).count() == 0
    with app.app_context():  # meanwhile, another tab used today's allowance
        db.session.add(ModelCall(user_id=user_id, kind="reading"))
        db.session.commit()
    page.get_by_role("button", name="운세보기").click()
    page.get_by_text(limit).wait_for(timeout=3000)


def test_an_expired_session_shows_a_notice_not_a_page_in_the_page(site, page):
    """A pick whose CSRF token no longer matches gets the error in the notice area."""
    app, base = site()
    sign_in_demo(page.context, app, base)
    page.goto(base + "/reading")
    page.get_by_role("button", name="카드 섞기").click()
    page.locator(".deal-card").nth(29).wait_for()
    page.context.clear_cookies()  # the session (and its CSRF secret) is gone
    page.locator(".deal-card").first.click()
    page.locator("#notices").get_by_text("보안 확인이 만료됐어요").wait_for(timeout=3000)
    assert page.locator("header").count() == 1
    assert page.locator(".deal-card").count() == 30


def test_a_refused_retry_says_why_on_the_screen(site, page):
    """Past READING_RETRIES the retry answers 409 with the failed answer; htmx shows it."""
    app, base = site([Error(401, "UNAUTHENTICATED")], READING_RETRIES=1)
    sign_in_demo(page.context, app, base)
    page.goto(base + "/reading")
    page.get_by_role("radio", name="금전운").check()
    shuffle_and_pick(page)
    page.get_by_role("button", name="운세보기").click()
    page.locator("#answer.is-failed").wait_for(timeout=10000)
    page.get_by_role("button", name="다시 시도").click()  # the one retry allowed fails again
    page.locator("#answer.is-pending").wait_for(timeout=5000)
    page.locator("#answer.is-failed").wait_for(timeout=10000)
    page.get_by_role("button", name="다시 시도").click()
    page.get_by_text("이 풀이는 다시 시도할 수 있는 횟수를 모두 썼어요").wait_for(timeout=5000)
    assert page.get_by_role("button", name="다시 시도").count() == 0
