"""Fake Kakao Local, Overpass and map-tile servers on 127.0.0.1 for the shop map.

Each speaks its real service's HTTP protocol so the app's real client code runs:

- ``FakeKakaoLocal``: ``GET /v2/local/search/keyword.json`` with ``Authorization: KakaoAK <key>``;
  filters its places by keyword and radius around x/y, sorts by distance, pages with size/page and
  answers ``{"documents": [...], "meta": {...}}`` like Kakao (distance as a string of metres).
- ``FakeOverpass``: ``POST`` (or ``GET``) ``/api/interpreter`` with ``data=<Overpass QL>``; reads the
  ``around:R,LAT,LNG`` filters and answers ``{"elements": [...]}`` for its elements within R.
- ``FakeTiles``: ``GET /{z}/{x}/{y}.png`` → a small PNG.

Behaviour is scripted with ``mode``: "ok", an HTTP status code (401, 429, 500, 504 …),
("slow", seconds) or "garbage". Every request is recorded.
"""

import json
import math
import re
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def distance_m(lat1, lng1, lat2, lng2):
    """Haversine distance in metres (independent of the app's own)."""
    r = 6_371_008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def offset(lat, lng, north_m, east_m):
    """The point ``north_m`` metres north and ``east_m`` metres east of (lat, lng)."""
    return (
        lat + north_m / 111_320,
        lng + east_m / (111_320 * math.cos(math.radians(lat))),
    )


def kakao_place(place_id, name, lat, lng, road="", lot="", phone="", category="가정,생활 > 점술"):
    """A Kakao Local document as the real API returns it (coordinates as strings)."""
    return {
        "id": str(place_id),
        "place_name": name,
        "category_name": category,
        "category_group_code": "",
        "category_group_name": "",
        "phone": phone,
        "address_name": lot,
        "road_address_name": road,
        "x": f"{lng:.13f}",
        "y": f"{lat:.13f}",
        "place_url": f"http://place.map.kakao.com/{place_id}",
        "distance": "",
    }


def osm_node(osm_id, lat, lng, **tags):
    return {"type": "node", "id": osm_id, "lat": lat, "lon": lng, "tags": tags}


def osm_way(osm_id, lat, lng, **tags):
    return {
        "type": "way", "id": osm_id,
        "center": {"lat": lat, "lon": lng},
        "bounds": {"minlat": lat - 1e-4, "minlon": lng - 1e-4, "maxlat": lat + 1e-4, "maxlon": lng + 1e-4},
        "tags": tags,
    }


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser closing a tile connection early is not a failure of the fake


