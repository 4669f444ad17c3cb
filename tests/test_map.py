"""The shop search behind /map: providers against fake Kakao Local / Overpass, validation, cache."""

import json
import math
import re
import time

import pytest

from tarot import places
from tests.fakes.places import (
    FakeKakaoLocal,
    FakeOverpass,
    distance_m,
    kakao_place,
    offset,
    osm_node,
    osm_way,
)

HONGDAE = (37.5563, 126.9236)
CITY_HALL = (37.566826, 126.9786567)
XSS_NAME = "<img src=x onerror=alert(1)>"


def ring(centre, count, step=60, start_id=1):
    """Kakao places spiralling out from ``centre``, each ``step`` metres further than the last."""
    found = []
    for i in range(count):
        angle = i * 2.4
        d = step * (i + 1)
        lat, lng = offset(*centre, d * math.cos(angle), d * math.sin(angle))
        found.append(kakao_place(start_id + i, f"타로 {i + 1}호점", lat, lng,
                                 road=f"서울 마포구 와우산로 {i + 1}" if i % 2 else "",
                                 lot=f"서울 마포구 서교동 {i + 1}" if i % 3 else "",
                                 phone=f"02-000-{i:04d}" if i % 4 else ""))
    return found


@pytest.fixture
def kakao():
    with FakeKakaoLocal(ring(HONGDAE, 40)) as fake:
        yield fake


@pytest.fixture
def kakao_app(make_app, kakao):
    return make_app(KAKAO_REST_API_KEY=kakao.api_key, KAKAO_LOCAL_URL=kakao.url, OUTBOUND_TIMEOUT=2)


def get_shops(app, lat=HONGDAE[0], lng=HONGDAE[1], radius=1000, **extra):
    query = {"lat": lat, "lng": lng, "radius": radius, **extra}
    query = {k: v for k, v in query.items() if v is not None}
    return app.test_client().get("/map/shops.json", query_string=query, headers={"Accept": "application/json"})


# ---- Kakao Local -----------------------------------------------------------------------------

def test_kakao_search_sends_the_key_header_and_the_documented_parameters(kakao_app, kakao):
    response = get_shops(kakao_app, radius=1500)
    assert response.status_code == 200
    assert len(kakao.requests) == 1
    sent = kakao.requests[0]
    assert sent["headers"]["Authorization"] == f"KakaoAK {kakao.api_key}"
    assert "TarotMilkTea" in sent["headers"]["User-Agent"]
    args = {k: v[0] for k, v in sent["query"].items()}
    assert args["query"] == "타로"
    assert args["sort"] == "distance" and args["size"] == "15" and args["page"] == "1"
    assert 1500 <= int(args["radius"]) <= 20000
    # The search centre is the rounded area's, within a few dozen metres of the request.
    assert distance_m(float(args["y"]), float(args["x"]), *HONGDAE) < 0.71 * 2000 / 8 + 1
    body = response.get_json()
    assert body["source"] == "kakao"
    assert kakao.api_key not in response.get_data(as_text=True)


def test_kakao_answer_is_fifteen_nearest_first_with_fields(kakao_app, kakao):
    body = get_shops(kakao_app, radius=20000).get_json()
    shops = body["shops"]
    assert len(shops) == 15  # the fake holds 40: one page of 15, no further pages asked for
    assert len(kakao.requests) == 1
    distances = [s["distance"] for s in shops]
    assert distances == sorted(distances)
    for shop in shops:
        assert shop["distance"] == round(distance_m(*HONGDAE, shop["lat"], shop["lng"]))
        assert shop["url"].startswith("https://place.map.kakao.com/")
        assert shop["directions_url"].startswith("https://map.kakao.com/link/to/")
        assert set(shop) == {"name", "address", "phone", "lat", "lng", "distance", "url", "directions_url"}
    first = shops[0]
    assert first["name"] == "타로 1호점"
    assert first["address"] == ""  # neither road nor lot address: the page says 주소 정보 없음
    assert first["phone"] == ""
    second = shops[1]
    assert second["address"] == "서울 마포구 와우산로 2"  # road address first
    third = shops[2]
    assert third["address"] == "서울 마포구 서교동 3"  # else the lot address
    assert second["phone"] == "02-000-0001"


def test_kakao_radius_limits_the_answer(kakao_app):
    shops = get_shops(kakao_app, radius=200).get_json()["shops"]
    assert [s["name"] for s in shops] == ["타로 1호점", "타로 2호점", "타로 3호점"]
    assert all(s["distance"] <= 200 for s in shops)


def test_kakao_empty_result(make_app):
    with FakeKakaoLocal([]) as fake:
        app = make_app(KAKAO_REST_API_KEY=fake.api_key, KAKAO_LOCAL_URL=fake.url)
        response = get_shops(app)
    assert response.status_code == 200
    assert response.get_json()["shops"] == []


