"""Sharing in headless Chromium: the owner makes, copies, previews and revokes a link with the
keyboard alone at phone and desktop widths in Korean and English; the system share sheet
where the browser has one; KakaoTalk through the Kakao SDK only when a key is set, allowed
on the reading page alone; the shared page for a visitor; the service worker leaves it alone.
"""

import base64
import hashlib
import re

import pytest

from tarot.share import panel
from tests.browser_support import console_errors, serve_app, sign_in_demo
from tests.reliability_support import seed_reading

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect

CONCERN = "그 사람에게 먼저 연락해도 될까요?"
WORDS = {
    "ko": {"concern": "내 고민", "make": "공유 링크 만들기", "made": "공유 링크를 만들었어요",
           "copy": "링크 복사", "copied": "링크를 복사했어요", "preview": "미리 보기",
           "revoke": "링크 없애기", "revoked": "링크를 없앴어요", "share": "공유하기",
           "kakao": "카카오톡으로 보내기", "title": "풀이 공유하기", "cta": "나도 타로 보기"},
    "en": {"concern": "My concern", "make": "Make a share link", "made": "Your share link is ready",
           "copy": "Copy link", "copied": "Link copied", "preview": "Preview",
           "revoke": "Remove link", "revoked": "The link is gone", "share": "Share",
           "kakao": "Send on KakaoTalk", "title": "Share this reading", "cta": "Get my own reading"},
}
FAKE_KAKAO_SDK = """
window.Kakao = {
  key: null,
  init: function (key) { this.key = key; },
  isInitialized: function () { return this.key !== null; },
  Share: { sendDefault: function (settings) { window.kakaoSent = settings; } }
};
"""


@pytest.fixture
def app(make_app):
    return make_app(DEMO_LOGIN=True)


def owner_page(browser, app, base, width=1280, lang="ko", **options):
    """A signed-in page of the demo account with one finished reading; (page, public id)."""
    context = browser.new_context(viewport={"width": width, "height": 800},
                                  locale="ko-KR" if lang == "ko" else "en-US", **options)
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "lang", "value": lang, "url": base}])
    user_id = sign_in_demo(context, app, base)
    return context.new_page(), seed_reading(app, user_id, concern=CONCERN)


def tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches ``selector`` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focused_text(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def wait_for_focus(page, selector):
    """Wait until focus is on an element matching ``selector`` (htmx settles after a swap)."""
    page.wait_for_function("s => document.activeElement && document.activeElement.matches(s)", arg=selector)


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_make_copy_preview_and_revoke_a_link_by_keyboard(app, live_server, browser, width, lang):
    words = WORDS[lang]
    base = live_server.url
    page, public_id = owner_page(browser, app, base, width, lang,
                                 permissions=["clipboard-read", "clipboard-write"])
    errors = console_errors(page)
    try:
        page.goto(f"{base}/reading/{public_id}")
        expect(page.get_by_role("heading", name=words["title"])).to_be_visible()
        assert page.locator(".share-link").count() == 0

        tab_to(page, "#share input[name=show_concern]")
        page.keyboard.press("Space")
        tab_to(page, "#share button[type=submit]")
        assert focused_text(page) == words["make"]
        page.keyboard.press("Enter")
        expect(page.locator(".share-message")).to_contain_text(words["made"])
        url = page.locator(".share-url").input_value()
        assert re.fullmatch(re.escape(base) + r"/s/[A-Za-z0-9_-]{24}", url)
        # Focus lands on the new link's first button: no share sheet in this browser, so Copy.
        wait_for_focus(page, "[data-share-new] button")
        assert focused_text(page) == words["copy"]
        assert page.locator("[data-share-native]").is_hidden()
        assert page.locator("[data-share-kakao]").count() == 0  # no Kakao key
        page.keyboard.press("Enter")
        expect(page.locator("[data-share-status]")).to_contain_text(words["copied"])
        assert page.evaluate("navigator.clipboard.readText()") == url
        assert fits(page)

        tab_to(page, "#share .share-preview")
        assert focused_text(page).startswith(words["preview"])
        with page.context.expect_page() as opened:
            page.keyboard.press("Enter")
        preview = opened.value
        preview.wait_for_load_state()
        assert preview.url == url
        assert CONCERN in preview.locator(".result-meta").inner_text()  # ticked
        assert "데모밀크티" not in preview.locator("article.shared-reading").inner_text()  # not ticked
        preview.close()

        tab_to(page, "#share .share-revoke button")
        assert focused_text(page) == words["revoke"]
        page.keyboard.press("Enter")
        expect(page.locator(".share-message")).to_contain_text(words["revoked"])
        assert page.locator(".share-link").count() == 0
        wait_for_focus(page, "#share-title")
        assert page.context.request.get(url).status == 404
        assert fits(page)
        assert errors == []
    finally:
        page.context.close()


def test_the_system_share_sheet_is_used_where_the_browser_has_one(app, live_server, browser):
    base = live_server.url
    page, public_id = owner_page(browser, app, base, 360)
    page.add_init_script("""
        navigator.share = function (data) {
          window.sharedData = data;
          return Promise.reject(new DOMException("closed", "AbortError"));
        };
    """)
    try:
        page.goto(f"{base}/reading/{public_id}")
        tab_to(page, "#share button[type=submit]")
        page.keyboard.press("Enter")
        expect(page.locator(".share-message")).to_contain_text(WORDS["ko"]["made"])
        wait_for_focus(page, "[data-share-new] button")
        assert focused_text(page) == WORDS["ko"]["share"]  # the share sheet comes first
        page.keyboard.press("Enter")
        page.wait_for_function("window.sharedData !== undefined")
        shared = page.evaluate("window.sharedData")
        assert shared["url"] == page.locator(".share-url").input_value()
        assert shared["title"] == "애정운 타로 풀이" and "카드 5장" in shared["text"]
        assert CONCERN not in shared["text"]
        # Closing the sheet is no failure: nothing is announced.
        page.wait_for_timeout(200)
        assert page.locator("[data-share-status]").inner_text() == ""
    finally:
        page.context.close()


def csp_of(response):
    return dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))


