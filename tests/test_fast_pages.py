"""Pages served fast without showing anyone another visitor's page (issue 23)."""

import re

from flask import request, request_started

from tarot.models import NICKNAME_MAX
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
    assert mine.headers["Cache-Control"] == "private, no-store"
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


def test_one_kept_page_serves_every_signed_in_visitor_with_their_own_name(app, client, auth):
    """The guide page and header are kept once; each visitor's name and avatar are filled in."""
    from tarot.extensions import db
    from tarot.models import User

    auth.login(client, make_user(app, nickname="자스민밀크티1"))
    other = app.test_client()
    other_id = auth.login(other, make_user(app, nickname="우롱밀크티2"))
    with app.app_context():  # signing in takes the avatar from the provider; the demo has none
        db.session.get(User, other_id).avatar_url = "https://img.example/u2.png"
        db.session.commit()
    for _ in range(2):  # the second round is served from the kept copies
        mine = client.get("/guide/cards/the-sun").get_data(as_text=True)
        theirs = other.get("/guide/cards/the-sun").get_data(as_text=True)
        anonymous = app.test_client().get("/guide/cards/the-sun").get_data(as_text=True)
        assert "자스민밀크티1" in mine and "우롱밀크티2" not in mine
        assert "우롱밀크티2" in theirs and "자스민밀크티1" not in theirs
        assert "https://img.example/u2.png" in theirs and "https://img.example/u2.png" not in mine
        assert "자스민밀크티1" not in anonymous and "우롱밀크티2" not in anonymous
        assert "로그인" in anonymous
        assert "tarot-hole-" not in mine + theirs + anonymous
    kept = [key for key in app.extensions["fragments"]["frame"] if key[:2] == ("page", "guide-card")]
    assert len(kept) == 1  # one copy for every signed-in visitor (the others have the page cache)


def test_a_name_in_a_kept_page_is_escaped_and_cannot_fill_a_hole(app, client, auth):
    from tarot import fragments

    name = f'<b>{fragments._MARK}csrf"'  # 36 characters: within the nickname column
    assert len(name) <= NICKNAME_MAX
    auth.login(client, make_user(app, nickname=name))
    for _ in range(2):
        page = client.get("/guide/cards/the-moon").get_data(as_text=True)
        assert "<b>" not in page and f"&lt;b&gt;{fragments._MARK}csrf&#34;" in page  # as typed, escaped


def test_the_csrf_token_in_a_kept_page_is_each_visitors_own_and_works(csrf_app, auth):
    tokens = []
    for nickname in ("루이보스1", "루이보스2"):
        client = csrf_app.test_client()
        auth.login(client, make_user(csrf_app, nickname=nickname))
        page = client.get("/guide/cards/the-tower").get_data(as_text=True)
        token = re.search(r'id="csrf-token" value="([^"]+)"', page).group(1)
        tokens.append(token)
        assert client.post("/daily/draw", headers={"X-CSRFToken": token}).status_code in (200, 303)
        assert client.post("/daily/draw", headers={"X-CSRFToken": "forged"}).status_code == 400
        form = client.get("/reading").get_data(as_text=True)  # kept for signed-in visitors too
        field = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        assert client.post("/reading/deal", data={"csrf_token": field}).status_code == 303
    assert tokens[0] != tokens[1]


def test_a_changed_nickname_shows_at_once_and_english_gets_an_english_header(app, client, auth):
    from tarot.extensions import db
    from tarot.models import User

    user_id = make_user(app, nickname="보리차3")
    auth.login(client, user_id)
    assert "보리차3" in client.get("/archive").get_data(as_text=True)
    with app.app_context():
        db.session.get(User, user_id).nickname = "현미녹차4"
        db.session.commit()
    page = client.get("/archive").get_data(as_text=True)
    assert "현미녹차4" in page and "보리차3" not in page
    client.set_cookie("lang", "en")
    english = client.get("/archive").get_data(as_text=True)
    assert "Card Guide" in english.split("<main")[0]
    assert "카드 설명" not in english.split("<main")[0]


def test_a_kept_archive_row_follows_its_note_mood_and_filter(app, client, auth):
    from tests.archive_support import seed_saved

    user_id = make_user(app, nickname="유자차7")
    auth.login(client, user_id)
    (public_id,) = seed_saved(app, user_id, 1, topics=("work",))
    for _ in range(2):  # the second page is built from the kept row
        page = client.get("/archive").get_data(as_text=True)
        assert "그 뒤로 어떻게 됐나요?" in page and "면접에 붙었어요" not in page
    saved = client.post(f"/reading/{public_id}/note", data={"note": "면접에 붙었어요", "mood": "grateful"})
    assert saved.status_code in (200, 303)
    page = client.get("/archive").get_data(as_text=True)
    assert "면접에 붙었어요" in page and "고마워요" in page and "그 뒤로 어떻게 됐나요?" not in page
    filtered = client.get("/archive?topic=work").get_data(as_text=True)
    assert f"/archive/{public_id}/delete?topic=work" in filtered
    assert f"/archive/{public_id}/delete?topic=work" not in client.get("/archive").get_data(as_text=True)
    other = app.test_client()
    auth.login(other, make_user(app, nickname="모과차8"))
    assert public_id not in other.get("/archive").get_data(as_text=True)
