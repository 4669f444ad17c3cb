"""The installable app over HTTP: manifest, service worker script, icons, offline page, caching."""

import json
import re
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tarot.deck import current_deck
from tarot.pwa.build import compute_build_version
from tests.helpers import make_user


def png_size(data):
    """(width, height) from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def jpeg_size(data):
    """(width, height) from a JPEG's start-of-frame marker."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    raise AssertionError("no start-of-frame marker")


def fetch(client, url):
    """GET a URL from the manifest or the precache list (query string included)."""
    parts = urlsplit(url)
    return client.get(parts.path, query_string=parts.query)


def precache_list(client):
    script = client.get("/sw.js").get_data(as_text=True)
    match = re.search(r"^const PRECACHE_URLS = (.*);$", script, re.MULTILINE)
    return json.loads(match.group(1))


def test_manifest_describes_the_app_in_korean(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.get_data(as_text=True))
    assert manifest["name"].startswith("타로밀크티")
    assert manifest["short_name"] == "타로밀크티"
    assert "타로" in manifest["description"]
    assert manifest["lang"] == "ko"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/" and manifest["id"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#8a5a3b"
    assert manifest["background_color"] == "#fbf6ef"
    shortcuts = {s["name"]: s["url"] for s in manifest["shortcuts"]}
    assert shortcuts == {"오늘의 카드": "/daily", "운세보기": "/reading", "카드 설명": "/guide", "주변 점집": "/map"}


def test_manifest_icons_exist_in_their_stated_sizes(client):
    manifest = client.get("/manifest.webmanifest").json
    purposes = {}
    for icon in manifest["icons"] + [i for s in manifest["shortcuts"] for i in s["icons"]]:
        response = fetch(client, icon["src"])
        assert response.status_code == 200, icon["src"]
        assert icon["type"] == "image/png" and response.mimetype == "image/png"
        width, height = png_size(response.data)
        assert f"{width}x{height}" == icon["sizes"]
        purposes.setdefault(icon["purpose"], set()).add(width)
    assert {192, 512} <= purposes["any"]
    assert purposes["maskable"] == {512}


def test_manifest_screenshots_exist_in_their_stated_sizes(client):
    screenshots = client.get("/manifest.webmanifest").json["screenshots"]
    assert {s["form_factor"] for s in screenshots} == {"narrow", "wide"}
    for shot in screenshots:
        response = fetch(client, shot["src"])
        assert response.status_code == 200
        width, height = jpeg_size(response.data)
        assert f"{width}x{height}" == shot["sizes"]
        assert shot["label"]
        assert len(response.data) < 120_000, "keep the screenshots compressed"
    narrow = next(s for s in screenshots if s["form_factor"] == "narrow")
    width, height = map(int, narrow["sizes"].split("x"))
    assert height > width


def test_apple_touch_icon_and_favicon_sizes(client):
    html = client.get("/").get_data(as_text=True)
    for rel, size in (("apple-touch-icon", 180), ("icon", 32)):
        match = re.search(rf'<link rel="{rel}" href="([^"]+\.png[^"]*)"', html)
        assert match, rel
        response = fetch(client, match.group(1).replace("&amp;", "&"))
        assert png_size(response.data) == (size, size)


def test_pages_link_the_manifest_and_load_the_worker_script(client):
    html = client.get("/").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert re.search(r'<script src="/static/js/pwa\.js\?v=\w+" defer></script>', html)
    assert '<meta name="apple-mobile-web-app-title" content="타로밀크티">' in html
    assert 'class="install-app" hidden' in html
    assert 'class="app-notice update-notice" role="status" hidden' in html
    assert "<script>" not in html


