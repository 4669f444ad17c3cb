"""Tarot shop search near a point: Kakao Local when a REST key is set, else OpenStreetMap Overpass.

Both providers give the same ``Shop`` records. Answers are cached per rounded area (centre on a
grid whose cell grows with the radius, radius rounded up to a bucket), so panning back and forth
does not repeat outside calls; distances are then measured from the exact requested point.
"""

import math
from dataclasses import dataclass, replace
from urllib.parse import quote

import httpx

MAX_RADIUS = 20_000  # metres; Kakao Local's own limit
MAX_SHOPS = 15
CACHE_SECONDS = 600
RADIUS_BUCKETS = (250, 500, 1_000, 2_000, 4_000, 8_000, 12_000, MAX_RADIUS)
EARTH_RADIUS = 6_371_008.8  # metres, mean radius
METRES_PER_DEGREE = 111_320
KAKAO_QUERY = "타로"
OSM_NAME_PATTERN = "타로|tarot|사주|점집|철학관|운세"
USER_AGENT = "TarotMilkTea/0.1 (nearby tarot shop map)"


class PlacesError(Exception):
    """An outside search failed. ``kind`` is timeout, unauthorized, unavailable or bad_response."""

    def __init__(self, kind, detail=""):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind


@dataclass(frozen=True)
class Shop:
    """One shop as the map shows it. ``address`` and ``phone`` are "" when unknown."""

    name: str
    address: str
    phone: str
    lat: float
    lng: float
    url: str
    distance: int = 0

    def as_json(self):
        """The shop for /map/shops.json, with a Kakao Map directions link."""
        return {
            "name": self.name,
            "address": self.address,
            "phone": self.phone,
            "lat": self.lat,
            "lng": self.lng,
            "distance": self.distance,
            "url": self.url,
            "directions_url": directions_url(self.name, self.lat, self.lng),
        }


def directions_url(name, lat, lng):
    """Kakao Map directions to a point: /link/to/<name>,<lat>,<lng> (commas end the name there)."""
    label = quote(name.replace(",", " ").strip() or "목적지", safe="")
    return f"https://map.kakao.com/link/to/{label},{lat:.7f},{lng:.7f}"


