"""A walk through every page of the site in Chromium, for the accessibility and layout tests
and for tools/screenshots.py.

``tour(browser, app, base, **context_options)`` opens two browser contexts (a visitor and a
signed-in demo user) and yields ``(name, page)`` at each stop: home, guide, a card page,
login, the reading form before and after dealing, five cards picked, a finished reading,
the same with a share link made, the saved reading with its note form, the archive, the shared
page as a visitor sees it, my cards, My page, the map, the offline page and a 404. The app should use the offline
interpreter (the default) so the answer arrives at once, and a fake Overpass and tile server
(``map_services()``) so the map shows shops without the network.
"""

import contextlib
import re

from tests.browser_support import sign_in_demo
from tests.fakes.places import FakeOverpass, FakeTiles, offset, osm_node

CITY_HALL = (37.566826, 126.9786567)

STOPS = [
    "home", "guide", "card", "login", "reading", "reading-dealt", "reading-picked",
    "reading-answer", "reading-shared", "reading-saved", "archive", "shared", "stats", "me", "map",
    "offline", "not-found",
]


@contextlib.contextmanager
def map_services():
    """A fake Overpass with a few shops around Seoul City Hall, and a fake tile server.

    Yields the settings to give the app (``OVERPASS_URL``, ``MAP_TILE_URL``).
    """
    shops = [
        osm_node(7000 + i, *offset(*CITY_HALL, 260 * i - 400, 200 * (i % 2) - 100),
                 name=f"시청 타로 {i + 1}", shop="psychic", phone=f"02-777-{i:04d}")
        for i in range(4)
    ]
    with FakeOverpass(shops) as overpass, FakeTiles() as tiles:
        yield {"OVERPASS_URL": overpass.interpreter, "MAP_TILE_URL": tiles.template,
               "OUTBOUND_TIMEOUT": 3}


def settle(page):
    """Wait until the page's own requests are done (htmx swaps, map shops)."""
    page.wait_for_load_state("networkidle")


def tour(browser, app, base, stops=STOPS, **context_options):
    """Visit the stops in order; yields ``(name, page)`` with the page showing that stop."""
    options = {"viewport": {"width": 1280, "height": 900}, "locale": "ko-KR", **context_options}
    visitor = browser.new_context(**options)
    member = browser.new_context(**options)
    try:
        visitor.set_default_timeout(15_000)
        member.set_default_timeout(15_000)
        sign_in_demo(member, app, base)
        anon, user = visitor.new_page(), member.new_page()
        yield from _walk(anon, user, base, set(stops))
    finally:
        visitor.close()
        member.close()


def _visit(page, url):
    page.goto(url)
    settle(page)
    return page


def _walk(anon, user, base, wanted):
    simple = [
        ("home", anon, "/"), ("guide", anon, "/guide"), ("card", anon, "/guide/cards/the-fool"),
        ("login", anon, "/login"), ("reading", anon, "/reading"),
    ]
    for name, page, path in simple:
        if name in wanted:
            yield name, _visit(page, base + path)
    if "reading-dealt" in wanted:
        _visit(anon, base + "/reading")
        anon.get_by_role("button", name="카드 섞기").click()
        anon.locator(".deal-card").nth(29).wait_for()
        settle(anon)
        yield "reading-dealt", anon
    shared_url = None
    if wanted & {"reading-picked", "reading-answer", "reading-shared", "reading-saved", "archive", "shared",
                 "stats"}:
        _visit(user, base + "/reading")
        user.get_by_role("radio", name="애정운").check()
        user.locator("#concern").fill("요즘 연락이 뜸한 그 사람, 제 마음을 전해도 될까요?")
        user.get_by_role("button", name="카드 섞기").click()
        user.locator(".deal-card").nth(29).wait_for()
        for picked in range(5):
            user.locator(".deal-card").nth(picked * 6 + 1).click()
            user.locator(".deal-card.is-picked").nth(picked).wait_for()
        settle(user)
        if "reading-picked" in wanted:
            yield "reading-picked", user
        user.get_by_role("button", name="운세보기").click()
        user.wait_for_url(re.compile(r"/reading/[A-Za-z0-9_-]{20,}$"))
        user.locator("#answer.is-done").wait_for()
        settle(user)
        if "reading-answer" in wanted:
            yield "reading-answer", user
        user.get_by_role("button", name="저장하기").click()
        user.get_by_text("보관함에 저장했어요").wait_for()
        if wanted & {"reading-shared", "shared"}:
            user.get_by_role("button", name="공유 링크 만들기").click()
            user.locator(".share-link").wait_for()
            settle(user)
            shared_url = user.locator(".share-url").input_value()
            if "reading-shared" in wanted:
                yield "reading-shared", user
        if "reading-saved" in wanted:
            yield "reading-saved", user
    if "archive" in wanted:
        yield "archive", _visit(user, base + "/archive")
    if "shared" in wanted:
        yield "shared", _visit(anon, shared_url)
    if "stats" in wanted:
        yield "stats", _visit(user, base + "/archive/stats")
    if "me" in wanted:
        yield "me", _visit(user, base + "/me")
    if "map" in wanted:
        _visit(anon, base + "/map")
        anon.locator(".shop-item").first.wait_for()
        settle(anon)
        yield "map", anon
    if "offline" in wanted:
        yield "offline", _visit(anon, base + "/offline")
    if "not-found" in wanted:
        yield "not-found", _visit(anon, base + "/no-such-page")
