"""The language switch in Chromium: without JavaScript, with the service worker, signed in."""

import pytest

from tests.browser_support import console_errors, sign_in_demo

pytestmark = pytest.mark.browser

# Every stored page's URL in the worker's cache.
STORED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    urls.push(...(await cache.keys()).map((request) => request.url));
  }
  return urls;
}"""


@pytest.fixture
def app(make_app):
    return make_app(DEMO_LOGIN=True)


def lang(page):
    return page.evaluate("document.documentElement.lang")


def test_the_switch_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False, locale="ko-KR")
    page = context.new_page()
    base = live_server.url
    page.goto(base + "/guide/cards/the-star")
    assert lang(page) == "ko" and page.locator("h1").inner_text() == "17번 별"
    page.locator(".site-header").get_by_role("link", name="English").click()
    page.wait_for_url(base + "/guide/cards/the-star")
    assert lang(page) == "en" and page.locator("h1").inner_text() == "17. The Star"
    page.locator(".site-footer").get_by_role("link", name="Card Guide").click()
    page.wait_for_url(base + "/guide")
    assert lang(page) == "en" and page.get_by_role("heading", level=1).inner_text() == "Card Guide"
    page.locator(".site-footer").get_by_role("link", name="한국어").click()
    page.wait_for_url(base + "/guide")
    assert lang(page) == "ko"
    context.close()


def test_the_worker_never_serves_the_other_language(live_server, page):
    errors = console_errors(page)
    base = live_server.url
    page.goto(base + "/guide")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.reload()  # now through the worker
    assert lang(page) == "ko"

    page.locator(".site-header").get_by_role("link", name="English").click()
    page.wait_for_url(base + "/guide")
    assert lang(page) == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Card Guide"
    # A boosted link in the guide: English, whether from the network or the worker.
    page.locator('main a[href="/guide/cards/the-moon"]').first.click()
    page.wait_for_url(base + "/guide/cards/the-moon")
    page.get_by_role("heading", level=1, name="18. The Moon").wait_for()

    # The worker stores the guide in English too; offline, the English pages come from it.
    page.wait_for_function(
        "(() => caches.keys().then(async (names) => {"
        "  const keys = await (await caches.open(names[0])).keys();"
        "  return keys.filter((r) => r.url.includes('hl=en')).length >= 80; }))()"
    )
    page.context.set_offline(True)
    response = page.goto(base + "/guide/cards/the-sun")
    assert response.from_service_worker
    assert lang(page) == "en" and page.locator("h1").inner_text() == "19. The Sun"
    page.goto(base + "/reading")
    assert page.get_by_role("heading", level=1).inner_text() == "You're not connected to the internet right now"

    # Back online, back to Korean from the footer: Korean pages again, offline too.
    page.context.set_offline(False)
    page.goto(base + "/guide")
    page.locator(".site-footer").get_by_role("link", name="한국어").click()
    page.wait_for_url(base + "/guide")
    assert lang(page) == "ko"
    page.context.set_offline(True)
    response = page.goto(base + "/guide/cards/the-sun")
    assert response.from_service_worker
    assert lang(page) == "ko" and page.locator("h1").inner_text() == "19번 태양"
    page.context.set_offline(False)
    assert [e for e in errors if "ERR_INTERNET_DISCONNECTED" not in e] == []


def test_a_signed_in_choice_follows_the_account(app, live_server, page):
    base = live_server.url
    sign_in_demo(page.context, app, base)
    page.goto(base + "/me")
    assert lang(page) == "ko"
    # The header's switch changes this browser only: without its cookie, Korean again.
    page.locator(".site-header").get_by_role("link", name="English").click()
    page.wait_for_url(base + "/me")
    assert lang(page) == "en"
    page.context.clear_cookies(name="lang")
    page.reload()
    assert lang(page) == "ko"
    # My page saves the choice in the account.
    page.get_by_role("radio", name="English").check()
    page.locator("#language").get_by_role("button", name="저장").click()
    page.wait_for_url(base + "/me")
    assert lang(page) == "en" and page.get_by_role("button", name="Sign out").is_visible()
    assert page.get_by_role("radio", name="English").is_checked()
    # Without the cookie (another browser of the same account), the saved choice decides.
    page.context.clear_cookies(name="lang")
    page.reload()
    assert lang(page) == "en"
