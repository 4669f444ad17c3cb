"""The archive in headless Chromium: save a reading, find it, open it, delete it; more; no JS.

live_server and browser come from tests/browser_support.py. Each test signs in through the
demo sign-in (a real POST from the browser context, so the cookie is the site's own) and
seeds readings for that account.
"""

import re

import pytest

from tarot.extensions import db
from tarot.models import Reading
from tests.archive_support import seed_saved
from tests.browser_support import console_errors, sign_in_demo

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect


def signed_in_context(browser, app, live_server, **options):
    """A browser context signed in to the demo account; returns (context, user id)."""
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(15_000)
    return context, sign_in_demo(context, app, live_server.url)


def stored_ids(app):
    with app.app_context():
        return set(db.session.execute(db.select(Reading.public_id)).scalars())


def test_save_a_reading_find_it_open_it_delete_it(app, live_server, browser):
    context, user_id = signed_in_context(browser, app, live_server)
    page = context.new_page()
    errors = console_errors(page)

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
    context, user_id = signed_in_context(browser, app, live_server)
    ids = seed_saved(app, user_id, 25)
    page = context.new_page()
    errors = console_errors(page)
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


def test_deleting_a_reading_already_deleted_elsewhere_removes_its_row(app, live_server, browser):
    context, user_id = signed_in_context(browser, app, live_server)
    gone, kept = seed_saved(app, user_id, 2)
    page = context.new_page()
    page.goto(live_server.url + "/archive")
    with app.app_context():  # deleted meanwhile, in another tab
        db.session.execute(db.delete(Reading).where(Reading.public_id == gone))
        db.session.commit()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f'[id="concern-{gone}"]').locator("xpath=ancestor::li").get_by_role("link", name="삭제").click()
    expect(page.locator("li.archive-item")).to_have_count(1)
    expect(page.locator(f'[id="concern-{kept}"]')).to_be_visible()
    context.close()


def test_back_to_a_page_reached_through_more_is_the_whole_page(app, live_server, browser):
    """The site keeps no htmx history cache, so Back asks the server for the page again, and
    htmx 2 sends HX-Request with that request too: the answer must be the page, not the bare
    rows "more" gets."""
    context, user_id = signed_in_context(browser, app, live_server)
    seed_saved(app, user_id, 45)
    page = context.new_page()
    errors = console_errors(page)
    page.goto(live_server.url + "/archive")
    # "More"'s own address, as a new tab or a visitor without JavaScript opens it.
    page.goto(live_server.url + page.get_by_role("link", name="더 보기").get_attribute("href"))
    second_page = page.url
    rows = page.locator("#archive-list li.archive-item")
    expect(rows).to_have_count(20)
    page.get_by_role("link", name="더 보기").click()
    expect(rows).to_have_count(25)

    rows.first.get_by_role("link", name="풀이 보기").click()
    page.wait_for_url(re.compile(r"/reading/[A-Za-z0-9_-]{20,}$"))
    page.go_back()
    page.wait_for_url(second_page)
    expect(page.get_by_role("heading", name="결과보관함")).to_be_visible()
    expect(page.locator("header.site-header")).to_have_count(1)
    expect(rows).to_have_count(20)
    assert errors == []
    context.close()


def test_without_javascript_pages_are_links_and_delete_asks_first(app, live_server, browser):
    context, user_id = signed_in_context(browser, app, live_server, java_script_enabled=False)
    ids = seed_saved(app, user_id, 21)
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