def test_kakao_wrong_key_is_a_502_with_a_message(make_app, kakao):
    app = make_app(KAKAO_REST_API_KEY="wrong", KAKAO_LOCAL_URL=kakao.url)
    response = get_shops(app)
    assert response.status_code == 502
    body = response.get_json()
    assert body["kind"] == "unauthorized"
    assert "잠시 뒤" in body["error"]
    assert kakao.requests[0]["headers"]["Authorization"] == "KakaoAK wrong"


@pytest.mark.parametrize("mode,kind", [(401, "unauthorized"), (500, "unavailable"), ("garbage", "bad_response")])
def test_kakao_failures_are_502(kakao_app, kakao, mode, kind):
    kakao.mode = mode
    response = get_shops(kakao_app)
    assert response.status_code == 502
    assert response.get_json()["kind"] == kind


def test_kakao_slow_answer_times_out(make_app, kakao):
    kakao.mode = ("slow", 4)
    app = make_app(KAKAO_REST_API_KEY=kakao.api_key, KAKAO_LOCAL_URL=kakao.url, OUTBOUND_TIMEOUT=1)
    started = time.monotonic()
    response = get_shops(app)
    assert time.monotonic() - started < 3
    assert response.status_code == 502
    body = response.get_json()
    assert body["kind"] == "timeout"
    assert "오래" in body["error"]


# ---- Overpass --------------------------------------------------------------------------------

def overpass_elements():
    a = offset(*CITY_HALL, 120, 0)
    b = offset(*CITY_HALL, 0, -300)
    c = offset(*CITY_HALL, 900, 900)
    far = offset(*CITY_HALL, 30_000, 0)
    return [
        osm_node(11, *a, name="별빛 타로", shop="psychic", phone="+82 2-123-4567",
                 **{"addr:city": "서울특별시", "addr:district": "중구", "addr:street": "세종대로", "addr:housenumber": "110"}),
        osm_way(22, *b, **{"name": "Moon Tarot", "name:ko": "달빛 타로", "amenity": "cafe", "addr:full": "서울 중구 무교로 1"}),
        osm_node(33, *c, name=XSS_NAME, shop="psychic"),
        osm_node(44, *offset(*CITY_HALL, 50, 50), shop="psychic"),  # no name: left out
        osm_node(55, *far, name="먼 타로", shop="psychic"),
    ]


@pytest.fixture
def overpass():
    with FakeOverpass(overpass_elements()) as fake:
        yield fake


@pytest.fixture
def osm_app(make_app, overpass):
    return make_app(OVERPASS_URL=overpass.interpreter, OUTBOUND_TIMEOUT=2)


def test_overpass_query_and_answer(osm_app, overpass):
    response = get_shops(osm_app, *CITY_HALL, radius=2000)
    assert response.status_code == 200
    body = response.get_json()
    assert body["source"] == "osm"
    ql = overpass.queries[0]
    assert ql.startswith("[out:json][timeout:2];")
    assert 'nwr["shop"="psychic"](around:' in ql
    assert '"name"~"타로|tarot|사주' in ql and "out center" in ql
    request = overpass.requests[0]
    assert request["method"] == "POST"
    assert "TarotMilkTea" in request["headers"]["User-Agent"]
    names = [s["name"] for s in body["shops"]]
    assert names == ["별빛 타로", "달빛 타로", XSS_NAME]
    star, moon, xss = body["shops"]
    assert star["address"] == "서울특별시 중구 세종대로 110"
    assert star["phone"] == "+82 2-123-4567"
    assert star["url"] == "https://www.openstreetmap.org/node/11"
    assert moon["url"] == "https://www.openstreetmap.org/way/22"
    assert moon["address"] == "서울 중구 무교로 1"
    assert xss["address"] == "" and xss["phone"] == ""
    assert star["distance"] == round(distance_m(*CITY_HALL, star["lat"], star["lng"]))


@pytest.mark.parametrize("mode,kind", [(429, "unavailable"), (504, "unavailable"), ("garbage", "bad_response")])
def test_overpass_failures_are_502(osm_app, overpass, mode, kind):
    overpass.mode = mode
    response = get_shops(osm_app, *CITY_HALL)
    assert response.status_code == 502
    assert response.get_json()["kind"] == kind


def test_overpass_runtime_error_remark_is_a_failure(make_app):
    with FakeOverpass(overpass_elements(), remark="runtime error: Query timed out in \"query\" at line 1 after 8 seconds.") as fake:
        response = get_shops(make_app(OVERPASS_URL=fake.interpreter), *CITY_HALL)
    assert response.status_code == 502


