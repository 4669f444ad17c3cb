"""Choosing a spread on the reading page: the deal, the picks, the reading row, the answer's
sections, the saved page and the archive follow the spread's places; hostile spreads and
counts are refused with a clear message and nothing stored."""

import re

import pytest

from tarot.extensions import db
from tarot.models import Reading
from tarot.spreads import SPREADS
from tests.helpers import make_user, public_id_of, wait_for_reading

HX = {"HX-Request": "true"}
ENGLISH = {"Accept-Language": "en"}


@pytest.fixture
def user_client(app, client, auth):
    auth.login(client, make_user(app))
    return client


def deal_and_pick(client, spread, count, headers=HX):
    client.post("/reading/deal", data={"spread": spread}, headers=headers)
    return [client.post("/reading/pick", data={"slot": slot}, headers=headers) for slot in range(count)]


def readings(app):
    with app.app_context():
        return db.session.execute(db.select(Reading)).scalars().all()


def test_the_form_offers_every_spread_and_five_cards_by_default(client):
    html = client.get("/reading").get_data(as_text=True)
    for name in ("한 장 뽑기", "세 장: 과거·현재·미래", "다섯 장: 흐름과 조언", "관계: 나와 그 사람"):
        assert name in html
    assert re.search(r'value="five-card"\s+checked', html)
    assert html.count('class="spread-place') == 5
    html = client.get("/reading?spread=relationship").get_data(as_text=True)
    assert re.search(r'value="relationship"\s+checked', html)
    labels = re.findall(r'<span class="spread-label">([^<]+)</span>', html)
    assert labels == ["나의 모습", "상대의 모습", "우리 사이", "앞으로의 흐름"]
    assert 'data-size="4"' in html


@pytest.mark.parametrize("key", list(SPREADS))
def test_each_spread_is_dealt_picked_read_saved_and_archived_in_its_places(app, user_client, key):
    spread = SPREADS[key]
    picks = deal_and_pick(user_client, key, spread.size)
    assert all(r.status_code == 200 for r in picks)
    refused = user_client.post("/reading/pick", data={"slot": 29}, headers=HX)
    assert refused.status_code == 422
    with app.test_request_context():
        assert f"카드는 {spread.count_label}까지 고를 수 있어요." in refused.get_data(as_text=True)

    public_id = public_id_of(user_client.post("/reading", data={"topic": "love", "concern": "연락해도 될까요?",
                                                                "spread": key}))
    reading = wait_for_reading(app, public_id, client=user_client)
    assert (reading.spread, reading.status) == (key, "done")
    assert [c["position"] for c in reading.cards] == list(spread.places)
    assert list(reading.answer) == list(spread.sections)

    html = user_client.get(f"/reading/{public_id}").get_data(as_text=True)
    with app.test_request_context():
        places = [str(label) for label in (spread.name,)]
    assert places[0] in html
    assert html.count('class="result-card"') == spread.size
    assert user_client.post(f"/reading/{public_id}/save").status_code == 303
    archive = user_client.get("/archive").get_data(as_text=True)
    assert f'<span class="spread-badge">{places[0]}</span>' in archive
    assert archive.count('class="archive-thumb') == spread.size


def test_the_saved_page_and_answer_read_in_english(app, user_client):
    deal_and_pick(user_client, "relationship", 4)
    response = user_client.post("/reading", data={"topic": "love", "concern": "", "spread": "relationship"},
                                headers=ENGLISH)
    public_id = public_id_of(response)
    wait_for_reading(app, public_id, client=user_client)
    html = user_client.get(f"/reading/{public_id}", headers=ENGLISH).get_data(as_text=True)
    for words in ("Relationship: you and them", "The other person", "Between you", "Outlook"):
        assert words in html
    answer = re.sub(r"<[^>]+>", "", html.split('<div class="answer-region"')[1].split("</article>")[0])
    assert "Greeting" in answer and "Closing" in answer
    assert not re.search(r"[가-힣]", answer.replace("홍차밀크티12345", ""))  # the nickname is Korean


def test_an_unknown_spread_is_refused_and_deals_nothing(app, user_client):
    response = user_client.post("/reading/deal", data={"spread": "<script>six-card"}, headers=HX)
    assert response.status_code == 422
    assert "없는 배열이에요." in response.get_data(as_text=True)
    assert "<script>" not in response.get_data(as_text=True)
    assert user_client.post("/reading/pick", data={"slot": 0}, headers=HX).status_code == 409
    html = user_client.get("/reading?spread=nonsense").get_data(as_text=True)
    assert re.search(r'value="five-card"\s+checked', html)  # an unknown choice falls back, quietly


def test_too_few_cards_for_the_spread_are_refused_and_nothing_is_stored(app, user_client):
    deal_and_pick(user_client, "three-card", 2)
    response = user_client.post("/reading", data={"topic": "love", "concern": "", "spread": "three-card"})
    assert response.status_code == 422
    assert "카드 세 장을 골라 주세요." in response.get_data(as_text=True)
    assert readings(app) == []


def test_a_spread_changed_after_shuffling_is_refused_and_nothing_is_stored(app, user_client):
    deal_and_pick(user_client, "one-card", 1)
    response = user_client.post("/reading", data={"topic": "love", "concern": "", "spread": "relationship"})
    assert response.status_code == 422
    assert "카드를 새로 섞어 주세요." in response.get_data(as_text=True)
    assert readings(app) == []


def test_without_scripts_the_chosen_spread_survives_the_shuffle_and_the_picks(app, user_client):
    response = user_client.post("/reading/deal", data={"spread": "three-card", "topic": "money"})
    assert response.status_code == 303
    assert "spread=three-card" in response.headers["Location"] and "topic=money" in response.headers["Location"]
    for slot in range(3):
        user_client.post("/reading/pick", data={"slot": slot, "spread": "three-card"})
    html = user_client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r'value="three-card"\s+checked', html)
    assert html.count("spread-place is-filled") == 3


def test_a_deal_from_before_spreads_is_a_five_card_deal(app, user_client):
    user_client.post("/reading/deal", headers=HX)
    with user_client.session_transaction() as session:
        deal = dict(session["deal"])
        del deal["spread"]
        session["deal"] = deal
    for slot in range(5):
        assert user_client.post("/reading/pick", data={"slot": slot}, headers=HX).status_code == 200
    public_id = public_id_of(user_client.post("/reading", data={"topic": "love", "concern": ""}))
    reading = wait_for_reading(app, public_id, client=user_client)
    assert reading.spread == "five-card"
    assert list(reading.answer) == list(SPREADS["five-card"].sections)