def haversine(lat1, lng1, lat2, lng2):
    """Great-circle distance in metres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class SearchArea:
    """The rounded area one outside search covers; ``key`` names its cache entry."""

    lat: float
    lng: float
    radius: int
    key: str


def search_area(lat, lng, radius):
    """Round a request to a grid cell and radius bucket that covers it, for searching and caching."""
    bucket = next(b for b in RADIUS_BUCKETS if b >= radius)
    step = bucket / 8  # grid cell size in metres
    lat_step = step / METRES_PER_DEGREE
    lat_index = round(lat / lat_step)
    centre_lat = lat_index * lat_step
    lng_step = step / (METRES_PER_DEGREE * max(0.01, math.cos(math.radians(centre_lat))))
    lng_index = round(lng / lng_step)
    # The requested point lies at most step/√2 from the cell centre, so search a little wider.
    covered = min(MAX_RADIUS, math.ceil(bucket + step))
    return SearchArea(
        lat=round(centre_lat, 7),
        lng=round(lng_index * lng_step, 7),
        radius=covered,
        key=f"places:{bucket}:{lat_index}:{lng_index}",
    )


def _get_json(method, url, seconds, **kwargs):
    """One outside call, ``seconds`` at most; returns the decoded JSON or raises PlacesError."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **kwargs.pop("headers", {})}
    timeout = httpx.Timeout(seconds, connect=min(seconds, 5))
    try:
        response = httpx.request(method, url, headers=headers, timeout=timeout, **kwargs)
    except httpx.TimeoutException as exc:
        raise PlacesError("timeout", str(exc)) from exc
    except httpx.HTTPError as exc:
        raise PlacesError("unavailable", str(exc)) from exc
    if response.status_code in (401, 403):
        raise PlacesError("unauthorized", f"HTTP {response.status_code}")
    if response.status_code != 200:
        raise PlacesError("unavailable", f"HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError as exc:
        raise PlacesError("bad_response", "not JSON") from exc


class KakaoLocal:
    """Kakao Local keyword search ("타로") around a point; the REST key stays on the server."""

    name = "kakao"

    def __init__(self, base_url, api_key, timeout):
        self.url = base_url.rstrip("/") + "/v2/local/search/keyword.json"
        self.api_key = api_key
        self.timeout = timeout

    def search(self, lat, lng, radius):
        """The first page (up to 15) of places nearest the point, as Shops."""
        data = _get_json(
            "GET",
            self.url,
            self.timeout,
            params={
                "query": KAKAO_QUERY,
                "x": f"{lng:.7f}",
                "y": f"{lat:.7f}",
                "radius": min(int(radius), MAX_RADIUS),
                "sort": "distance",
                "size": MAX_SHOPS,
                "page": 1,
            },
            headers={"Authorization": f"KakaoAK {self.api_key}"},
        )
        documents = data.get("documents") if isinstance(data, dict) else None
        if not isinstance(documents, list):
            raise PlacesError("bad_response", "no documents")
        return [shop for shop in map(self._shop, documents) if shop]

    @staticmethod
    def _shop(doc):
        try:
            lat, lng = float(doc["y"]), float(doc["x"])
            name = str(doc["place_name"]).strip()
        except (KeyError, TypeError, ValueError):
            return None
        if not name or not _valid_point(lat, lng):
            return None
        place_id = str(doc.get("id") or "")
        url = f"https://place.map.kakao.com/{place_id}" if place_id.isdigit() else ""
        address = _text(doc.get("road_address_name")) or _text(doc.get("address_name"))
        return Shop(name, address, _text(doc.get("phone")), lat, lng, url)


class Overpass:
    """OpenStreetMap shops tagged for fortune telling, or named for tarot/saju, via Overpass."""

    name = "osm"

    def __init__(self, url, timeout):
        self.url = url
        self.timeout = timeout

    def query(self, lat, lng, radius):
        """The Overpass QL for shops around a point."""
        around = f"around:{int(radius)},{lat:.7f},{lng:.7f}"
        named = f'["name"~"{OSM_NAME_PATTERN}",i]'
        return (
            f"[out:json][timeout:{self.timeout}];("
            f'nwr["shop"="psychic"]({around});'
            f'nwr["shop"="tarot"]({around});'
            f'nwr["shop"]{named}({around});'
            f'nwr["amenity"]{named}({around});'
            f'nwr["office"]{named}({around});'
            f'nwr["craft"]{named}({around});'
            ");out center tags 100;"
        )

    def search(self, lat, lng, radius):
        """Every matching element (up to 100) as Shops."""
        data = _get_json("POST", self.url, self.timeout, data={"data": self.query(lat, lng, radius)})
        elements = data.get("elements") if isinstance(data, dict) else None
        if not isinstance(elements, list):
            raise PlacesError("bad_response", "no elements")
        if not elements and "runtime error" in str(data.get("remark", "")):
            raise PlacesError("unavailable", str(data["remark"])[:200])
        return [shop for shop in map(self._shop, elements) if shop]

    @staticmethod
    def _shop(element):
        try:
            kind, osm_id = element["type"], int(element["id"])
            point = element if kind == "node" else element["center"]
            lat, lng = float(point["lat"]), float(point["lon"])
        except (KeyError, TypeError, ValueError):
            return None
        tags = element.get("tags") or {}
        name = _text(tags.get("name:ko")) or _text(tags.get("name"))
        if kind not in ("node", "way", "relation") or not name or not _valid_point(lat, lng):
            return None
        phone = _text(tags.get("phone")) or _text(tags.get("contact:phone"))
        url = f"https://www.openstreetmap.org/{kind}/{osm_id}"
        return Shop(name, _osm_address(tags), phone, lat, lng, url)


def _osm_address(tags):
    full = _text(tags.get("addr:full"))
    if full:
        return full
    parts = [
        tags.get("addr:province"), tags.get("addr:city"), tags.get("addr:district"),
        tags.get("addr:street") or tags.get("addr:place"), tags.get("addr:housenumber"),
    ]
    return " ".join(p for p in map(_text, parts) if p)


def _text(value):
    return value.strip()[:200] if isinstance(value, str) else ""


def _valid_point(lat, lng):
    return math.isfinite(lat) and math.isfinite(lng) and -90 <= lat <= 90 and -180 <= lng <= 180


def provider(config):
    """The search the settings ask for: Kakao Local when KAKAO_REST_API_KEY is set, else Overpass."""
    timeout = config["OUTBOUND_TIMEOUT"]
    if config.get("KAKAO_REST_API_KEY"):
        return KakaoLocal(config["KAKAO_LOCAL_URL"], config["KAKAO_REST_API_KEY"], timeout)
    return Overpass(config["OVERPASS_URL"], timeout)


def find_shops(search, cache, lat, lng, radius):
    """Up to 15 shops within ``radius`` metres of the point, nearest first.

    ``search`` is a provider; ``cache`` keeps its answers per area (``get(key)`` and
    ``set(key, value, timeout=seconds)``, as Flask-Caching's).

    Returns ``(source, shops)`` where source is "kakao" or "osm". Raises PlacesError when the
    outside search fails; failures are not cached.
    """
    radius = min(radius, MAX_RADIUS)
    area = search_area(lat, lng, radius)
    key = f"{area.key}:{search.name}"
    found = cache.get(key)
    if found is None:
        found = search.search(area.lat, area.lng, area.radius)
        cache.set(key, found, timeout=CACHE_SECONDS)
    return search.name, nearest(found, lat, lng, radius)


def nearest(shops, lat, lng, radius, limit=MAX_SHOPS):
    """The shops within ``radius`` of the point, nearest first, at most ``limit``, each once."""
    measured = {}
    for shop in shops:
        distance = round(haversine(lat, lng, shop.lat, shop.lng))
        key = shop.url or (shop.name, shop.lat, shop.lng)
        if distance <= radius and key not in measured:
            measured[key] = replace(shop, distance=distance)
    return sorted(measured.values(), key=lambda s: (s.distance, s.name))[:limit]
