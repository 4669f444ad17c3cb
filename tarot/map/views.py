"""Views of the map blueprint: the map page and /map/shops.json."""

import math
from urllib.parse import urlsplit

from flask import current_app, jsonify, render_template, request

from .. import places, security
from ..extensions import cache, limiter
from ..i18n import gettext as _
from . import bp

SEOUL_CITY_HALL = (37.566826, 126.9786567)
DEFAULT_RADIUS = 1_000
MIN_RADIUS = 50
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
KAKAO_SDK_ORIGIN = "https://dapi.kakao.com"
KAKAO_SDK_URL = KAKAO_SDK_ORIGIN + "/v2/maps/sdk.js"
# What the Kakao SDK loader pulls in: kakao.js from t1, tiles from mts, sprites from t1,
# blank out-of-range tiles from s1. The loader uses the page's own scheme.
KAKAO_SCRIPT_HOSTS = ("t1.daumcdn.net",)
KAKAO_IMAGE_HOSTS = ("mts.daumcdn.net", "t1.daumcdn.net", "s1.daumcdn.net")


def _failure_message(kind):
    if kind == "timeout":
        return _("점집 검색이 너무 오래 걸려요. 잠시 뒤 다시 시도해 주세요.")
    return _("점집 검색 서비스가 지금 응답하지 않아요. 잠시 뒤 다시 시도해 주세요.")


def _page_messages():
    """Texts map.js shows, translated here so every string goes through Babel."""
    return {
        "locating": _("지금 계신 곳을 찾고 있어요…"),
        "located": _("지금 계신 곳 주변을 보여 드려요."),
        "fallback": _("위치 정보를 쓸 수 없어서 서울시청 주변을 보여 드려요."),
        "fallbackDenied": _("위치 권한이 꺼져 있어서 서울시청 주변을 보여 드려요."),
        "fallbackInsecure": _("보안 연결(https)이 아니라 위치를 쓸 수 없어서 서울시청 주변을 보여 드려요."),
        "searching": _("이 근처 점집을 찾고 있어요…"),
        "found": _("가까운 순서로 점집 {count}곳을 찾았어요."),
        "none": _("이 근처에서는 점집을 찾지 못했어요. 지도를 옮기거나 축소해 보세요."),
        "offline": _("인터넷에 연결되어 있지 않아요. 연결되면 다시 찾아 드릴게요."),
        "searchFailed": _("점집을 찾지 못했어요. 잠시 뒤 다시 시도해 주세요."),
        "mapFailed": _("지도를 불러오지 못했어요. 가까운 점집 목록은 그대로 볼 수 있어요."),
        "tilesFailed": _("지도 배경 그림을 불러오지 못했어요. 점집 위치와 목록은 그대로 볼 수 있어요."),
        "retry": _("다시 찾기"),
        "noAddress": _("주소 정보 없음"),
        "noPhone": _("전화번호 정보 없음"),
        "you": _("현재 위치"),
        "metres": _("{n}m"),
        "kilometres": _("{n}km"),
        "newTab": _("(새 탭에서 열려요)"),
        "sourceOsm": _("점집 정보: OpenStreetMap 기여자"),
        "sourceKakao": _("점집 정보: 카카오"),
    }


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".replace("{s}", "*")


@bp.get("/map")
def page():
    """The map page: Kakao Maps when KAKAO_JS_KEY is set, else Leaflet with OSM tiles."""
    config = current_app.config
    kakao_key = config.get("KAKAO_JS_KEY")
    tile_url = config["MAP_TILE_URL"]
    if kakao_key:
        schemes = ("https",) if config["PRODUCTION"] else ("https", "http")
        security.allow("script-src", KAKAO_SDK_ORIGIN)
        security.allow("script-src", *(f"{s}://{h}" for h in KAKAO_SCRIPT_HOSTS for s in schemes))
        security.allow("img-src", *(f"{s}://{h}" for h in KAKAO_IMAGE_HOSTS for s in schemes))
    else:
        security.allow("img-src", _origin(tile_url))
    return render_template(
        "map/page.html",
        kakao_key=kakao_key,
        kakao_sdk_url=KAKAO_SDK_URL,
        tile_url=tile_url,
        tile_attribution=OSM_ATTRIBUTION,
        fallback=SEOUL_CITY_HALL,
        messages=_page_messages(),
    )


def _number(name, low, high, default=None):
    """A finite float query parameter within [low, high], the default when absent, else None."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        return None
    if not math.isfinite(value) or not low <= value <= high:
        return None
    return value


def _bad_request(message):
    return jsonify(error=message), 400


@bp.get("/map/shops.json")
@limiter.limit("60 per minute")
def shops():
    """At most 15 shops around ?lat=&lng= within ?radius= metres (≤ 20 km), nearest first."""
    lat = _number("lat", -90, 90)
    lng = _number("lng", -180, 180)
    if lat is None or lng is None:
        return _bad_request(_("위도(lat)와 경도(lng)를 올바른 숫자로 알려 주세요."))
    radius = _number("radius", 0, math.inf, DEFAULT_RADIUS)
    if radius is None or radius <= 0:
        return _bad_request(_("반경(radius)은 0보다 큰 숫자(미터)로 알려 주세요."))
    radius = max(MIN_RADIUS, min(radius, places.MAX_RADIUS))
    search = places.provider(current_app.config)
    try:
        source, found = places.find_shops(search, cache, lat, lng, radius)
    except places.PlacesError as exc:
        current_app.logger.warning("shop search failed: %s", exc)
        return jsonify(error=_failure_message(exc.kind), kind=exc.kind), 502
    response = jsonify(
        source=source,
        radius=round(radius),
        shops=[shop.as_json() for shop in found],
    )
    response.headers["Cache-Control"] = "private, max-age=60"
    return response
