"""The archive in headless Chromium: save a reading, find it, open it, delete it; more; no JS.

The fixtures here (live_server, browser, page) mirror tests/browser_support.py of the sign-in
branch, so they can be swapped for it when both meet. Signing in needs no sign-in page: the
test writes Flask-Login's session for the browser's address and user agent, signs it with the
app's secret and gives the cookie to the browser.
"""

import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tarot.extensions import db
from tarot.models import Reading
from tests.archive_support import seed_saved
from tests.helpers import make_user

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
USER_AGENT = "TarotMilkTeaArchiveTest/1.0 Chromium"
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect


@pytest.fixture
def live_server(app):
    """The ``app`` fixture served by a threaded werkzeug server on 127.0.0.1:<free port>."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}, which is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def signed_in_context(browser, app, live_server, user_id, **options):
    """A browser context whose session cookie signs in the user (with Flask-Login's
    strong session protection, the cookie must match this address and user agent)."""
    from flask_login.utils import _create_identifier

    from tarot.models import User

    with app.app_context():
        token = db.session.get(User, user_id).session_token
    with app.test_request_context(headers={"User-Agent": USER_AGENT}, environ_base={"REMOTE_ADDR": "127.0.0.1"}):
        identifier = _create_identifier()
    client = app.test_client()
    with client.session_transaction() as session:
        session.update({"_user_id": token, "_fresh": True, "_id": identifier})
    context = browser.new_context(
        user_agent=USER_AGENT, locale="ko-KR", viewport={"width": 1280, "height": 900}, **options
    )
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "session", "value": client.get_cookie("session").value, "url": live_server.url}])
    return context


def collect_errors(page):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def stored_ids(app):
    with app.app_context():
        return set(db.session.execute(db.select(Reading.public_id)).scalars())


def test_save_a_reading_find_it_open_it_delete_it(app, live_server, browser):
    user_id = make_user(app)
    context = signed_in_context(browser, app, live_server, user_id)
    page = context.new_page()
    errors = collect_errors(page)

    page.goto(live_server.url + "/archive")
    page.get_by_text("보관한 결과가 없습니다").wait_for()

    page.goto(live_server.url + "/reading")
    page.locator("label.chip", has_text="직장운").click()
    page.fill("#concern", "이직 제안을 받아들여도 될까요?\n연봉은 조금 올라요.")
    page.get_by_role("button", name="카드 섞기").click()
    for picked in range(1, 6):
        page.locator("button.deal-card:not(.is-picked)").first.click()
        expect(page.locator("button.deal-card.is-picked")).to_have_count(picked)
    page.get_by_role("button", name="운세보기").click()
    page.wait_for_url(re.compile(r"/reading/[A-Za-z0-9_-]{20,}$"))
    public_id = page.url.rsplit("/", 1)[1]
    page.get_by_role("button", name="저장하기").click()
    page.get_by_text("보관함에 저장했어요").wait_for()

    page.get_by_role("link", name="보관함 보기").click()
    page.wait_for_url(live_server.url + "/archive")
    rows = page.locator("li.archive-item")
    assert rows.count() == 1
    row = rows.first
    assert "직장운" in row.inner_text()
    assert row.locator(".archive-concern").inner_text() == "이직 제안을 받아들여도 될까요?"
    assert row.locator("img.archive-thumb").count() == 5
    assert page.locator("#archive-count").inner_text() == "보관한 풀이 1개"

    row.get_by_role("link", name="풀이 보기").click()
    page.wait_for_url(live_server.url + f"/reading/{public_id}")
    for heading in ("인사", "과거", "현재", "미래", "조언", "마무리"):
        assert page.locator("h3", has_text=heading).count() == 1
    page.get_by_role("link", name="← 보관함으로").click()
    page.wait_for_url(live_server.url + "/archive")

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("li.archive-item").get_by_role("link", name="삭제").click()
    page.locator("li.archive-item").wait_for(state="detached")
    page.get_by_text("이 목록의 풀이를 모두 삭제했어요.").wait_for()
    assert page.locator("#archive-count").inner_text() == "보관한 풀이 0개"
    assert stored_ids(app) == set()
    page.reload()
    page.get_by_text("보관한 결과가 없습니다").wait_for()
    assert errors == []
    context.close()


def test_more_appends_the_next_page_and_moves_focus(app, live_server, browser):
    user_id = make_user(app)
    ids = seed_saved(app, user_id, 25)
    context = signed_in_context(browser, app, live_server, user_id)
    page = context.new_page()
    errors = collect_errors(page)
    page.goto(live_server.url + "/archive")
    assert page.locator("li.archive-item").count() == 20
    more = page.get_by_role("link", name="더 보기")
    assert page.get_by_text("다음 페이지 →").is_hidden()
    more.click()
    expect(page.locator("li.archive-item")).to_have_count(25)
    assert page.url == live_server.url + "/archive"
    assert page.get_by_role("link", name="더 보기").count() == 0
    page.get_by_text("보관한 풀이를 모두 불러왔어요.").wait_for()
    # wait-for-function style checks would need eval, which the CSP forbids; locators do not
    expect(page.locator(f'[id="concern-{ids[4]}"] a')).to_be_focused()  # the 21st newest
    assert errors == []
    context.close()


def test_without_javascript_pages_are_links_and_delete_asks_first(app, live_server, browser):
    user_id = make_user(app)
    ids = seed_saved(app, user_id, 21)
    context = signed_in_context(browser, app, live_server, user_id, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/archive")
    assert page.get_by_text("더 보기").is_hidden()
    page.get_by_role("link", name="다음 페이지 →").click()
    page.wait_for_url(re.compile(r"/archive\?cursor="))
    assert page.locator("li.archive-item").count() == 1
    page.get_by_role("link", name="삭제").click()
    page.get_by_role("heading", name="정말 삭제할까요?").wait_for()
    page.get_by_role("button", name="삭제하기").click()
    page.wait_for_url(live_server.url + "/archive")
    page.get_by_text("풀이를 삭제했어요.").wait_for()
    assert stored_ids(app) == set(ids[1:])
    context.close()