def test_kakao_share_only_with_a_key_and_only_on_the_reading_page(make_app, browser, monkeypatch):
    app = make_app(DEMO_LOGIN=True, KAKAO_JS_KEY="test-js-key")
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(FAKE_KAKAO_SDK.encode()).digest()).decode()
    monkeypatch.setattr(panel, "KAKAO_SDK_INTEGRITY", integrity)
    with serve_app(app) as base:
        page, public_id = owner_page(browser, app, base, 360)
        page.route(panel.KAKAO_SDK_URL, lambda route: route.fulfill(
            body=FAKE_KAKAO_SDK, content_type="text/javascript",
            headers={"Access-Control-Allow-Origin": "*"}))
        errors = console_errors(page)
        try:
            response = page.goto(f"{base}/reading/{public_id}")
            assert panel.KAKAO_SDK_ORIGIN in csp_of(response)["script-src"]
            assert panel.KAKAO_SHARER in csp_of(response)["form-action"]
            assert response.headers["cross-origin-opener-policy"] == "same-origin-allow-popups"
            tab_to(page, "#share button[type=submit]")
            page.keyboard.press("Enter")
            kakao = page.get_by_role("button", name=WORDS["ko"]["kakao"])
            expect(kakao).to_be_visible()
            kakao.focus()
            page.keyboard.press("Enter")
            page.wait_for_function("window.kakaoSent !== undefined")
            sent = page.evaluate("window.kakaoSent")
            token = page.locator(".share-url").input_value().rsplit("/", 1)[1]
            assert page.evaluate("window.Kakao.key") == "test-js-key"
            assert sent["content"]["imageUrl"] == f"{base}/s/{token}/image.png"
            assert sent["content"]["link"]["webUrl"] == f"{base}/s/{token}"
            assert CONCERN not in str(sent)

            # Nowhere else: not the shared page, not the home page.
            for path in (f"/s/{token}", "/"):
                other = page.goto(base + path)
                assert "kakaocdn" not in other.headers["content-security-policy"], path
                assert "kakaocdn" not in page.content(), path
                assert other.headers["cross-origin-opener-policy"] == "same-origin", path
            assert errors == []
        finally:
            page.context.close()


def test_without_the_sdk_the_kakao_button_stays_hidden_and_copy_works(make_app, browser):
    app = make_app(DEMO_LOGIN=True, KAKAO_JS_KEY="test-js-key")
    with serve_app(app) as base:
        page, public_id = owner_page(browser, app, base, 1280)
        page.route(panel.KAKAO_SDK_URL, lambda route: route.abort())
        try:
            page.goto(f"{base}/reading/{public_id}")
            tab_to(page, "#share button[type=submit]")
            page.keyboard.press("Enter")
            expect(page.locator(".share-message")).to_contain_text(WORDS["ko"]["made"])
            wait_for_focus(page, "[data-share-new] button")
            assert page.locator("[data-share-kakao]").is_hidden()
            assert focused_text(page) == WORDS["ko"]["copy"]
        finally:
            page.context.close()


@pytest.mark.parametrize(("width", "lang"), [(360, "en"), (1280, "ko")])
def test_a_visitor_reads_the_shared_page_and_can_start_their_own(app, live_server, browser, width, lang):
    from tarot.extensions import db
    from tarot.models import Reading
    from tests.helpers import make_user
    from tests.reliability_support import seed_share

    base = live_server.url
    public_id = seed_reading(app, make_user(app, provider_user_id="owner"), concern=CONCERN)
    three = [{"card": n, "reversed": n == 2, "position": p}
             for n, p in enumerate(("past", "present", "future"))]
    with app.app_context():
        db.session.execute(db.update(Reading).values(cards=three))
        db.session.commit()
    token = seed_share(app, public_id)
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_cookies([{"name": "lang", "value": lang, "url": base}])
    page = context.new_page()
    errors = console_errors(page)
    try:
        page.goto(f"{base}/s/{token}")
        assert page.locator(".result-card").count() == 3
        assert CONCERN not in page.content()
        assert fits(page)
        tab_to(page, ".share-cta a")
        assert focused_text(page) == WORDS[lang]["cta"]
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/reading?topic=love")
        assert errors == []
    finally:
        context.close()


def test_the_service_worker_never_keeps_a_shared_page(app, live_server, page):
    from tests.helpers import make_user
    from tests.reliability_support import seed_share

    base = live_server.url
    token = seed_share(app, seed_reading(app, make_user(app, provider_user_id="owner")))
    page.goto(base + "/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(f"{base}/s/{token}")
    page.locator(".result-card").first.wait_for()
    page.wait_for_timeout(300)  # let background refreshes settle
    stored = page.evaluate("""async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    }""")
    assert stored, "the worker stored nothing at all"
    assert not [url for url in stored if url.startswith(base + "/s/")]
    page.context.set_offline(True)
    offline = page.goto(f"{base}/s/{token}")
    assert offline.from_service_worker
    assert page.locator(".result-card").count() == 0
