"""Pages served fast without showing anyone another visitor's page (issue 23)."""

from flask import request, request_started

from tests.helpers import make_user


def _paths_entering_flask(app, send):
    entered = []
    with request_started.connected_to(lambda sender, **extra: entered.append(request.path), app):
        send()
    return entered


def test_the_home_page_is_shared_with_anonymous_visitors_and_kept_in_memory(app, client):
    first = client.get("/")
    assert first.headers["Cache-Control"].startswith("public, max-age=300")
    assert first.headers["ETag"] and "Set-Cookie" not in first.headers
    assert "Cookie" in first.headers["Vary"] and "Accept-Language" in first.headers["Vary"]
    again = []
    assert _paths_entering_flask(app, lambda: again.append(app.test_client().get("/"))) == []
    assert again[0].data == first.data
    english = app.test_client().get("/", headers={"Accept-Language": "en"})
    assert 'lang="en"' in english.get_data(as_text=True)  # the language is part of the key


def test_the_signed_in_home_page_is_private_and_never_served_to_others(app, client, auth):
    app.test_client().get("/")  # an anonymous copy is in memory first
    auth.login(client, make_user(app, nickname="호지차라떼5151"))
    mine = client.get("/")
    assert "호지차라떼5151" in mine.get_data(as_text=True)
    assert mine.headers["Cache-Control"] == "private, no-cache"
    stranger = app.test_client().get("/")
    assert "호지차라떼5151" not in stranger.get_data(as_text=True)
    assert "로그인" in stranger.get_data(as_text=True)


def test_a_cookie_the_site_never_reads_does_not_skip_the_cache(app):
    app.test_client().get("/guide/cards/the-star")
    visitor = app.test_client()
    visitor.set_cookie("_ga", "GA1.2.345")
    entered = _paths_entering_flask(app, lambda: visitor.get("/guide/cards/the-star"))
    assert entered == []


def test_a_signed_in_visitor_with_other_cookies_still_gets_their_own_page(app, client, auth):
    app.test_client().get("/guide/cards/the-star")
    auth.login(client, make_user(app, nickname="얼그레이9090"))
    client.set_cookie("_ga", "GA1.2.345")
    page = client.get("/guide/cards/the-star")
    assert "얼그레이9090" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "private, no-cache"