class _FakeServer:
    def __init__(self, mode="ok"):
        self.mode = mode
        self.requests = []
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    def respond(self, handler, method, path, query, body):
        raise NotImplementedError

    def _handler(fake):  # noqa: N805 - the handler closes over the fake
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _serve(self, method):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                query = parse_qs(parts.query)
                fake.requests.append(
                    {"method": method, "path": parts.path, "query": query,
                     "headers": dict(self.headers), "body": body}
                )
                mode = fake.mode
                if isinstance(mode, tuple) and mode[0] == "slow":
                    time.sleep(mode[1])
                elif isinstance(mode, int):
                    return self.send(mode, json.dumps(fake.error_body(mode)).encode())
                elif mode == "garbage":
                    return self.send(200, b"<html>not json</html>", "text/html")
                return fake.respond(self, method, parts.path, query, body)

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def send(self, status, data, content_type="application/json;charset=UTF-8"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def error_body(self, status):
        return {"error": f"HTTP {status}"}


class FakeKakaoLocal(_FakeServer):
    """Kakao Local keyword search. ``places`` are documents from ``kakao_place``."""

    PATH = "/v2/local/search/keyword.json"

    def __init__(self, places=(), api_key="test-rest-key", mode="ok"):
        super().__init__(mode)
        self.places = list(places)
        self.api_key = api_key

    def error_body(self, status):
        if status == 401:
            return {"errorType": "AccessDeniedError", "message": "cannot find appkey"}
        return {"errorType": "InternalServerError", "message": "internal error"}

    def respond(self, handler, method, path, query, body):
        if method != "GET" or path != self.PATH:
            return handler.send(404, b'{"errorType":"NotFound","message":"not found"}')
        if handler.headers.get("Authorization") != f"KakaoAK {self.api_key}":
            return handler.send(401, json.dumps(self.error_body(401)).encode())
        arg = {k: v[0] for k, v in query.items()}
        try:
            keyword = arg["query"]
            size = int(arg.get("size", 15))
            page = int(arg.get("page", 1))
            radius = int(arg["radius"]) if "radius" in arg else None
            x, y = (float(arg["x"]), float(arg["y"])) if "x" in arg else (None, None)
        except (KeyError, ValueError):
            return handler.send(400, b'{"errorType":"MissingParameter","message":"query parameter required"}')
        if not 1 <= size <= 15 or not 1 <= page <= 45 or (radius is not None and not 0 <= radius <= 20000):
            return handler.send(400, b'{"errorType":"InvalidArgument","message":"invalid argument"}')
        found = []
        for place in self.places:
            if keyword not in place["place_name"] and keyword not in place["category_name"]:
                continue
            doc = dict(place)
            if x is not None:
                d = distance_m(y, x, float(place["y"]), float(place["x"]))
                if radius is not None and d > radius:
                    continue
                doc["distance"] = str(round(d))
            found.append(doc)
        if arg.get("sort") == "distance" and x is not None:
            found.sort(key=lambda d: int(d["distance"]))
        pageable = found[: 45 * size]
        documents = pageable[(page - 1) * size : page * size]
        payload = {
            "documents": documents,
            "meta": {
                "is_end": page * size >= len(pageable),
                "pageable_count": len(pageable),
                "total_count": len(found),
                "same_name": {"keyword": keyword, "region": [], "selected_region": ""},
            },
        }
        return handler.send(200, json.dumps(payload, ensure_ascii=False).encode())


AROUND = re.compile(r"around:(\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")


class FakeOverpass(_FakeServer):
    """The Overpass API interpreter. ``elements`` are from ``osm_node`` / ``osm_way``."""

    PATH = "/api/interpreter"

    def __init__(self, elements=(), mode="ok", remark=None):
        super().__init__(mode)
        self.elements = list(elements)
        self.remark = remark
        self.queries = []

    @property
    def interpreter(self):
        return self.url + self.PATH

    def error_body(self, status):
        return {"remark": f"HTTP {status}"}

    def respond(self, handler, method, path, query, body):
        if path != self.PATH:
            return handler.send(404, b"not found", "text/plain")
        form = parse_qs(body.decode()) if method == "POST" else query
        ql = (form.get("data") or [""])[0]
        self.queries.append(ql)
        if "[out:json]" not in ql:
            return handler.send(400, b"<p>Error: only [out:json] is faked</p>", "text/html")
        arounds = [tuple(map(float, m)) for m in AROUND.findall(ql)]
        if not arounds:
            return handler.send(400, b"<p>Error: no around filter</p>", "text/html")
        radius, lat, lng = arounds[0]
        chosen = []
        for element in self.elements:
            point = element if element["type"] == "node" else element["center"]
            if distance_m(lat, lng, point["lat"], point["lon"]) <= radius:
                chosen.append(element)
        payload = {
            "version": 0.6,
            "generator": "Overpass API 0.7.62.1 (fake)",
            "osm3s": {"timestamp_osm_base": "2026-01-01T00:00:00Z", "copyright": "The data included in this document is from www.openstreetmap.org. The data is made available under ODbL."},
            "elements": [] if self.remark else chosen,
        }
        if self.remark:
            payload["remark"] = self.remark
        return handler.send(200, json.dumps(payload, ensure_ascii=False).encode())


def _png(width=256, height=256, rgb=(0xE8, 0xDE, 0xCC)):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


class FakeTiles(_FakeServer):
    """Map tiles at ``/{z}/{x}/{y}.png``; ``template`` is the URL for MAP_TILE_URL."""

    TILE = _png()

    @property
    def template(self):
        return self.url + "/{z}/{x}/{y}.png"

    def respond(self, handler, method, path, query, body):
        if re.fullmatch(r"/\d+/\d+/\d+\.png", path):
            return handler.send(200, self.TILE, "image/png")
        return handler.send(404, b"", "text/plain")
