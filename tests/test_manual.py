"""A reading of one's own deck (/reading/manual): cards named in either language, reversed or
not, read, saved and archived like a drawn reading and marked as from one's own deck; an
unknown card, a repeated card, a wrong count or an unknown spread is refused with a message
and nothing stored."""

import re

import pytest

from tarot.extensions import db
from tarot.models import ModelCall, Reading
from tarot.spreads import SPREADS
from tests.helpers import make_user, public_id_of, wait_for_reading

ENGLISH = {"Accept-Language": "en"}


@pytest.fixture
def user_client(app, client, auth):
    auth.login(client, make_user(app))
    return client


def post(client, spread="three-card", cards=("바보", "The Magician", "여사제 (The High Priestess)"),
         reversed_=(), topic="love", concern="다시 연락해도 될까요?", form_id="form-1", headers=None):
    data = {"spread": spread, "topic": topic, "concern": concern, "form_id": form_id,
            "card": list(cards), "reversed": [str(i) for i in reversed_]}
    return client.post("/reading/manual", data=data, headers=headers or {})


def stored(app):
    with app.app_context():
        return db.session.execute(db.select(Reading)).scalars().all()


def test_the_form_lays_out_the_chosen_spreads_places_and_lists_cards_in_both_languages(user_client):
    html = user_client.get("/reading/manual?spread=relationship").get_data(as_text=True)
    labels = re.findall(r'<label class="manual-label" for="card-\d">\d\. ([^<]+)</label>', html)
    assert labels == ["나의 모습", "상대의 모습", "우리 사이", "앞으로의 흐름"]
    assert html.count('name="card"') == 4 and html.count('name="reversed"') == 4
    assert '<option value="바보 (The Fool)">' in html and html.count("<option value=") == 78
    english = user_client.get("/reading/manual?spread=one-card", headers=ENGLISH).get_data(as_text=True)
    assert '<option value="The Fool (바보)">' in english and english.count('name="card"') == 1


def test_visitors_are_sent_to_sign_in(client):
    assert client.get("/reading/manual").status_code == 302
    response = post(client)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_reading_of_my_own_deck_is_read_saved_and_archived_as_such(app, user_client):
    response = post(user_client, reversed_=(1,))
    reading = wait_for_reading(app, public_id_of(response), client=user_client)
    assert (reading.source, reading.spread, reading.status) == ("own-deck", "three-card", "done")
    assert reading.cards == [{"card": 0, "reversed": False, "position": "past"},
                             {"card": 1, "reversed": True, "position": "present"},
                             {"card": 2, "reversed": False, "position": "future"}]
    assert list(reading.answer) == list(SPREADS["three-card"].sections)
    html = user_client.get(f"/reading/{reading.public_id}").get_data(as_text=True)
    assert "내 덱으로 뽑은 카드" in html and html.count('class="result-card"') == 3
    user_client.post(f"/reading/{reading.public_id}/save")
    archive = user_client.get("/archive").get_data(as_text=True)
    assert "own-deck-badge" in archive and "내 덱" in archive


def test_the_same_form_sent_twice_makes_one_reading_and_a_changed_one_another(app, user_client):
    first = public_id_of(post(user_client))
    assert public_id_of(post(user_client)) == first
    assert public_id_of(post(user_client, reversed_=(0,))) != first
    assert len(stored(app)) == 2


def test_an_own_deck_reading_counts_against_the_daily_allowance(make_app, auth):
    app = make_app(READINGS_PER_DAY=1, GEMINI_API_KEY="test-key", GEMINI_BASE_URL="http://127.0.0.1:9")
    client = app.test_client()
    auth.login(client, make_user(app))
    public_id_of(post(client))
    response = post(client, form_id="form-2")
    assert response.status_code == 429 and "Retry-After" in response.headers
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(ModelCall.id))).scalar() == 1
        assert db.session.execute(db.select(db.func.count(Reading.id))).scalar() == 1


@pytest.mark.parametrize(("cards", "message"), [
    (("바보", "없는 카드", "여사제"), "‘없는 카드’, 이런 이름의 카드는 찾지 못했어요."),
    (("바보", "THE FOOL", "여사제"), "같은 카드를 두 자리에 놓을 수는 없어요."),
    (("바보", "마법사"), "자리마다 카드를 한 장씩, 모두 세 장을 적어 주세요."),
    (("바보", "마법사", "여사제", "여황제"), "자리마다 카드를 한 장씩, 모두 세 장을 적어 주세요."),
    (("바보", "", "여사제"), "자리마다 카드를 한 장씩, 모두 세 장을 적어 주세요."),
    (("<script>alert(1)</script>", "마법사", "여사제"), "‘&lt;script&gt;alert(1)&lt;/script&gt;’, 이런 이름의 카드는"),
])
def test_hostile_cards_are_refused_with_a_message_and_nothing_stored(app, user_client, cards, message):
    response = post(user_client, cards=cards)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html and "<script>alert(1)" not in html
    assert stored(app) == []


def test_an_unknown_spread_or_topic_is_refused_and_nothing_stored(app, user_client):
    response = post(user_client, spread="seven-card")
    assert response.status_code == 422 and "없는 배열이에요." in response.get_data(as_text=True)
    response = post(user_client, topic="lottery")
    assert response.status_code == 422 and "보려는 운세를 골라 주세요." in response.get_data(as_text=True)
    assert stored(app) == []


def test_a_refused_form_keeps_what_was_typed(user_client):
    html = post(user_client, cards=("바보", "없는 카드", "여사제"), reversed_=(2,)).get_data(as_text=True)
    assert 'value="바보"' in html and 'value="없는 카드"' in html
    assert re.search(r'name="reversed" value="2" checked', html)
    assert 'aria-invalid="true" aria-describedby="card-1-error"' in html
