"""Sharing a reading: links the owner makes and revokes, the public page /s/<token> and what it
shows or hides, its headers, and the links' end with the reading or the account.

The share image has its own module (tests/test_share_image.py); Chromium drives the buttons,
the service worker and the layouts in tests/test_share_browser.py.
"""

import re
from html import unescape

import pytest

from tarot.extensions import db
from tarot.models import Reading, ReadingShare
from tarot.oracle.sections import SECTIONS
from tarot.spreads import PLACE_LABELS, SECTION_LABELS, SPREADS
from tests.helpers import HX, make_user
from tests.reliability_support import seed_reading, seed_share, snapshot

ORIGIN = "https://tarotmilktea.example"
NICK = "웃고있는밀크티48213"
CONCERN = "그 사람에게 먼저 연락해도 될까요?"


@pytest.fixture
def site(make_app, auth):
    """An app, the owner signed in on ``site.owner_client`` and a finished, unsaved reading
    whose answer names the owner and repeats the concern."""
    app = make_app(PUBLIC_URL=ORIGIN, DEMO_LOGIN=True)
    app.owner = make_user(app, nickname=NICK, provider_user_id="owner")
    answer = {key: f"{NICK}님, {key} 이야기예요." for key in SECTIONS}
    answer["greeting"] = f"안녕하세요 웃고있는밀크티님. ‘{CONCERN}’라고 물어봐 주셨죠."
    app.reading = seed_reading(app, app.owner, concern=CONCERN, answer=answer, saved=False)
    app.owner_client = app.test_client()
    auth.login(app.owner_client, app.owner)
    return app


def links(app):
    with app.app_context():
        return db.session.execute(
            db.select(ReadingShare.token, ReadingShare.show_concern, ReadingShare.show_nickname,
                      ReadingShare.indexable)
        ).all()


def make_link(app, **choices):
    response = app.owner_client.post(f"/reading/{app.reading}/share", data=choices, headers=HX)
    assert response.status_code in (200, 201), response.status_code
    html = response.get_data(as_text=True)
    return re.search(r'data-share-new>.*?/s/([A-Za-z0-9_-]{24})"', html, re.S).group(1)


def test_the_owner_makes_a_link_and_the_reading_is_saved(site):
    response = site.owner_client.post(f"/reading/{site.reading}/share", headers=HX)
    assert response.status_code == 201
    html = response.get_data(as_text=True)
    assert "공유 링크를 만들었어요" in html
    [(token, concern, nickname, indexable)] = links(site)
    assert (concern, nickname, indexable) == (False, False, False)
    assert len(token) == 24  # 18 random bytes: 144 bits
    assert f'value="{ORIGIN}/s/{token}"' in html
    with site.app_context():
        assert db.session.execute(db.select(Reading.saved_at)).scalar_one() is not None


def test_the_same_choices_give_the_same_link_and_other_choices_another(site):
    first = make_link(site)
    again = site.owner_client.post(f"/reading/{site.reading}/share", headers=HX)
    assert again.status_code == 200
    assert "같은 설정의 링크가 이미 있어요" in again.get_data(as_text=True)
    with_concern = make_link(site, show_concern="1")
    assert first != with_concern
    assert sorted(links(site)) == sorted([(first, False, False, False), (with_concern, True, False, False)])
    # The reading page lists both, each saying what it shows.
    page = site.owner_client.get(f"/reading/{site.reading}").get_data(as_text=True)
    assert f"/s/{first}" in page and f"/s/{with_concern}" in page
    assert page.count("고민 숨김") == 1 and page.count("고민 보여 줌") == 1


