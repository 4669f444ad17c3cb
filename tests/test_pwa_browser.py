"""The installable app in Chromium: installability, the guide offline, updates, private pages."""

import json
import random

import pytest

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, console_errors, sign_in_demo

pytestmark = pytest.mark.browser

NICKNAME = "데모밀크티"  # the demo account's nickname
OFFLINE_TITLE = "지금은 인터넷에 연결되어 있지 않아요"
PRECACHE_BUDGET = 3 * 1024 * 1024

# Every stored response, as {cache name: [[url, status, body text, byte size], …]}.
ALL_CACHED = """async () => {
  const result = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    result[name] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const blob = await response.blob();
      result[name].push([request.url, response.status, await blob.text(), blob.size]);
    }
  }
  return result;
}"""


@pytest.fixture
def app(make_app):
    return make_app(DEMO_LOGIN=True)


def wait_for_worker(page):
    """Wait until the worker has precached everything and controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def open_with_worker(page, url):
    page.goto(url)
    wait_for_worker(page)


@pytest.fixture
def profile_page(browser, tmp_path):
    """A page in a persistent (not incognito) profile: Chromium installs apps only there."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
        viewport={"width": 1280, "height": 900}, locale="ko-KR",
    )
    context.set_default_timeout(10_000)
    yield context.pages[0] if context.pages else context.new_page()
    context.close()


def test_the_site_is_installable(live_server, profile_page):
    page = profile_page
    errors = console_errors(page)
    open_with_worker(page, live_server.url + "/")
    cdp = page.context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert json.loads(manifest["data"])["short_name"] == "타로밀크티"
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    # Chromium offers installation (beforeinstallprompt), so the footer shows the button.
    page.locator(".install-app").wait_for(state="visible")
    assert errors == []


def test_install_button_uses_the_browsers_prompt_once(live_server, page):
    page.goto(live_server.url + "/")
    button = page.locator(".install-app button")
    assert button.is_hidden(), "no install offer in an incognito context"
    page.evaluate("""() => {
      const event = new Event("beforeinstallprompt", { cancelable: true });
      event.prompt = () => { window.promptShown = true; return Promise.resolve(); };
      window.dispatchEvent(event);
    }""")
    button.click()
    assert page.evaluate("window.promptShown") is True
    assert button.is_hidden(), "a prompt can only be used once"


def test_precache_size_stays_reasonable(live_server, page):
    open_with_worker(page, live_server.url + "/")
    cached = page.evaluate(ALL_CACHED)
    assert len(cached) == 1
    (entries,) = cached.values()
    total = sum(size for _, _, _, size in entries)
    print(f"precache: {len(entries)} responses, {total} bytes")
    assert all(status == 200 for _, status, _, _ in entries)
    assert total < PRECACHE_BUDGET


def test_the_guide_and_its_pictures_work_offline(live_server, page):
    errors = console_errors(page)
    base = live_server.url
    open_with_worker(page, base + "/")
    page.context.set_offline(True)

    response = page.goto(base + "/guide")
    assert response.ok and response.from_service_worker
    assert page.locator("h1").count() == 1 and OFFLINE_TITLE not in page.content()

    slugs = [href.rsplit("/", 1)[1] for href in page.eval_on_selector_all(
        'a[href^="/guide/cards/"]', "links => [...new Set(links.map(a => a.getAttribute('href')))]"
    )]
    assert len(slugs) == 78
    for slug in random.sample(slugs, 3):
        response = page.goto(f"{base}/guide/cards/{slug}")
        assert response.ok and response.from_service_worker, slug
        art = page.locator(f'img[src*="/static/cards/{slug}.svg"]').first
        art.wait_for()
        assert art.evaluate("img => img.complete && img.naturalWidth > 0"), slug
    assert [e for e in errors if "ERR_INTERNET_DISCONNECTED" not in e] == []


def test_a_boosted_link_to_the_guide_works_offline(live_server, page):
    base = live_server.url
    open_with_worker(page, base + "/")
    page.context.set_offline(True)
    page.locator(".site-header").get_by_role("link", name="카드 설명").click()
    page.wait_for_url(base + "/guide")
    title = page.locator("h1").inner_text()
    assert title != OFFLINE_TITLE

    card = page.locator('main a[href^="/guide/cards/"]').first
    href = card.get_attribute("href")
    card.click()
    page.wait_for_url(base + href)
    assert page.locator("h1").inner_text() not in (title, OFFLINE_TITLE)
    # Back: htmx asks for the page again (its history cache is off); the worker answers.
    page.go_back()
    page.wait_for_url(base + "/guide")
    page.wait_for_function("t => document.querySelector('h1').innerText === t", arg=title)