def test_worker_is_served_from_the_root_with_fresh_headers(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "application/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["Service-Worker-Allowed"] == "/"
    again = client.get("/sw.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_precache_holds_the_shell_the_offline_page_and_all_card_art(app, client):
    urls = precache_list(client)
    assert len(urls) == len(set(urls))
    assert "/offline" in urls
    paths = [urlsplit(u).path for u in urls]
    for shell in ("/static/css/site.css", "/static/icons/icon-192.png", "/offline"):
        assert shell in paths
    scripts = {f"/static/js/{p.name}" for p in (Path(app.static_folder) / "js").glob("*.js")}
    assert {"/static/js/site.js", "/static/js/pwa.js"} <= scripts <= set(paths)
    with app.app_context():
        slugs = [card.slug for card in current_deck().cards]
    images = [u for u in urls if u.startswith("/static/cards/")]
    assert len(images) == 79
    assert {urlsplit(u).path for u in images} == (
        {f"/static/cards/{slug}.svg" for slug in slugs} | {"/static/cards/back.svg"}
    )
    for url in urls:
        if url.startswith("/static/"):
            assert "?v=" in url, f"{url} is not versioned"
        if not url.startswith("/guide"):
            assert fetch(client, url).status_code == 200, url


def test_precache_holds_the_whole_guide(app, client):
    urls = precache_list(client)
    with app.app_context():
        slugs = [card.slug for card in current_deck().cards]
    guide = [u for u in urls if u.startswith("/guide")]
    assert guide == ["/guide"] + [f"/guide/cards/{slug}" for slug in slugs]
    for url in guide:
        assert client.get(url).status_code == 200, url


def test_the_worker_names_its_cache_after_the_build(make_app):
    app = make_app()
    first = app.test_client().get("/sw.js").get_data(as_text=True)
    assert f'const VERSION = "{app.extensions["pwa_build"]}";' in first
    app.config["PWA_VERSION"] = "release-2"
    second = app.test_client().get("/sw.js").get_data(as_text=True)
    assert 'const VERSION = "release-2";' in second
    assert 'const CACHE_NAME = CACHE_PREFIX + VERSION;' in second


def test_build_version_follows_every_file_and_the_deck(tmp_path):
    package = tmp_path / "tarot"
    (package / "static").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    deck = tmp_path / "cards.yaml"
    deck.write_text("cards: []\n")
    css = package / "static" / "site.css"
    css.write_text("body { color: brown; }")
    first = compute_build_version(deck, package)
    assert re.fullmatch(r"[0-9a-f]{12}", first)
    assert compute_build_version(deck, package) == first
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    assert compute_build_version(deck, package) == first, "bytecode is not a release change"
    css.write_text("body { color: black; }")
    second = compute_build_version(deck, package)
    assert second != first
    deck.write_text("cards: [1]\n")
    assert compute_build_version(deck, package) != second


def test_offline_page_is_friendly_and_links_to_every_card(app, client):
    response = client.get("/offline")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "지금은 인터넷에 연결되어 있지 않아요" in html
    assert 'href="/guide"' in html
    with app.app_context():
        for card in current_deck().cards:
            assert f'href="/guide/cards/{card.slug}">{card.name("ko")}</a>' in html
    assert "private" not in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize(
    "path", ["/reading", "/login", "/archive", "/me", "/auth/kakao/callback", "/map/shops.json"]
)
def test_personal_paths_are_never_stored(client, path):
    response = client.get(path)
    assert response.headers["Cache-Control"] == "private, no-store", response.status_code


def test_anonymous_public_pages_keep_their_caching(client):
    for path in ("/privacy", "/offline"):
        assert "Cache-Control" not in client.get(path).headers, path
    # The home page is kept by the page cache (issue 23), like the guide's pages.
    assert client.get("/").headers["Cache-Control"].startswith("public, max-age=300")


def test_every_signed_in_page_is_private(app, client, auth):
    auth.login(client, make_user(app))
    for path in ("/", "/privacy", "/offline", "/no/such/page", "/me"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "private, no-store", path
    # A view that chose its own caching, and static files, are left alone.
    assert client.get("/manifest.webmanifest").headers["Cache-Control"] == "no-cache"
    static = client.get("/static/css/site.css")
    assert "private" not in static.headers.get("Cache-Control", "")
