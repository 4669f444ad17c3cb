"""Page weight budgets (the budgets and figures are in bench/README.md).

A first visit of `/` transfers at most 60 KiB of HTML + CSS + JS, a card page at most 40 KiB
plus its art, measured as gzip level 6 (what nginx sends) of the HTML and every same-origin
stylesheet and script the page loads. No web fonts anywhere. Images carry width and height,
and those below the fold on a phone load lazily (tests/test_layout_browser.py checks that part
in Chromium).
"""

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import make_user

KIB = 1024
BUDGETS = {"/": 60 * KIB, "/guide/cards/the-fool": 40 * KIB}
PAGES = ["/", "/guide", "/guide/cards/the-fool", "/reading", "/map", "/login", "/offline"]
STATIC = Path(__file__).resolve().parent.parent / "tarot" / "static"


class Assets(HTMLParser):
    """Collects the stylesheets, scripts and images a page names."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.images, self.links = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
            if "stylesheet" in (attrs.get("rel") or "").split():
                self.styles.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag == "img":
            self.images.append(attrs)


def parse(html):
    assets = Assets()
    assets.feed(html)
    return assets


def gzipped(body):
    return len(gzip.compress(body, compresslevel=6))


def page_weight(client, path):
    """(bytes, {url: bytes}) of the page and its same-origin CSS and JS, gzip level 6."""
    response = client.get(path)
    assert response.status_code == 200, path
    assets = parse(response.get_data(as_text=True))
    sizes = {path: gzipped(response.data)}
    for url in assets.styles + assets.scripts:
        assert url.startswith("/") and not url.startswith("//"), f"{path} loads {url} from another host"
        asset = client.get(url)
        assert asset.status_code == 200, url
        sizes[url] = gzipped(asset.data)
    return sum(sizes.values()), sizes


@pytest.mark.parametrize("path", sorted(BUDGETS))
def test_first_visit_stays_within_its_budget(client, path):
    total, sizes = page_weight(client, path)
    assert len(sizes) >= 3  # the page, site.css and htmx at least: the parser found them
    assert total <= BUDGETS[path], f"{path}: {total} bytes > {BUDGETS[path]}: {sizes}"


def test_the_measure_counts_what_the_page_loads(client):
    """A bigger script on the page shows in the total (the check can fail)."""
    total, sizes = page_weight(client, "/")
    htmx = next(url for url in sizes if "htmx" in url)
    assert sizes[htmx] > 10 * KIB
    assert total == sum(sizes.values())


def test_no_web_fonts(client):
    for path in PAGES:
        html = client.get(path).get_data(as_text=True)
        assets = parse(html)
        for link in assets.links:
            assert "font" not in (link.get("as") or "") and "fonts." not in (link.get("href") or ""), link
        for url in assets.styles:
            css = client.get(url).get_data(as_text=True)
            assert "@font-face" not in css, url
            assert not re.search(r"\.(woff2?|ttf|otf|eot)\b", css), url
    assert not [p for p in STATIC.rglob("*") if p.suffix in {".woff", ".woff2", ".ttf", ".otf", ".eot"}]


def test_every_image_has_its_size(client):
    for path in PAGES:
        for image in parse(client.get(path).get_data(as_text=True)).images:
            assert image.get("width") and image.get("height"), f"{path}: {image}"


def test_styles_of_signed_in_pages_stay_off_a_visitors_page(app, client, auth):
    """member.css (archive, journal, follow-ups, own deck) only for a signed-in visitor."""
    assert "css/member.css" not in client.get("/guide/cards/the-fool").get_data(as_text=True)
    auth.login(client, make_user(app))
    page = client.get("/archive").get_data(as_text=True)
    member = next(url for url in parse(page).styles if "css/member.css" in url)
    css = client.get(member).get_data(as_text=True)
    assert ".archive-card" in css and ".journal-note" in css and ".followup" in css
