"""/map in headless Chromium against fake Overpass and tile servers (and a blocked Kakao SDK)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser_support import needs_chromium, serve_app
from tests.fakes.places import FakeOverpass, FakeTiles, distance_m, offset, osm_node, osm_way

pytestmark = [pytest.mark.browser, needs_chromium]

HONGDAE = (37.5563, 126.9236)
CITY_HALL = (37.566826, 126.9786567)
XSS_NAME = "<img src=x onerror=alert(1)>"


def shops_around(centre, count, first_id, prefix):
    found = []
    for i in range(count):
        lat, lng = offset(*centre, (i % 5 - 2) * 70 + i * 6, (i // 5 - 1) * 90 + i * 9)
        tags = {"name": f"{prefix} {i + 1}", "shop": "psychic"}
        if i % 2:
            tags["phone"] = f"02-333-{i:04d}"
            tags["addr:full"] = f"서울 마포구 와우산로 {i}"
        found.append((osm_way if i % 4 == 3 else osm_node)(first_id + i, lat, lng, **tags))
    return found


@pytest.fixture(scope="module")
def services():
    elements = shops_around(HONGDAE, 19, 1000, "홍대 타로")
    elements.append(osm_node(999, *offset(*HONGDAE, 40, 30), name=XSS_NAME, shop="psychic"))
    elements += shops_around(CITY_HALL, 3, 5000, "시청 타로")
    with FakeOverpass(elements) as overpass, FakeTiles() as tiles:
        yield overpass, tiles


@pytest.fixture
def site(make_app, services):
    overpass, tiles = services
    overpass.mode = "ok"
    app = make_app(OVERPASS_URL=overpass.interpreter, MAP_TILE_URL=tiles.template, OUTBOUND_TIMEOUT=3)
    with serve_app(app) as base:
        yield base


def open_map(browser, base, geolocation=None, block=None):
    options = {"viewport": {"width": 1280, "height": 800}, "locale": "ko-KR"}
    if geolocation:
        options.update(geolocation={"latitude": geolocation[0], "longitude": geolocation[1]},
                       permissions=["geolocation"])
    context = browser.new_context(**options)
    page = context.new_page()
    page.errors = []
    page.dialogs = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text
            and page.errors.append(m.text))
    if block:
        page.route(block, lambda route: route.abort())
    page.goto(base + "/map")
    return context, page


def shop_names(page):
    return page.locator(".shop-item-name").all_inner_texts()


def test_granted_location_centres_there_and_lists_fifteen_nearest(browser, site, services):
    overpass, tiles = services
    tiles.requests.clear()
    context, page = open_map(browser, site, geolocation=HONGDAE)
    try:
        page.wait_for_selector(".shop-item")
        assert "지금 계신 곳" in page.inner_text("#map-where")
        assert page.locator(".you-pin").count() == 1
        assert page.locator(".shop-item").count() == 15
        assert page.locator(".leaflet-marker-icon.shop-pin").count() == 15
        assert "15곳" in page.inner_text("#map-status")
        distances = page.locator(".shop-item-distance").all_inner_texts()
        metres = [float(d[:-2]) * 1000 if d.endswith("km") else float(d[:-1]) for d in distances]
        assert metres == sorted(metres)
        # Tiles came from the fake tile server, the search went to the fake Overpass.
        expect(page.locator(".leaflet-tile-loaded").first).to_be_visible()
        assert any(r["path"].endswith(".png") for r in tiles.requests)
        assert re.search(r'around:\d+,37\.55', overpass.queries[-1])
        # The nasty name is plain text everywhere: no element was made from it, no script ran.
        assert XSS_NAME in shop_names(page)
        assert page.locator("img[src='x']").count() == 0
        assert page.dialogs == [] and page.errors == []
        assert page.locator(".shop-pin[title='<img src=x onerror=alert(1)>']").count() == 1
    finally:
        context.close()


def test_card_opens_from_the_list_and_the_keyboard(browser, site):
    context, page = open_map(browser, site, geolocation=HONGDAE)
    try:
        page.wait_for_selector(".shop-item")
        index = shop_names(page).index(XSS_NAME)
        item = page.locator(".shop-item").nth(index)
        item.focus()
        page.keyboard.press("Enter")
        card = page.locator("#shop-card")
        assert card.is_visible()
        assert page.evaluate("document.activeElement.id") == "shop-card"
        assert page.inner_text("#shop-card-name") == XSS_NAME
        assert page.inner_text("[data-card='address']") == "주소 정보 없음"
        assert page.inner_text("[data-card='phone']") == "전화번호 정보 없음"
        assert re.fullmatch(r"\d+m", page.inner_text("[data-card='distance']"))
        directions = page.locator("a[data-card='directions']")
        assert directions.get_attribute("href").startswith(
            "https://map.kakao.com/link/to/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E,37.55")
        detail = page.locator("a[data-card='detail']")
        assert detail.get_attribute("href") == "https://www.openstreetmap.org/node/999"
        for link in (directions, detail):
            assert link.get_attribute("target") == "_blank"
            assert "noopener" in link.get_attribute("rel")
        assert page.locator(".shop-pin.is-selected").count() == 1
        assert item.get_attribute("aria-current") == "true"
        page.keyboard.press("Escape")
        assert card.is_hidden()
        assert page.evaluate("document.activeElement.classList.contains('shop-item')")
        # A shop with a phone and an address shows them; a marker opens its card too.
        page.locator(".leaflet-marker-icon.shop-pin").nth(1).focus()  # markers are keyboard buttons
        page.keyboard.press("Enter")
        assert card.is_visible()
        name = page.inner_text("#shop-card-name")
        assert name == shop_names(page)[1]
        assert page.locator(".leaflet-marker-icon.shop-pin").nth(1).get_attribute("class").count("is-selected") == 1
        assert page.dialogs == [] and page.errors == []
    finally:
        context.close()


def test_denied_location_falls_back_to_city_hall_with_tiles_blocked(browser, site, services):
    overpass, tiles = services
    context, page = open_map(browser, site, block=re.compile("^" + re.escape(tiles.url) + "/"))
    try:
        page.wait_for_selector(".shop-item")
        assert "서울시청" in page.inner_text("#map-where")
        assert page.locator(".you-pin").count() == 0
        assert sorted(shop_names(page)) == ["시청 타로 1", "시청 타로 2", "시청 타로 3"]
        lat, lng = map(float, re.search(r"around:\d+,([\d.]+),([\d.]+)", overpass.queries[-1]).groups())
        assert distance_m(lat, lng, *CITY_HALL) < 200
        page.wait_for_selector("#map-notice:not([hidden])")
        assert "지도 배경" in page.inner_text("#map-notice")
        page.locator(".shop-item").first.click()
        assert page.locator("#shop-card").is_visible()
        assert page.errors == []
    finally:
        context.close()


def test_moving_the_map_searches_again_and_replaces_the_markers(browser, site, services):
    overpass, _ = services
    context, page = open_map(browser, site, geolocation=HONGDAE)
    try:
        page.wait_for_selector(".shop-item")
        before = len(overpass.queries)
        for _ in range(3):
            with page.expect_response(re.compile(r"/map/shops\.json")):
                page.click("[data-map-action='zoom-out']")
        page.wait_for_timeout(600)
        assert len(page.locator(".shop-item").all()) == page.locator(".shop-pin").count() <= 15
        assert page.locator(".you-pin").count() == 1
        # Zooming out grew the radius into a new cached area, so the fake was asked again.
        assert len(overpass.queries) > before
        radii = [int(r) for r in re.findall(r"around:(\d+),", overpass.queries[-1])]
        assert radii[0] > 2000
        with page.expect_response(re.compile(r"/map/shops\.json")):
            page.click("[data-map-action='zoom-in']")
        page.wait_for_timeout(400)
        assert page.locator(".shop-item").count() == page.locator(".shop-pin").count()
        assert page.errors == []
    finally:
        context.close()


def test_search_failure_shows_a_message_and_retry_works(browser, site, services):
    overpass, _ = services
    overpass.mode = 504
    context, page = open_map(browser, site, geolocation=(37.60, 126.90))  # an area not yet cached
    try:
        page.wait_for_selector("#map-alert:not([hidden])")
        assert "응답하지 않아요" in page.inner_text("#map-alert")
        assert page.locator(".shop-item").count() == 0
        overpass.mode = "ok"
        page.click("#map-retry")
        expect(page.locator("#map-status")).to_contain_text("찾지 못했어요")  # nothing there, said kindly
        assert page.locator("#map-alert").is_hidden()
        assert page.errors == []
    finally:
        context.close()


def test_offline_says_so(browser, site):
    context, page = open_map(browser, site, geolocation=HONGDAE)
    try:
        page.wait_for_selector(".shop-item")
        context.set_offline(True)
        page.click("[data-map-action='zoom-out']")
        page.wait_for_selector("#map-alert:not([hidden])")
        assert "인터넷" in page.inner_text("#map-alert")
        context.set_offline(False)
        page.wait_for_selector("#map-alert", state="hidden")
        assert page.locator(".shop-item").count() > 0
    finally:
        context.close()


def test_kakao_sdk_failing_to_load_leaves_a_working_list(browser, make_app, services):
    overpass, _ = services
    app = make_app(OVERPASS_URL=overpass.interpreter, KAKAO_JS_KEY="test-js-key")
    with serve_app(app) as base:
        context, page = open_map(browser, base, geolocation=HONGDAE, block="https://dapi.kakao.com/**")
        try:
            page.wait_for_selector(".shop-item")
            assert "지도를 불러오지 못했어요" in page.inner_text("#map-notice")
            assert "지도를 불러오지 못했어요" in page.inner_text("#map-fallback")
            assert page.locator("#map-controls").is_hidden()
            assert page.locator(".shop-item").count() == 15
            page.locator(".shop-item").first.click()
            assert page.locator("#shop-card").is_visible()
            assert page.errors == []
        finally:
            context.close()


def test_boosted_navigation_away_and_back(browser, site):
    context, page = open_map(browser, site, geolocation=HONGDAE)
    try:
        page.wait_for_selector(".shop-item")
        page.click(".nav-menu a[href='/reading']")  # boosted: the body is swapped, the map torn down
        page.wait_for_url("**/reading")
        assert page.locator(".leaflet-container").count() == 0
        page.go_back()  # htmx restores /map from the server; the map starts again
        page.wait_for_selector(".shop-item")
        assert page.locator(".leaflet-container").count() == 1
        assert page.locator(".shop-pin").count() == page.locator(".shop-item").count()
        assert page.errors == []
    finally:
        context.close()


def test_without_javascript_the_page_explains(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "/map")
        assert page.locator("#map-fallback").is_visible()
        link = page.locator("#map-fallback a")
        assert link.get_attribute("href") == "https://map.kakao.com/?q=%ED%83%80%EB%A1%9C"
    finally:
        context.close()


# A stand-in for the Kakao Maps SDK with the calls map.js makes (kakao.maps.load, Map, LatLng,
# LatLngBounds, CustomOverlay, event). Overlays are placed with a plain Web Mercator projection.
FAKE_KAKAO_SDK = r"""
(function () {
  var listeners = [];
  function LatLng(lat, lng) { this.lat = lat; this.lng = lng; }
  LatLng.prototype.getLat = function () { return this.lat; };
  LatLng.prototype.getLng = function () { return this.lng; };
  function Bounds(sw, ne) { this.sw = sw; this.ne = ne; }
  Bounds.prototype.getNorthEast = function () { return this.ne; };
  Bounds.prototype.contain = function (p) {
    return p.lat >= this.sw.lat && p.lat <= this.ne.lat && p.lng >= this.sw.lng && p.lng <= this.ne.lng;
  };
  function Map(el, options) {
    this.el = el; this.center = options.center; this.level = options.level; this.overlays = [];
    window.fakeKakaoMap = this;
  }
  Map.prototype.scale = function () { return 256 * Math.pow(2, 19 - this.level) / 360; };  // px per degree
  Map.prototype.getCenter = function () { return this.center; };
  Map.prototype.getLevel = function () { return this.level; };
  Map.prototype.getBounds = function () {
    var w = this.el.clientWidth / 2 / this.scale(), h = this.el.clientHeight / 2 / this.scale();
    return new Bounds(new LatLng(this.center.lat - h, this.center.lng - w), new LatLng(this.center.lat + h, this.center.lng + w));
  };
  Map.prototype.moved = function () {
    var self = this;
    this.overlays.forEach(function (o) { o.place(); });
    setTimeout(function () { listeners.forEach(function (l) { if (l.target === self && l.type === "idle") l.fn(); }); }, 0);
  };
  Map.prototype.setCenter = function (p) { this.center = p; this.moved(); };
  Map.prototype.panTo = Map.prototype.setCenter;
  Map.prototype.setLevel = function (level) { this.level = Math.max(1, Math.min(14, level)); this.moved(); };
  function CustomOverlay(options) { this.options = options; this.map = null; this.z = options.zIndex || 0; }
  CustomOverlay.prototype.setMap = function (map) {
    if (this.map) { this.map.overlays.splice(this.map.overlays.indexOf(this), 1); this.options.content.remove(); }
    this.map = map;
    if (map) { map.overlays.push(this); map.el.appendChild(this.options.content); this.place(); }
  };
  CustomOverlay.prototype.place = function () {
    var m = this.map, c = this.options.content, s = m.scale();
    c.style.position = "absolute";
    c.style.left = (m.el.clientWidth / 2 + (this.options.position.lng - m.center.lng) * s) + "px";
    c.style.top = (m.el.clientHeight / 2 - (this.options.position.lat - m.center.lat) * s) + "px";
    c.style.zIndex = String(this.z);
  };
  CustomOverlay.prototype.getContent = function () { return this.options.content; };
  CustomOverlay.prototype.getPosition = function () { return this.options.position; };
  CustomOverlay.prototype.setZIndex = function (z) { this.z = z; if (this.map) this.place(); };
  window.kakao = { maps: {
    load: function (cb) { setTimeout(cb, 10); },
    Map: Map, LatLng: LatLng, LatLngBounds: Bounds, CustomOverlay: CustomOverlay,
    event: {
      addListener: function (target, type, fn) { listeners.push({ target: target, type: type, fn: fn }); },
      removeListener: function (target, type, fn) {
        listeners = listeners.filter(function (l) { return !(l.target === target && l.type === type && l.fn === fn); });
      }
    }
  } };
})();
"""


def test_kakao_adapter_shows_the_same_shops(browser, make_app, services):
    overpass, _ = services
    app = make_app(OVERPASS_URL=overpass.interpreter, KAKAO_JS_KEY="test-js-key")
    with serve_app(app) as base:
        context = browser.new_context(viewport={"width": 375, "height": 740}, permissions=["geolocation"],
                                      geolocation={"latitude": HONGDAE[0], "longitude": HONGDAE[1]})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.route("https://dapi.kakao.com/v2/maps/sdk.js?appkey=test-js-key&autoload=false",
                   lambda route: route.fulfill(body=FAKE_KAKAO_SDK, content_type="text/javascript"))
        try:
            page.goto(base + "/map")
            page.wait_for_selector(".shop-item")
            assert page.locator("#map-notice").is_hidden()
            assert page.locator("#shop-map > button.shop-pin").count() == 15
            assert page.locator(".you-pin").count() == 1
            pins = page.locator("button.shop-pin")
            assert XSS_NAME in pins.evaluate_all("ps => ps.map(p => p.title)")
            pins.nth(0).focus()
            page.keyboard.press("Enter")
            assert page.locator("#shop-card").is_visible()
            assert page.inner_text("#shop-card-name") == shop_names(page)[0]
            page.keyboard.press("Escape")
            assert page.evaluate("document.activeElement.classList.contains('shop-pin')")
            with page.expect_response(re.compile(r"/map/shops\.json")):
                page.click("[data-map-action='zoom-out']")
            page.wait_for_timeout(300)
            assert page.locator("button.shop-pin").count() == page.locator(".shop-item").count()
            assert page.evaluate("window.fakeKakaoMap.getLevel()") == 5
            assert errors == []
        finally:
            context.close()