def test_without_htmx_the_owner_goes_back_to_the_reading_with_a_message(site):
    response = site.owner_client.post(f"/reading/{site.reading}/share", data={"indexable": "on"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/reading/{site.reading}#share")
    page = site.owner_client.get(f"/reading/{site.reading}").get_data(as_text=True)
    assert "공유 링크를 만들었어요" in page
    assert links(site)[0][1:] == (False, False, True)


@pytest.mark.parametrize("value", ["", "0", "no", "off", "<b>1</b>", "1 "])
def test_anything_but_a_tick_hides(site, value):
    make_link(site, show_concern=value, show_nickname=value, indexable=value)
    assert links(site)[0][1:] == (False, False, False)


@pytest.mark.parametrize("status", ["pending", "running", "failed"])
def test_a_reading_without_its_answer_cannot_be_shared(site, status):
    with site.app_context():
        reading = db.session.execute(db.select(Reading)).scalar_one()
        reading.status = status
        db.session.commit()
    before = snapshot(site)
    response = site.owner_client.post(f"/reading/{site.reading}/share", headers=HX)
    assert response.status_code == 409
    assert "풀이가 끝난 뒤에 공유할 수 있어요" in response.get_data(as_text=True)
    assert snapshot(site) == before


def test_another_user_can_neither_make_nor_revoke_nor_list(site, auth):
    token = make_link(site)
    other = site.test_client()
    auth.login(other, make_user(site, nickname="손님밀크티", provider_user_id="other"))
    before = snapshot(site)
    assert other.post(f"/reading/{site.reading}/share", headers=HX).status_code == 404
    assert other.post(f"/reading/{site.reading}/share/{token}/revoke", headers=HX).status_code == 404
    assert other.get(f"/reading/{site.reading}/share", headers=HX).status_code == 404
    assert snapshot(site) == before
    assert other.get(f"/s/{token}").status_code == 200  # but anyone may open the link


def test_a_link_of_another_reading_cannot_be_revoked_through_mine(site):
    mine = make_link(site)
    theirs_reading = seed_reading(site, make_user(site, nickname="남", provider_user_id="x"))
    theirs = seed_share(site, theirs_reading)
    site.owner_client.post(f"/reading/{site.reading}/share/{theirs}/revoke", headers=HX)
    assert {row[0] for row in links(site)} == {mine, theirs}


def test_revoking_makes_the_page_and_image_404_at_once(site):
    token = make_link(site)
    visitor = site.test_client()
    assert visitor.get(f"/s/{token}").status_code == 200
    assert visitor.get(f"/s/{token}/image.png").status_code == 200
    response = site.owner_client.post(f"/reading/{site.reading}/share/{token}/revoke", headers=HX)
    assert response.status_code == 200
    assert "링크를 없앴어요" in response.get_data(as_text=True)
    assert links(site) == []
    assert visitor.get(f"/s/{token}").status_code == 404
    assert visitor.get(f"/s/{token}/image.png").status_code == 404
    # Revoking again is the same outcome, not an error.
    again = site.owner_client.post(f"/reading/{site.reading}/share/{token}/revoke")
    assert again.status_code == 303


@pytest.mark.parametrize("token", ["x", "a" * 24, "a" * 200, "../../etc", "%00", "A" * 24 + ".png"])
def test_unknown_or_malformed_links_are_404(site, token):
    assert site.test_client().get(f"/s/{token}").status_code == 404


def test_the_page_hides_the_concern_and_nickname_by_default(site):
    token = make_link(site)
    html = site.test_client().get(f"/s/{token}").get_data(as_text=True)
    assert CONCERN not in unescape(html)
    assert "웃고있는밀크티" not in html
    assert "애정운 타로 풀이" in html
    # Where the answer named the owner or quoted the concern, it says so no more.
    assert "안녕하세요 손님. ‘…’라고 물어봐 주셨죠." in unescape(html)
    assert "손님, past 이야기예요." in html and "손님님" not in html
    assert len(re.findall(r'class="result-card"', html)) == 5
    assert len(re.findall(r'<section class="answer-section', html)) == len(SECTIONS)


def test_ticked_concern_and_nickname_are_shown(site):
    token = make_link(site, show_concern="1", show_nickname="1")
    html = unescape(site.test_client().get(f"/s/{token}").get_data(as_text=True))
    assert f"{NICK}님의 애정운 타로" in html
    assert CONCERN in html
    assert f"{NICK}님, past 이야기예요." in html


def test_user_text_on_the_page_is_escaped(site):
    with site.app_context():
        reading = db.session.execute(db.select(Reading)).scalar_one()
        reading.concern = "<script>alert(1)</script>"
        reading.user.nickname = "<img src=x onerror=alert(1)>"
        db.session.commit()
    token = make_link(site, show_concern="1", show_nickname="1")
    html = site.test_client().get(f"/s/{token}").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_open_graph_uses_the_public_origin_never_the_host(site):
    token = make_link(site)
    html = site.test_client().get(f"/s/{token}", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in html
    assert f'<meta property="og:url" content="{ORIGIN}/s/{token}">' in html
    assert f'<meta property="og:image" content="{ORIGIN}/s/{token}/image.png">' in html
    assert f'<meta name="twitter:image" content="{ORIGIN}/s/{token}/image.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    description = re.search(r'<meta property="og:description" content="([^"]*)"', html).group(1)
    assert "카드 5장: 바보" in unescape(description) and CONCERN not in unescape(description)


def test_open_graph_speaks_the_readings_language(site):
    with site.app_context():
        db.session.execute(db.update(Reading).values(locale="en"))
        db.session.commit()
    token = make_link(site)
    html = site.test_client().get(f"/s/{token}").get_data(as_text=True)  # a Korean visitor
    assert '<meta property="og:title" content="Love tarot reading">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<html lang="ko">' in html


def test_noindex_unless_the_owner_allows_search_engines(site):
    hidden, public = make_link(site), make_link(site, indexable="1")
    client = site.test_client()
    page = client.get(f"/s/{hidden}")
    assert '<meta name="robots" content="noindex, nofollow">' in page.get_data(as_text=True)
    assert "noindex" in page.headers["X-Robots-Tag"]
    assert "noindex" in client.get(f"/s/{hidden}/image.png").headers["X-Robots-Tag"]
    allowed = client.get(f"/s/{public}")
    assert 'name="robots"' not in allowed.get_data(as_text=True)
    assert "X-Robots-Tag" not in allowed.headers
    assert "X-Robots-Tag" not in client.get(f"/s/{public}/image.png").headers


def test_the_page_stays_out_of_shared_caches_and_is_asked_for_each_time(site):
    token = make_link(site)
    client = site.test_client()
    first = client.get(f"/s/{token}")
    assert first.headers["Cache-Control"] == "private, no-cache"
    assert first.headers["ETag"]
    again = client.get(f"/s/{token}", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    # The public page cache never keeps it: a revoked link is gone for the next visitor.
    site.owner_client.post(f"/reading/{site.reading}/share/{token}/revoke")
    assert client.get(f"/s/{token}").status_code == 404


def test_a_shared_page_sets_no_session_cookie(site):
    token = make_link(site)
    response = site.test_client().get(f"/s/{token}")
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("spread", sorted(SPREADS))
def test_the_page_shows_the_readings_own_spread(site, spread):
    """One, three, four or five places: the page shows the reading's places and the sections
    its spread's answer is written in, never a fixed five."""
    places = SPREADS[spread].places
    cards = [{"card": n, "reversed": n == 1, "position": p} for n, p in enumerate(places)]
    answer = {key: f"{key} 이야기예요." for key in SPREADS[spread].sections}
    with site.app_context():
        db.session.execute(db.update(Reading).values(spread=spread, cards=cards, answer=answer))
        db.session.commit()
    token = make_link(site)
    html = unescape(site.test_client().get(f"/s/{token}").get_data(as_text=True))
    assert len(re.findall(r'class="result-card"', html)) == len(places)
    labels = re.findall(r'<span class="result-position">([^<]*)</span>', html)
    with site.test_request_context():
        expected = [str(PLACE_LABELS[p]) + (" · 역방향" if n == 1 else "") for n, p in enumerate(places)]
        headings = [str(SECTION_LABELS[key]) for key in SPREADS[spread].sections]
    assert labels == expected
    assert re.findall(r"<h3>([^<]*)</h3>", html) == headings
    assert f"카드 {len(places)}장" in html


def test_the_call_to_action_leads_to_a_reading_of_ones_own(site):
    token = make_link(site)
    html = site.test_client().get(f"/s/{token}").get_data(as_text=True)
    assert 'href="/reading?topic=love">나도 타로 보기</a>' in html


def test_deleting_the_reading_deletes_its_links(site):
    token = make_link(site)
    response = site.owner_client.post(f"/archive/{site.reading}/delete")
    assert response.status_code == 303
    assert links(site) == []
    assert site.test_client().get(f"/s/{token}").status_code == 404


def test_deleting_the_account_deletes_its_links(site):
    token = make_link(site)
    response = site.owner_client.post("/me/delete", data={"confirm": "yes"})
    assert response.status_code == 303
    assert links(site) == []
    assert site.test_client().get(f"/s/{token}").status_code == 404


def test_making_links_is_rate_limited_per_client(make_app, auth):
    app = make_app(DEMO_LOGIN=True, RATELIMIT_ENABLED=True, SHARE_RATE_LIMIT="2 per hour")
    owner = make_user(app, nickname=NICK, provider_user_id="owner")
    reading = seed_reading(app, owner)
    client = app.test_client()
    auth.login(client, owner)
    for choice in ("show_concern", "show_nickname"):
        assert client.post(f"/reading/{reading}/share", data={choice: "1"}, headers=HX).status_code == 201
    before = snapshot(app)
    refused = client.post(f"/reading/{reading}/share", data={"indexable": "1"}, headers=HX)
    assert refused.status_code == 429
    assert refused.headers.get("Retry-After")
    assert snapshot(app) == before


def test_the_waiting_panel_is_served_for_htmx_and_redirects_otherwise(site):
    panel = site.owner_client.get(f"/reading/{site.reading}/share", headers=HX)
    assert panel.status_code == 200 and 'id="share"' in panel.get_data(as_text=True)
    plain = site.owner_client.get(f"/reading/{site.reading}/share")
    assert plain.status_code == 303


def test_a_pending_reading_shows_a_waiting_panel(site):
    with site.app_context():
        db.session.execute(db.update(Reading).values(status="running", answer=None))
        db.session.commit()
    html = site.owner_client.get(f"/reading/{site.reading}").get_data(as_text=True)
    assert f'data-waiting="/reading/{site.reading}/share"' in html
    assert "공유 링크 만들기" not in html


def csp(response):
    return response.headers["Content-Security-Policy"]


def test_the_kakao_sdk_comes_only_with_a_key_and_only_on_the_reading_page(make_app, auth):
    app = make_app(DEMO_LOGIN=True, KAKAO_JS_KEY="js-key-123")
    owner = make_user(app, nickname=NICK, provider_user_id="owner")
    reading = seed_reading(app, owner)
    token = seed_share(app, reading)
    client = app.test_client()
    auth.login(client, owner)
    page = client.get(f"/reading/{reading}")
    html = page.get_data(as_text=True)
    assert "https://t1.kakaocdn.net" in csp(page)
    assert 'id="kakao-sdk" src="https://t1.kakaocdn.net/kakao_js_sdk/' in html
    assert 'integrity="sha384-' in html and 'data-kakao-key="js-key-123"' in html
    assert "data-share-kakao=" in html
    for path in (f"/s/{token}", "/reading", "/archive", "/"):
        other = client.get(path)
        assert "kakaocdn" not in csp(other), path
        assert "kakaocdn" not in other.get_data(as_text=True), path


def test_without_a_key_there_is_no_kakao_at_all(site):
    make_link(site)
    page = site.owner_client.get(f"/reading/{site.reading}")
    html = page.get_data(as_text=True)
    assert "kakaocdn" not in csp(page) and "kakaocdn" not in html
    assert "data-share-kakao" not in html and "data-kakao-key" not in html


def test_a_boosted_visit_to_the_reading_page_becomes_a_whole_page_load_with_a_key(make_app, auth):
    """A boosted page keeps the CSP of the page it came from, which has no room for the SDK."""
    app = make_app(DEMO_LOGIN=True, KAKAO_JS_KEY="js-key-123")
    owner = make_user(app, nickname=NICK, provider_user_id="owner")
    reading = seed_reading(app, owner)
    client = app.test_client()
    auth.login(client, owner)
    boosted = client.get(f"/reading/{reading}", headers={**HX, "HX-Boosted": "true"})
    assert boosted.headers["HX-Redirect"] == f"/reading/{reading}"
    assert boosted.get_data() == b""


def test_without_a_key_a_boosted_visit_is_swapped_as_usual(site):
    boosted = site.owner_client.get(f"/reading/{site.reading}", headers={**HX, "HX-Boosted": "true"})
    assert "HX-Redirect" not in boosted.headers
    assert 'id="share"' in boosted.get_data(as_text=True)
