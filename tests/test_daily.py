"""The card of the day (/daily) over HTTP: a visitor's card in a sealed cookie, a signed-in
user's in daily_cards, the day in Seoul, the last 30 days, hostile cookies and deletion."""

import json
from collections import Counter
from datetime import date, timedelta
from email.utils import parsedate_to_datetime

import pytest
from cryptography.fernet import Fernet

from tarot.daily import visitor
from tarot.deck import current_deck
from tests.daily_support import (
    COOKIE,
    add_card,
    cookie_value,
    rows,
    seoul,
    set_clock,
    shown_card,
    wait_for_note,
)
from tests.helpers import HX, make_user
from tests.reliability_support import snapshot

TODAY = date(2026, 12, 8)
NOON = seoul(2026, 12, 8, 12, 0)
MIDNIGHT_AFTER_NOON = seoul(2026, 12, 9, 0, 0)


@pytest.fixture
def clock(monkeypatch):
    set_clock(monkeypatch, NOON)
    return lambda moment: set_clock(monkeypatch, moment)


def test_a_visitor_sees_the_card_face_down_and_nothing_is_stored(app, client, clock):
    before = snapshot(app)
    response = client.get("/daily")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "카드 뒤집기" in html and shown_card(html) is None
    assert "2026년 12월 8일 화요일" in html
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "X-Daily-Until" not in response.headers
    assert cookie_value(client) is None
    assert snapshot(app) == before


def test_a_visitor_draws_once_a_day_and_keeps_the_card_in_a_cookie(app, client, clock):
    before = snapshot(app)
    response = client.post("/daily/draw")
    assert response.status_code == 303 and response.headers["Location"] == "/daily"
    set_cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie
    expires = parsedate_to_datetime(set_cookie.split("Expires=")[1].split(";")[0])
    assert expires == MIDNIGHT_AFTER_NOON  # the day's end in Seoul
    sealed = cookie_value(client)

    page = client.get("/daily")
    card = shown_card(page.get_data(as_text=True))
    assert card is not None
    assert page.headers["X-Daily-Until"] == str(int(MIDNIGHT_AFTER_NOON.timestamp() * 1000))
    assert page.headers["Cache-Control"] == "private, no-cache"

    again = client.post("/daily/draw", headers=HX)  # a second device of the same browser, a double click
    assert shown_card(again.get_data(as_text=True)) == card
    assert "Set-Cookie" not in again.headers and cookie_value(client) == sealed
    assert snapshot(app) == before  # a visitor's card is never stored on the server


def test_the_cookie_reveals_nothing_readable(client, clock):
    client.post("/daily/draw")
    value = cookie_value(client)
    assert "card" not in value and "reversed" not in value
    with pytest.raises(ValueError):
        json.loads(value)


def test_the_next_day_brings_a_new_card(app, client, clock):
    clock(seoul(2026, 12, 8, 23, 59, 59))
    client.post("/daily/draw")
    assert shown_card(client.get("/daily").get_data(as_text=True)) is not None
    clock(seoul(2026, 12, 9, 0, 0, 1))  # the browser still sends yesterday's cookie
    page = client.get("/daily").get_data(as_text=True)
    assert shown_card(page) is None and "2026년 12월 9일 수요일" in page


def test_draws_come_from_the_whole_deck_in_both_orientations(app, clock):
    seen = Counter()
    for _ in range(150):
        client = app.test_client()
        html = client.post("/daily/draw", headers=HX).get_data(as_text=True)
        seen[shown_card(html)] += 1
    slugs = {slug for slug, _ in seen}
    assert len(slugs) > 50, "150 draws from 78 cards should meet most of them"
    assert {reversed_ for _, reversed_ in seen} == {True, False}


def _forged_cookies(app):
    """Cookies a visitor could send to choose a card or a day."""
    with app.test_request_context():
        today, deck_size = TODAY, len(current_deck())
        other_key = Fernet(Fernet.generate_key())
        yield "garbage", "not-a-token"
        yield "empty", ""
        yield "another key", other_key.encrypt(json.dumps(
            {"day": today.isoformat(), "card": 21, "reversed": False}).encode()).decode()
        yield "yesterday", visitor.seal(today - timedelta(days=1), 21, False)
        yield "tomorrow", visitor.seal(today + timedelta(days=1), 21, False)
        yield "no such card", _sealed(app, {"day": today.isoformat(), "card": deck_size, "reversed": False})
        yield "card as text", _sealed(app, {"day": today.isoformat(), "card": "21", "reversed": False})
        yield "bool as card", _sealed(app, {"day": today.isoformat(), "card": True, "reversed": False})
        yield "orientation as text", _sealed(app, {"day": today.isoformat(), "card": 21, "reversed": "no"})
        yield "not a mapping", _sealed(app, [today.isoformat(), 21, False])
        yield "old seal", visitor.seal(today, 21, False, now=NOON.timestamp() - 27 * 3600)


def _sealed(app, data):
    return visitor._fernet().encrypt(json.dumps(data).encode()).decode()


