"""Who may open what: every route for a visitor, the owner and another user (tests/route_table.py),
unguessable ids, cookie flags and the security headers on every kind of response."""

import base64
from urllib.parse import urlsplit

import pytest

from tarot.config import load_settings
from tarot.models import new_public_id
from tests.fakes.places import FakeKakaoLocal, kakao_place
from tests.helpers import make_user
from tests.reliability_support import seed_reading, seed_share
from tests.route_table import LOGIN, ROUTES, concrete, rules_of

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


@pytest.fixture(scope="module")
def kakao():
    with FakeKakaoLocal([kakao_place(1, "홍대 타로", 37.5565, 126.9238)]) as fake:
        yield fake


@pytest.fixture
def site(make_app, kakao):
    """An app whose shop search uses the fake Kakao Local, and its two users."""
    app = make_app(KAKAO_REST_API_KEY=kakao.api_key, KAKAO_LOCAL_URL=kakao.url, OUTBOUND_TIMEOUT=2,
                   DEMO_LOGIN=True, PROPAGATE_EXCEPTIONS=False)
    app.owner = make_user(app, nickname="주인밀크티", provider_user_id="owner")
    app.other = make_user(app, nickname="손님밀크티", provider_user_id="other")
    app.reading = seed_reading(app, app.owner)
    app.share = seed_share(app, app.reading)
    return app


def assert_security_headers(response, where):
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (where, name)
    policy = response.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy, where
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, where


def outcome(response):
    location = urlsplit(response.headers.get("Location", ""))
    if response.status_code in (302, 303) and location.path == "/login":
        return LOGIN
    return response.status_code


def test_every_route_has_an_access_rule(app):
    missing = rules_of(app) - ROUTES.keys()
    assert not missing, f"add these routes to tests/route_table.py: {sorted(missing)}"
    assert not ROUTES.keys() - rules_of(app), "tests/route_table.py lists routes that are gone"


@pytest.mark.parametrize("key", sorted(ROUTES), ids=lambda key: f"{key[1]} {key[0]}")
def test_access_rule(site, key, auth):
    route = ROUTES[key]
    method = key[1]
    path = concrete(route.path, site)
    got = {}
    for who in ("anon", "other", "owner"):  # the owner last: some requests delete the reading
        client = site.test_client()
        if who != "anon":
            auth.login(client, getattr(site, who))
        response = client.open(path, method=method, data=route.data if method == "POST" else None)
        got[who] = outcome(response)
        assert response.status_code < 500, (who, response.status_code)
        assert_security_headers(response, (who, path))
        response.close()  # a streamed download ends here, inside the test, not when collected
    assert got == {"anon": route.anon, "other": route.other, "owner": route.owner}


def test_error_responses_carry_the_security_headers(site):
    @site.get("/boom")
    def boom():
        raise RuntimeError("boom")

    client = site.test_client()
    responses = {
        404: client.get("/no/such/page"),
        405: client.delete("/reading"),
        413: client.post("/reading/deal", data={"concern": "가" * 70_000}),
        500: client.get("/boom"),
        400: client.get("/map/shops.json?lat=north"),
    }
    for status, response in responses.items():
        assert response.status_code == status
        assert_security_headers(response, status)
    static = client.get("/static/css/site.css")
    assert_security_headers(static, "static")
    cached = [client.get("/guide"), client.get("/guide")]  # the second comes from the page cache
    for response in cached:
        assert_security_headers(response, "cached page")


def test_public_ids_are_random_128_bit_tokens():
    ids = {new_public_id() for _ in range(2000)}
    assert len(ids) == 2000
    for public_id in list(ids)[:50]:
        raw = base64.urlsafe_b64decode(public_id + "==")
        assert len(raw) == 16  # 128 bits from secrets.token_urlsafe


def test_reading_urls_do_not_reveal_row_numbers(site, auth):
    assert site.reading != "1" and len(site.reading) >= 22
    client = site.test_client()
    auth.login(client, site.owner)
    assert client.get("/reading/1").status_code == 404


def test_production_cookies_are_secure_httponly_and_lax(make_app, tmp_path):
    settings = load_settings(str(tmp_path), env={"TAROT_ENV": "production", "SECRET_KEY": "s" * 64,
                                                       "TAROT_PUBLIC_URL": "https://tarotmilktea.example"})
    cookie_flags = {k: v for k, v in settings.items() if k.startswith(("SESSION_COOKIE", "REMEMBER_COOKIE"))}
    assert cookie_flags == {
        "SESSION_COOKIE_HTTPONLY": True, "SESSION_COOKIE_SAMESITE": "Lax", "SESSION_COOKIE_SECURE": True,
        "REMEMBER_COOKIE_HTTPONLY": True, "REMEMBER_COOKIE_SAMESITE": "Lax", "REMEMBER_COOKIE_SECURE": True,
    }
    app = make_app(**cookie_flags, PRODUCTION=True)
    response = app.test_client().post("/reading/deal")  # the deal lives in the session cookie
    cookie = response.headers["Set-Cookie"]
    assert "; Secure" in cookie and "; HttpOnly" in cookie and "; SameSite=Lax" in cookie
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