def test_personal_pages_show_the_offline_page(live_server, page):
    base = live_server.url
    open_with_worker(page, base + "/")
    page.context.set_offline(True)
    for path in ("/me", "/reading", "/archive"):
        response = page.goto(base + path)
        assert response.from_service_worker, path
        assert page.get_by_role("heading", level=1).inner_text() == OFFLINE_TITLE
        assert page.locator('main a[href="/guide"]').count() == 1

    # A boosted link (htmx) gets the same page in place of the body.
    page.goto(base + "/offline")
    page.locator(".site-header").get_by_role("link", name="운세보기").click()
    page.wait_for_url(base + "/reading")
    assert page.get_by_role("heading", level=1).inner_text() == OFFLINE_TITLE


def test_a_post_fails_cleanly_offline(live_server, page):
    base = live_server.url
    open_with_worker(page, base + "/login")
    page.context.set_offline(True)
    outcome = page.evaluate(
        "fetch('/reading/deal', {method: 'POST'}).then(r => 'answered ' + r.status, e => e.name)"
    )
    assert outcome == "TypeError"

    # An htmx POST says it could not send, and the page stays as it was.
    notice = page.locator(".net-notice")
    assert notice.is_hidden()
    page.evaluate("() => { htmx.ajax('POST', '/reading/deal', {target: 'main'}).catch(() => {}); }")
    notice.wait_for(state="visible")
    assert page.get_by_role("button", name="데모 계정으로 시작하기").is_visible()
    notice.get_by_role("button", name="닫기").click()
    assert notice.is_hidden()

    # A plain form POST (a navigation) shows the offline page instead of the browser's error.
    page.get_by_role("button", name="데모 계정으로 시작하기").click()
    page.wait_for_url(base + "/login/demo")
    assert page.get_by_role("heading", level=1).inner_text() == OFFLINE_TITLE

    page.context.set_offline(False)
    cached = page.evaluate(ALL_CACHED)
    paths = [url[len(base):] for entries in cached.values() for url, *_ in entries]
    assert not [p for p in paths if p.startswith(("/login", "/reading"))]


def test_a_new_version_replaces_the_old_caches(app, live_server, page):
    base = live_server.url
    open_with_worker(page, base + "/")
    first = page.evaluate("caches.keys()")
    assert first == ["tarot-" + app.extensions["pwa_build"]]

    app.config["PWA_VERSION"] = "next-release"
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    notice = page.locator(".update-notice")
    notice.wait_for(state="visible")
    # Until the visitor agrees, the old worker and its cache stay in charge.
    assert page.evaluate("caches.keys()").count(first[0]) == 1

    with page.expect_event("load"):
        notice.get_by_role("button", name="새로고침").click()
    page.wait_for_function(
        "caches.keys().then(keys => keys.length === 1 && keys[0] === 'tarot-next-release')"
    )
    assert page.evaluate("caches.keys()") == ["tarot-next-release"]
    assert notice.is_hidden()
    assert page.evaluate(
        "navigator.serviceWorker.controller.scriptURL"
    ) == base + "/sw.js"
    cached = page.evaluate(ALL_CACHED)["tarot-next-release"]
    assert any(url == base + "/offline?hl=ko" for url, *_ in cached)  # pages are kept per language


def test_no_signed_in_page_is_ever_cached(app, live_server, page):
    base = live_server.url
    # Signed in before the worker installs (no page is open yet), so its precache requests
    # would carry the cookie.
    sign_in_demo(page.context, app, base)
    open_with_worker(page, base + "/")
    paths = ["/", "/me", "/reading", "/daily", "/privacy", "/offline",
             "/guide", "/guide/cards/the-fool", "/guide/cards/queen-of-swords"]
    for path in paths:
        page.goto(base + path)
        # Signed-in visitors see their own header everywhere, guide pages included.
        assert page.locator(".site-header .account-name").inner_text() == NICKNAME, path
    page.locator(".site-header").get_by_role("link", name="홈").click()
    page.wait_for_url(base + "/")
    page.wait_for_timeout(300)  # let background refreshes settle

    cached = page.evaluate(ALL_CACHED)
    assert cached, "the worker stored nothing at all"
    for name, entries in cached.items():
        for url, _, body, _ in entries:
            assert NICKNAME not in body, f"{url} in {name} is a signed-in page"
            path = url[len(base):]
            for personal in ("/me", "/reading", "/login", "/logout", "/archive", "/auth"):
                assert not path.startswith(personal), f"{url} in {name}"
