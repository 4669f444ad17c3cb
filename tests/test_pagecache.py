"""The in-process cache of public pages in front of the app."""

import pytest
from flask import Flask, make_response, request

from tarot.pagecache import PublicPageCache, anonymous_session_test


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def backend():
    """A tiny app whose views count their calls and choose their own caching headers."""
    app = Flask(__name__)
    app.calls = 0

    @app.route("/page", methods=["GET", "HEAD", "POST"])
    def page():
        app.calls += 1
        response = make_response(f"page {app.calls} {request.headers.get('Accept-Language', '')}")
        response.set_etag("v1")
        response.headers["Last-Modified"] = "Wed, 01 Jan 2025 00:00:00 GMT"
        response.headers["Cache-Control"] = "public, max-age=300"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.get("/private")
    def private():
        app.calls += 1
        response = make_response("mine")
        response.set_etag("p")
        response.headers["Cache-Control"] = "private, no-cache"
        return response

    @app.get("/cookie")
    def cookie():
        app.calls += 1
        response = make_response("with cookie")
        response.set_etag("c")
        response.headers["Cache-Control"] = "public, max-age=300"
        response.set_cookie("x", "1")
        return response

    @app.get("/missing")
    def missing():
        app.calls += 1
        response = make_response("gone", 404)
        response.headers["Cache-Control"] = "public, max-age=300"
        response.set_etag("m")
        return response

    return app


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def client(backend, clock):
    backend.wsgi_app = PublicPageCache(backend.wsgi_app, max_entries=3, clock=clock)
    return backend.test_client()


def test_a_public_page_is_served_from_memory_with_its_headers(client, backend):
    first = client.get("/page")
    second = client.get("/page")
    assert backend.calls == 1
    assert second.data == first.data == b"page 1 "
    assert second.headers["X-Frame-Options"] == "DENY"
    assert second.headers["ETag"] == '"v1"'


def test_conditional_and_head_requests_are_answered_from_memory(client, backend):
    client.get("/page")
    not_modified = client.get("/page", headers={"If-None-Match": '"v1"'})
    assert not_modified.status_code == 304 and not_modified.data == b""
    assert "Content-Length" not in not_modified.headers
    since = client.get("/page", headers={"If-Modified-Since": "Thu, 02 Jan 2025 00:00:00 GMT"})
    assert since.status_code == 304
    older = client.get("/page", headers={"If-Modified-Since": "Tue, 31 Dec 2024 00:00:00 GMT"})
    assert older.status_code == 200 and older.data == b"page 1 "
    other = client.get("/page", headers={"If-None-Match": '"v0"'})
    assert other.status_code == 200
    head = client.head("/page")
    assert head.status_code == 200 and head.data == b""
    assert backend.calls == 1


def test_entries_are_kept_per_language_and_host(client, backend):
    assert client.get("/page", headers={"Accept-Language": "ko"}).data == b"page 1 ko"
    assert client.get("/page", headers={"Accept-Language": "en"}).data == b"page 2 en"
    assert client.get("/page", headers={"Accept-Language": "ko"}).data == b"page 1 ko"
    client.get("/page", headers={"Host": "other.example"})
    assert backend.calls == 3


def test_an_entry_lives_for_its_max_age(client, backend, clock):
    client.get("/page")
    clock.now += 299
    client.get("/page")
    assert backend.calls == 1
    clock.now += 2
    assert client.get("/page").data == b"page 2 "


@pytest.mark.parametrize("path", ["/private", "/cookie", "/missing"])
def test_pages_not_marked_shareable_always_reach_the_app(client, backend, path):
    client.get(path)
    client.get(path)
    assert backend.calls == 2


def test_requests_with_cookies_queries_or_other_methods_reach_the_app(client, backend):
    client.get("/page")
    client.get("/page?x=1")
    client.post("/page")
    client.set_cookie("session", "abc")
    client.get("/page")
    assert backend.calls == 4