def test_overpass_slow_answer_times_out(make_app, overpass):
    overpass.mode = ("slow", 4)
    app = make_app(OVERPASS_URL=overpass.interpreter, OUTBOUND_TIMEOUT=1)
    started = time.monotonic()
    response = get_shops(app, *CITY_HALL)
    assert time.monotonic() - started < 3
    assert response.status_code == 502
    assert response.get_json()["kind"] == "timeout"


def test_overpass_answer_is_capped_at_fifteen_nearest_first(make_app):
    elements = [osm_node(100 + i, *offset(*CITY_HALL, 37 * (30 - i), 11 * i), name=f"타로 {i}", shop="psychic")
                for i in range(30)]
    with FakeOverpass(elements) as fake:
        shops = get_shops(make_app(OVERPASS_URL=fake.interpreter), *CITY_HALL, radius=5000).get_json()["shops"]
    assert len(shops) == 15
    distances = [s["distance"] for s in shops]
    assert distances == sorted(distances)
    everything = sorted(round(distance_m(*CITY_HALL, e["lat"], e["lon"])) for e in elements)
    assert distances == everything[:15]


def test_unreachable_service_is_a_502(make_app):
    app = make_app(OVERPASS_URL="http://127.0.0.1:9/api/interpreter")
    response = get_shops(app, *CITY_HALL)
    assert response.status_code == 502
    assert response.get_json()["error"]


# ---- validation ------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    {"lat": None},
    {"lng": None},
    {"lat": "abc"},
    {"lat": "91"},
    {"lat": "-90.5"},
    {"lng": "180.01"},
    {"lat": "nan"},
    {"lng": "inf"},
    {"radius": "-5"},
    {"radius": "0"},
    {"radius": "far"},
    {"radius": "inf"},
    {"radius": "nan"},
])
def test_bad_parameters_are_a_400_json_error(osm_app, overpass, query):
    params = {"lat": CITY_HALL[0], "lng": CITY_HALL[1], "radius": 1000, **query}
    params = {k: v for k, v in params.items() if v is not None}
    response = osm_app.test_client().get("/map/shops.json", query_string=params)
    assert response.status_code == 400
    assert response.is_json and response.get_json()["error"]
    assert overpass.requests == []


def test_radius_is_clamped_to_twenty_km_and_defaults(osm_app, overpass):
    body = get_shops(osm_app, *CITY_HALL, radius=50_000).get_json()
    assert body["radius"] == 20_000
    sent = {int(r) for r in re.findall(r"around:(\d+),", overpass.queries[0])}
    assert sent == {20_000}
    assert get_shops(osm_app, *CITY_HALL, radius=None).get_json()["radius"] == 1000


# ---- caching ---------------------------------------------------------------------------------

def test_answers_are_cached_per_rounded_area(osm_app, overpass):
    first = get_shops(osm_app, *CITY_HALL).get_json()
    assert len(overpass.requests) == 1
    again = get_shops(osm_app, *CITY_HALL).get_json()
    assert again == first
    nudged = offset(*CITY_HALL, 20, -20)  # a small pan stays in the same area
    moved = get_shops(osm_app, *nudged).get_json()
    assert len(overpass.requests) == 1
    assert moved["shops"][0]["distance"] != first["shops"][0]["distance"]  # measured from the new point
    get_shops(osm_app, *offset(*CITY_HALL, 3000, 0))  # elsewhere: a new search
    assert len(overpass.requests) == 2
    get_shops(osm_app, *CITY_HALL)  # panning back: still cached
    assert len(overpass.requests) == 2


def test_failures_are_not_cached(osm_app, overpass):
    overpass.mode = 500
    assert get_shops(osm_app, *CITY_HALL).status_code == 502
    overpass.mode = "ok"
    assert get_shops(osm_app, *CITY_HALL).status_code == 200
    assert len(overpass.requests) == 2


class DictCache(dict):
    def set(self, key, value, timeout=None):
        self[key] = value


def test_providers_take_their_settings_from_the_settings_given_without_an_app(kakao, overpass):
    settings = {"OUTBOUND_TIMEOUT": 3, "OVERPASS_URL": overpass.interpreter,
                "KAKAO_LOCAL_URL": kakao.url, "KAKAO_REST_API_KEY": None}
    osm = places.provider(settings)
    assert (osm.name, osm.timeout) == ("osm", 3)
    assert osm.query(*CITY_HALL, 500).startswith("[out:json][timeout:3];")
    source, found = places.find_shops(osm, DictCache(), *CITY_HALL, 1000)
    assert source == "osm" and found
    kakao_search = places.provider({**settings, "KAKAO_REST_API_KEY": kakao.api_key})
    assert (kakao_search.name, kakao_search.timeout) == ("kakao", 3)
    assert kakao_search.search(*HONGDAE, 1000)


