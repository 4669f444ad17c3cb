"""One deal, one reading: a deal is used up on the server when its reading is made.

Issue 18, item 3: the deal lived only in the session cookie, so a visitor could keep the
cookie from just after shuffling, see which cards lay where in the reading it gave, then
put the old cookie back and pick the same cards in the order of their choosing.
"""

import time
from types import SimpleNamespace

import pytest

from tarot.extensions import db
from tarot.models import Reading
from tarot.reading import deals
from tarot.reading.deals import DEAL_LIFETIME
from tests.helpers import HX, make_user, public_id_of, wait_for_reading

REPLAYED_TEXT = "이 카드로는 이미 풀이를 받았어요"


@pytest.fixture
def user_client(app, client, auth):
    auth.login(client, make_user(app))
    return client


def _pick(client, slots):
    for slot in slots:
        assert client.post("/reading/pick", data={"slot": slot}, headers=HX).status_code == 200


def _ask(client):
    return client.post("/reading", data={"topic": "love", "concern": "다시 뽑아 볼까요"})


def _readings(app):
    with app.app_context():
        return list(db.session.execute(db.select(Reading.public_id, Reading.cards)).all())


def _replay_after_reading(app, client, delete_first):
    """Shuffle, keep the cookie, read; optionally delete that reading; restore the cookie."""
    client.post("/reading/deal", headers=HX)
    dealt = client.get_cookie("session").value
    _pick(client, range(5))
    first = public_id_of(_ask(client))
    wait_for_reading(app, first)
    if delete_first:
        assert client.post(f"/archive/{first}/delete").status_code == 303
    client.set_cookie("session", dealt)
    _pick(client, [4, 3, 2, 1, 0])  # the same cards, in the order the visitor wants
    return first


@pytest.mark.parametrize("delete_first", [True, False], ids=["reading-deleted", "reading-kept"])
def test_a_replayed_deal_is_refused_and_stores_nothing(app, user_client, delete_first):
    first = _replay_after_reading(app, user_client, delete_first)
    before = _readings(app)
    response = _ask(user_client)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert REPLAYED_TEXT in html
    assert _readings(app) == before
    # The refused deal is gone from the session: the form asks for a new shuffle.
    assert user_client.post("/reading/pick", data={"slot": 0}, headers=HX).status_code == 409
    if not delete_first:
        assert [p for p, _ in before] == [first]


def test_the_refusal_is_in_english_for_english_readers(app, user_client):
    user_client.set_cookie("lang", "en")
    _replay_after_reading(app, user_client, delete_first=True)
    html = _ask(user_client).get_data(as_text=True)
    assert "These cards have already been read" in html


def test_the_same_form_sent_again_with_the_old_cookie_lands_on_the_first_reading(app, user_client):
    """A browser resending the form from before its answer arrived: same deal, same picks."""
    user_client.post("/reading/deal", headers=HX)
    _pick(user_client, range(5))
    before = user_client.get_cookie("session").value
    first = _ask(user_client)
    user_client.set_cookie("session", before)
    again = _ask(user_client)
    assert again.status_code == 303
    assert again.headers["Location"] == first.headers["Location"]
    assert len(_readings(app)) == 1


def _clock(monkeypatch, now):
    """Let the deals module (only) believe it is ``now``."""
    monkeypatch.setattr(deals, "time", SimpleNamespace(time=lambda: now))


def test_a_deal_kept_past_its_lifetime_is_refused(app, user_client, monkeypatch):
    """Deals are never stored on the server before they are used: an old one simply expires."""
    user_client.post("/reading/deal", headers=HX)
    _pick(user_client, range(4))
    _clock(monkeypatch, time.time() + DEAL_LIFETIME.total_seconds() + 1)
    assert user_client.post("/reading/pick", data={"slot": 9}, headers=HX).status_code == 409
    assert _ask(user_client).status_code == 422
    assert _readings(app) == []


def test_picking_does_not_renew_a_deals_lifetime(app, user_client, monkeypatch):
    user_client.post("/reading/deal", headers=HX)
    dealt_at = time.time()
    _clock(monkeypatch, dealt_at + DEAL_LIFETIME.total_seconds() - 60)
    _pick(user_client, range(5))  # each pick stores the deal again
    _clock(monkeypatch, dealt_at + DEAL_LIFETIME.total_seconds() + 1)
    assert _ask(user_client).status_code == 422


def test_purge_forgets_used_deals_after_a_day(app, user_client, runner):
    from datetime import timedelta

    from tarot.models import UsedDeal, utcnow

    user_client.post("/reading/deal", headers=HX)
    _pick(user_client, range(5))
    wait_for_reading(app, public_id_of(_ask(user_client)))
    with app.app_context():
        db.session.add(UsedDeal(deal_id="old-deal", used_at=utcnow() - timedelta(days=1, minutes=1)))
        db.session.commit()
    result = runner.invoke(args=["purge"])
    assert "Forgot 1 used deal(s) older than a day" in result.output
    with app.app_context():
        assert db.session.execute(db.select(UsedDeal.deal_id)).scalars().all() != ["old-deal"]
        assert db.session.query(UsedDeal).count() == 1
