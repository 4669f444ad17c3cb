"""Sign-in in a real browser: the demo account, the header avatar, My page and logout."""

import pytest

from tests.browser_support import console_errors

pytestmark = pytest.mark.browser


@pytest.fixture
def app(make_app):
    return make_app(DEMO_LOGIN=True, WTF_CSRF_ENABLED=True)


def test_demo_sign_in_shows_the_avatar_in_the_header(live_server, page):
    from playwright.sync_api import expect

    errors = console_errors(page)
    page.goto(live_server.url + "/login")
    page.get_by_role("button", name="데모 계정으로 시작하기").click()
    page.wait_for_url(live_server.url + "/")

    account = page.locator(".site-header a.account-link")
    avatar = account.locator("img.avatar")
    expect(avatar).to_be_visible()
    assert avatar.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(account.locator(".account-name")).to_have_text("데모밀크티")

    account.click()
    page.wait_for_url(live_server.url + "/me")
    expect(page.get_by_role("heading", level=1)).to_have_text("데모밀크티")

    page.get_by_role("button", name="로그아웃").click()
    page.wait_for_url(live_server.url + "/")
    expect(page.locator(".site-header a.account-link")).to_have_count(0)
    expect(page.get_by_role("link", name="로그인")).to_be_visible()
    assert errors == []


def test_on_a_phone_the_header_shows_the_avatar_without_the_nickname(live_server, page):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/login")
    page.get_by_role("button", name="데모 계정으로 시작하기").click()
    page.wait_for_url(live_server.url + "/")
    header = page.locator(".site-header")
    expect(header.locator("img.avatar").first).to_be_visible()
    for name in header.locator(".account-name").all():
        expect(name).to_be_hidden()