def test_search_area_rounding():
    a = places.search_area(37.56680, 126.97860, 900)
    assert places.haversine(a.lat, a.lng, 37.56680, 126.97860) + 900 <= a.radius
    near = offset(a.lat, a.lng, 40, -40)  # same 125 m cell of the 1 km bucket
    assert places.search_area(*near, 950) == a
    assert places.search_area(*offset(a.lat, a.lng, 100, 0), 950).key != a.key
    assert places.search_area(37.56680, 126.97860, 1100).key != a.key
    assert places.search_area(37.6, 126.97860, 900).key != a.key
    assert places.search_area(37.5, 127.0, 20_000).radius == 20_000


def test_haversine():
    assert places.haversine(0, 0, 1, 0) == pytest.approx(111_195, abs=1)
    assert places.haversine(*CITY_HALL, *CITY_HALL) == 0
    # Seoul City Hall to Gangnam Station, about 8.9 km.
    assert places.haversine(*CITY_HALL, 37.497952, 127.027619) == pytest.approx(8_900, rel=0.02)


def test_directions_url_escapes_the_name():
    url = places.directions_url("별빛, 타로 & 차", 37.5, 127.0)
    assert url == "https://map.kakao.com/link/to/%EB%B3%84%EB%B9%9B%20%20%ED%83%80%EB%A1%9C%20%26%20%EC%B0%A8,37.5000000,127.0000000"


# ---- rate limit ------------------------------------------------------------------------------

def test_shop_search_is_rate_limited_per_ip(make_app, overpass):
    app = make_app(OVERPASS_URL=overpass.interpreter, RATELIMIT_ENABLED=True)
    client = app.test_client()
    codes = [client.get("/map/shops.json", query_string={"lat": CITY_HALL[0], "lng": CITY_HALL[1]},
                        headers={"Accept": "application/json"}).status_code for _ in range(61)]
    assert codes[:60] == [200] * 60
    assert codes[60] == 429
    other = client.get("/map/shops.json", query_string={"lat": 1, "lng": 1},
                       environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


# ---- the page --------------------------------------------------------------------------------

def test_map_page_with_leaflet(make_app):
    app = make_app(MAP_TILE_URL="http://127.0.0.1:8123/{z}/{x}/{y}.png", KAKAO_REST_API_KEY="secret-rest-key")
    response = app.test_client().get("/map")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    csp = response.headers["Content-Security-Policy"]
    assert "img-src 'self' data: http://127.0.0.1:8123" in csp
    assert "dapi.kakao.com" not in csp and "dapi.kakao.com" not in html
    assert "vendor/leaflet-1.9.4/leaflet.css" in html and "vendor/leaflet-1.9.4/leaflet.js" in html
    assert 'data-tile-url="http://127.0.0.1:8123/{z}/{x}/{y}.png"' in html
    assert "OpenStreetMap" in html
    assert "secret-rest-key" not in html
    assert "지도를 보려면 자바스크립트가 필요해요." in html
    assert 'href="https://map.kakao.com/?q=%ED%83%80%EB%A1%9C"' in html
    messages = json.loads(html.split('id="map-messages">', 1)[1].split("</script>", 1)[0])
    assert messages["noAddress"] == "주소 정보 없음" and messages["noPhone"] == "전화번호 정보 없음"


def test_default_tiles_are_openstreetmap(app):
    response = app.test_client().get("/map")
    assert "img-src 'self' data: https://tile.openstreetmap.org" in response.headers["Content-Security-Policy"]


def test_map_page_with_kakao_sdk(make_app):
    app = make_app(KAKAO_JS_KEY="js-key-123", PRODUCTION=True)
    response = app.test_client().get("/map")
    html = response.get_data(as_text=True)
    csp = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    assert 'src="https://dapi.kakao.com/v2/maps/sdk.js?appkey=js-key-123&amp;autoload=false"' in html
    assert csp["script-src"] == "'self' https://dapi.kakao.com https://t1.daumcdn.net"
    assert csp["img-src"] == ("'self' data: https://mts.daumcdn.net https://t1.daumcdn.net "
                              "https://s1.daumcdn.net")
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert "leaflet" not in html


def test_map_assets_only_on_the_map_page(app):
    client = app.test_client()
    home = client.get("/")
    assert "leaflet" not in home.get_data(as_text=True)
    assert "tile.openstreetmap.org" not in home.headers["Content-Security-Policy"]
    assert "js/map.js" not in home.get_data(as_text=True)


def test_map_nav_link_loads_the_page_fully(app):
    html = app.test_client().get("/").get_data(as_text=True)
    assert '<a href="/map" hx-boost="false"' in html
