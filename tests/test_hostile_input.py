"""Hostile input to every route: arbitrary form and query values, forged ids, no CSRF token,
oversized bodies. Never a server error, and a refused request never changes what is stored.

The routes and the fields each reads come from tests/route_table.py, which must list every
route of the app (tests/test_access.py fails otherwise).
"""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tarot import jobs
from tests.fakes.places import FakeKakaoLocal, kakao_place
from tests.helpers import make_user
from tests.reliability_support import seed_reading, seed_share, snapshot
from tests.route_table import ROUTES, concrete, rules_of

HOSTILE = [
    "", " ", "\x00", "%00", "\r\n", "\u202e", "\ufeff", "😀" * 50, "가" * 400, "a" * 5000,
    "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "' OR 1=1 --", "1; DROP TABLE users",
    "../../etc/passwd", "//evil.example/", "https://evil.example/", "javascript:alert(1)",
    "{{7*7}}", "{% raw %}", "-1", "0", "4", "29", "30", "1e309", "nan", "inf", "-0", "9" * 40,
    "[[greeting]]", "love", "today", "yes", "None", "null", "[]", "{}",
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=80),
    st.binary(max_size=24),  # raw bytes: often not UTF-8 at all
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
# Requests that such a route refuses with a redirect rather than an error status.
REFUSED_BY_REDIRECT = {
    ("auth.delete_account", "POST"): lambda form: form.get("confirm") != "yes",
}


@pytest.fixture(scope="module")
def kakao():
    with FakeKakaoLocal([kakao_place(1, "<b>홍대</b> 타로", 37.5565, 126.9238)]) as fake:
        yield fake


@pytest.fixture
def site(make_app, kakao):
    app = make_app(KAKAO_REST_API_KEY=kakao.api_key, KAKAO_LOCAL_URL=kakao.url, OUTBOUND_TIMEOUT=2,
                   DEMO_LOGIN=True)
    app.owner = make_user(app, nickname="주인밀크티", provider_user_id="owner")
    app.reading = seed_reading(app, app.owner)
    app.share = seed_share(app, app.reading)
    return app


def encoded(pairs):
    return urlencode([(k, v) for k, v in pairs]).encode()


@pytest.mark.parametrize("key", sorted(ROUTES), ids=lambda key: f"{key[1]} {key[0]}")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_arbitrary_input_is_never_a_server_error_nor_a_stray_change(site, key, data, auth):
    route = ROUTES[key]
    endpoint, method = key
    path, _, fixed_query = concrete(route.path, site).partition("?")
    if route.path_params and data.draw(st.booleans(), label="fuzz the path"):
        name, template = next(iter(route.path_params.items()))
        raw = data.draw(VALUES, label=name)
        path = concrete(template, site).format(quote(raw, safe="") if raw else "x")
    fields = [(name, data.draw(VALUES, label=name)) for name in route.params
              if data.draw(st.booleans(), label=f"send {name}")]
    if data.draw(st.booleans(), label="an unknown field"):
        fields.append((data.draw(st.text(min_size=1, max_size=10)), data.draw(VALUES)))
    fields = [(k, v) for k, v in fields if not (k == "confirm" and v in ("yes", b"yes"))]
    headers = {"HX-Request": "true"} if data.draw(st.booleans(), label="htmx") else {}
    client = site.test_client()
    if data.draw(st.booleans(), label="signed in"):
        auth.login(client, site.owner)

    assert jobs.wait_until_idle(10)  # an earlier example's job must not write during this one
    before = snapshot(site)
    if method == "GET":
        query = "&".join(part for part in (fixed_query, encoded(fields).decode()) if part)
        response = client.get(path, query_string=query, headers=headers)
    else:
        response = client.post(path, data=encoded(fields), headers=headers,
                               content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500
    form = {k: v for k, v in fields if isinstance(v, str)}
    refused = response.status_code >= 400 or REFUSED_BY_REDIRECT.get(key, lambda _: False)(form)
    if not route.stores or refused:
        assert snapshot(site) == before, f"{method} {path} {fields!r} → {response.status_code}"


def test_every_route_is_fuzzed(app):
    assert rules_of(app) <= ROUTES.keys()


@pytest.fixture
def csrf_site(make_app):
    app = make_app(WTF_CSRF_ENABLED=True, DEMO_LOGIN=True)
    app.owner = make_user(app, nickname="주인밀크티", provider_user_id="owner")
    app.reading = seed_reading(app, app.owner, saved=False)
    app.share = seed_share(app, app.reading)
    return app


POST_ROUTES = sorted(key for key in ROUTES if key[1] == "POST")


@pytest.mark.parametrize("key", POST_ROUTES, ids=lambda key: key[0])
@pytest.mark.parametrize("token", [None, "forged-token"])
def test_every_post_without_a_valid_csrf_token_is_refused(csrf_site, key, token, auth):
    route = ROUTES[key]
    path = concrete(route.path, csrf_site)
    form = dict(route.data, **({"csrf_token": token} if token else {}))
    for signed_in in (False, True):
        client = csrf_site.test_client()
        if signed_in:
            auth.login(client, csrf_site.owner)
        before = snapshot(csrf_site)
        response = client.post(path, data=form)
        assert response.status_code == 400, (path, signed_in)
        assert "보안 확인이 만료됐어요" in response.get_data(as_text=True)
        assert snapshot(csrf_site) == before


def test_csrf_covers_every_post_route(app):
    assert {key for key in rules_of(app) if key[1] == "POST"} == set(POST_ROUTES)


@pytest.mark.parametrize("path", ["/reading", "/me", "/reading/deal", "/login/demo"])
def test_an_oversized_body_is_refused_kindly_and_changes_nothing(site, path, auth):
    client = site.test_client()
    auth.login(client, site.owner)
    before = snapshot(site)
    response = client.post(path, data={"concern": "가" * 30_000, "nickname": "x"})
    assert site.config["MAX_CONTENT_LENGTH"] <= 64 * 1024
    assert response.status_code == 413
    assert "보낸 내용이 너무 커요" in response.get_data(as_text=True)
    assert snapshot(site) == before