def test_the_language_cookie_is_part_of_the_key_and_other_cookies_skip_the_cache(backend, clock):
    backend.wsgi_app = PublicPageCache(backend.wsgi_app, clock=clock, key_cookies=("lang",))
    client = backend.test_client()
    client.set_cookie("lang", "en")
    first = client.get("/page").data
    assert client.get("/page").data == first and backend.calls == 1
    client.set_cookie("lang", "ko")
    client.get("/page")
    assert backend.calls == 2  # another language, another entry
    client.set_cookie("session", "abc")
    client.get("/page")
    client.get("/page")
    assert backend.calls == 4  # a session (or any other cookie) always reaches the app


def test_an_anonymous_session_gets_the_shared_page_and_any_other_session_the_app(backend, clock):
    backend.secret_key = "test-secret"
    backend.wsgi_app = PublicPageCache(
        backend.wsgi_app, clock=clock, shared_cookies={"session": anonymous_session_test(backend)}
    )
    client = backend.test_client()
    sign = backend.session_interface.get_signing_serializer(backend).dumps
    client.get("/page")
    for anonymous in (sign({"csrf_token": "abc", "deal": {}}), sign({}), "not-signed-by-us"):
        client.set_cookie("session", anonymous)
        client.get("/page")
    assert backend.calls == 1
    for personal in (sign({"_user_id": "token"}), sign({"_flashes": [("success", "안녕하세요")]})):
        client.set_cookie("session", personal)
        client.get("/page")
    assert backend.calls == 3
    client.set_cookie("session", sign({}))
    client.set_cookie("other", "1")
    client.get("/page")
    assert backend.calls == 4  # a cookie the cache knows nothing of still reaches the app


def test_cookies_the_app_never_reads_are_ignored_and_the_ones_it_reads_are_not(backend, clock):
    backend.secret_key = "test-secret"
    backend.wsgi_app = PublicPageCache(
        backend.wsgi_app, clock=clock, key_cookies=("lang",),
        shared_cookies={"session": anonymous_session_test(backend)},
        read_cookies=("lang", "session", "remember_token"),
    )
    client = backend.test_client()
    client.get("/page")
    client.set_cookie("_ga", "GA1.2.3")  # another site's or an analytics cookie
    client.set_cookie("x", "1")
    client.get("/page")
    assert backend.calls == 1
    client.set_cookie("remember_token", "1|abc")  # read by Flask-Login: may sign someone in
    client.get("/page")
    assert backend.calls == 2
    client.delete_cookie("remember_token")
    client.set_cookie("session", backend.session_interface.get_signing_serializer(backend).dumps({"_user_id": "t"}))
    client.get("/page")
    assert backend.calls == 3  # a signed-in session beside ignored cookies still reaches the app


def test_the_cache_does_not_grow_past_its_limit(client, backend, clock):
    for language in ("a", "b", "c", "d"):
        client.get("/page", headers={"Accept-Language": language})
    client.get("/page", headers={"Accept-Language": "d"})
    assert backend.calls == 5  # "d" found no room
    clock.now += 301  # everything expired: room again
    client.get("/page", headers={"Accept-Language": "d"})
    client.get("/page", headers={"Accept-Language": "d"})
    assert backend.calls == 6


def test_headers_of_one_request_are_made_anew_for_each_answer(backend, clock):
    ids = iter(("first-id", "second-id", "third-id"))
    backend.wsgi_app = PublicPageCache(
        backend.wsgi_app, clock=clock, fresh_headers=lambda environ: [("X-Request-ID", next(ids))]
    )
    client = backend.test_client()
    client.get("/page")  # stored (the app made this one's headers)
    assert client.get("/page").headers["X-Request-ID"] == "first-id"
    again = client.get("/page")
    assert again.headers.getlist("X-Request-ID") == ["second-id"] and backend.calls == 1