def test_a_forged_or_stale_cookie_is_refused_cleanly(app, clock):
    for name, value in list(_forged_cookies(app)):
        client = app.test_client()
        client.set_cookie(COOKIE, value)
        before = snapshot(app)
        page = client.get("/daily")
        assert page.status_code == 200, name
        assert shown_card(page.get_data(as_text=True)) is None, name
        assert f"{COOKIE}=;" in page.headers.get("Set-Cookie", ""), f"{name}: the cookie is removed"
        drawn = client.post("/daily/draw", headers=HX)
        assert drawn.status_code == 200, name
        assert cookie_value(client) not in (None, value), name  # a fresh draw, sealed anew
        assert snapshot(app) == before, name


def test_a_signed_in_user_keeps_one_card_a_day_on_every_device(app, auth, clock):
    phone, laptop = app.test_client(), app.test_client()
    user_id = make_user(app, nickname="하루밀크티")
    auth.login(phone, user_id)
    auth.login(laptop, user_id)
    assert shown_card(laptop.get("/daily").get_data(as_text=True)) is None
    phone.post("/daily/draw")
    card = shown_card(phone.get("/daily").get_data(as_text=True))
    assert shown_card(laptop.get("/daily").get_data(as_text=True)) == card
    assert shown_card(laptop.post("/daily/draw", headers=HX).get_data(as_text=True)) == card
    ((owner, day, number, reversed_),) = rows(app)
    assert (owner, day.isoformat()) == (user_id, "2026-12-08")
    with app.app_context():
        assert (current_deck()[number].slug, reversed_) == card
    assert cookie_value(phone) is None  # the account holds it, not a cookie
    assert laptop.get("/daily").headers["Cache-Control"] == "private, no-store"


def test_the_card_drawn_before_signing_in_stays_the_card_of_the_day(app, client, auth, clock):
    client.post("/daily/draw")
    before = shown_card(client.get("/daily").get_data(as_text=True))
    auth.login(client, make_user(app))
    assert shown_card(client.get("/daily").get_data(as_text=True)) is None  # not drawn for the account yet
    client.post("/daily/draw")
    assert shown_card(client.get("/daily").get_data(as_text=True)) == before
    assert len(rows(app)) == 1


def test_the_last_30_days_are_listed_newest_first(app, client, auth, clock):
    user_id = make_user(app)
    other = make_user(app, nickname="남의밀크티", provider_user_id="other")
    today = TODAY
    for back in range(1, 36):
        add_card(app, user_id, today - timedelta(days=back), back % 78, reversed_=back % 3 == 0)
    add_card(app, other, today - timedelta(days=1), 77)
    auth.login(client, user_id)
    client.post("/daily/draw")
    html = client.get("/daily").get_data(as_text=True)
    listed = html.split('class="daily-history-list"')[1].split("</ol>")[0]
    days = [part.split('"')[0] for part in listed.split('<time datetime="')[1:]]
    expected = [(today - timedelta(days=back)).isoformat() for back in range(30)]
    assert days == expected
    assert "· 오늘" in listed.split("</li>")[0]
    with app.app_context():
        deck = current_deck()
        assert f'href="/guide/cards/{deck[1].slug}"' in listed  # yesterday's card links its guide page
        assert deck[77].slug not in listed  # another user's card is not listed
        assert f"/guide/cards/{deck[30].slug}\"" not in listed  # 30 days ago is past the list


def test_a_history_needs_an_account(client, clock):
    assert "지난 30일의 카드" not in client.get("/daily").get_data(as_text=True)
    assert client.get("/daily/note").status_code == 302


def test_deleting_the_account_deletes_its_daily_cards(app, client, auth, clock):
    user_id = make_user(app)
    other = make_user(app, nickname="남의밀크티", provider_user_id="other")
    add_card(app, other, TODAY, 3)
    auth.login(client, user_id)
    client.post("/daily/draw")
    wait_for_note(app, user_id)
    assert client.post("/me/delete", data={"confirm": "yes"}).status_code == 303
    assert [owner for owner, *_ in rows(app)] == [other]


def test_purge_leaves_daily_cards_alone(app, runner, clock):
    user_id = make_user(app)
    add_card(app, user_id, TODAY - timedelta(days=400), 5)
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0
    assert len(rows(app)) == 1  # a user's own record, kept until they delete the account


def test_the_home_page_the_menu_and_the_app_shortcut_lead_to_it(client):
    home = client.get("/").get_data(as_text=True)
    assert home.count('href="/daily"') == 2  # the menu and the home page's own link
    assert 'href="/daily"' in client.get("/guide").get_data(as_text=True)
    shortcuts = client.get("/manifest.webmanifest").json["shortcuts"]
    assert shortcuts[0]["url"] == "/daily" and shortcuts[0]["name"] == "오늘의 카드"


def test_the_page_reads_in_english(client, clock):
    client.set_cookie("lang", "en")
    html = client.post("/daily/draw", headers=HX).get_data(as_text=True)
    for text in ("What it means today", "Advice for today", "See you tomorrow"):
        assert text in html
    page = client.get("/daily").get_data(as_text=True)
    assert "Tuesday, December 8, 2026" in page and "Card of the Day" in page
