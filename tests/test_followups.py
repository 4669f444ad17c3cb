"""Follow-up questions under a finished reading (issue 22 item 1): asked over HTTP, answered
by the same job as the reading (offline reader here; Gemini in test_followups_gemini.py)."""

import time

import pytest

from tarot.extensions import db
from tarot.models import FollowUp, ModelCall, Reading
from tests.helpers import HX, make_user, public_id_of, start_reading, wait_for_reading
from tests.reliability_support import seed_reading


def followups_of(app, public_id):
    """The reading's follow-ups as (number, question, status, answer), in order."""
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        return [(f.number, f.question, f.status, f.answer) for f in reading.followups]


def wait_for_followups(client, app, public_id, timeout=15.0):
    """Poll the follow-ups' URL (as the page does) until none is being answered."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        html = client.get(f"/reading/{public_id}/followups").get_data(as_text=True)
        if 'aria-busy="true"' not in html:
            return html
        time.sleep(0.05)
    raise AssertionError("the follow-up was not answered in time")


def ask(client, public_id, question, fragment=True):
    return client.post(f"/reading/{public_id}/followups", data={"question": question},
                       headers=HX if fragment else {})


@pytest.fixture
def finished(app, auth, client):
    """A signed-in client and a reading it made, answered by the offline reader."""
    auth.login(client)
    public_id = public_id_of(start_reading(client))
    wait_for_reading(app, public_id)
    return public_id


def test_three_questions_are_answered_in_order_from_the_same_cards(app, client, finished):
    deck = app.extensions["deck"]
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=finished)).scalar_one()
        drawn = [deck[c["card"]] for c in reading.cards]
    questions = ["그럼 언제쯤 연락하면 좋을까요?", "제가 먼저 다가가도 될까요?", "무엇을 조심하면 좋을까요?"]
    for question in questions:
        response = ask(client, finished, question)
        assert response.status_code == 200
        assert question in response.get_data(as_text=True)
        wait_for_followups(client, app, finished)

    stored = followups_of(app, finished)
    assert [(n, q, s) for n, q, s, _ in stored] == [(1, questions[0], "done"), (2, questions[1], "done"),
                                                   (3, questions[2], "done")]
    for *_, answer in stored:
        assert answer and "[[" not in answer
        assert any(card.name("ko") in answer for card in drawn)
        for card in deck:  # names of three syllables or more are never everyday words
            if card not in drawn and len(card.name("ko")) >= 3:
                assert card.name("ko") not in answer
    assert "카드는 날짜를 정해 주지는 않아요" in stored[0][3]  # a "when" question is answered as such

    page = client.get(f"/reading/{finished}").get_data(as_text=True)
    positions = [page.index(q) for q in questions]
    assert positions == sorted(positions)
    assert 'name="question"' not in page  # no fourth question
    assert "질문을 모두 물었어요" in page

    refused = ask(client, finished, "하나만 더요")
    assert refused.status_code == 409
    assert "세 번까지" in refused.get_data(as_text=True)
    assert len(followups_of(app, finished)) == 3
    with app.app_context():  # the offline reader is not counted (nor was its reading)
        assert db.session.execute(db.select(db.func.count(ModelCall.id))).scalar_one() == 0


def test_without_htmx_the_question_comes_back_to_the_page(app, client, finished):
    response = ask(client, finished, "그 사람도 저를 생각할까요?", fragment=False)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/reading/{finished}#followups")
    html = wait_for_followups(client, app, finished)
    assert "그 사람도 저를 생각할까요?" in html
    assert followups_of(app, finished)[0][2] == "done"


@pytest.mark.parametrize("question, status, message", [
    ("", 422, "궁금한 점을 적어 주세요"),
    ("   \n ", 422, "궁금한 점을 적어 주세요"),
    ("언제\u202e요?", 422, "보이지 않는 특수 문자"),
    ("가" * 301, 422, "300자까지"),
])
def test_a_bad_question_is_refused_and_nothing_is_stored(app, client, finished, question, status, message):
    for fragment in (True, False):
        response = ask(client, finished, question, fragment=fragment)
        assert response.status_code == status
        html = response.get_data(as_text=True)
        assert message in html
        assert 'aria-invalid="true"' in html
    assert followups_of(app, finished) == []


def test_the_question_is_shown_as_text_never_as_markup(app, client, finished):
    question = '<img src=x onerror="alert(1)"> 언제쯤일까요?'
    assert ask(client, finished, question).status_code == 200
    html = wait_for_followups(client, app, finished)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; 언제쯤일까요?" in html
    assert followups_of(app, finished)[0][1] == question  # stored exactly as written


def test_no_question_before_the_reading_is_done(app, client, auth):
    user_id = auth.login(client)
    public_id = seed_reading(app, user_id)
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        reading.status, reading.answer = "running", None
        db.session.commit()
    page = client.get(f"/reading/{public_id}").get_data(as_text=True)
    assert 'hx-trigger="reading-done from:body"' in page and 'name="question"' not in page
    response = ask(client, public_id, "언제쯤일까요?")
    assert response.status_code == 409
    assert "풀이가 끝난 뒤에" in response.get_data(as_text=True)
    assert followups_of(app, public_id) == []


def test_a_finished_answer_tells_the_page_to_load_the_questions(app, client, finished):
    response = client.get(f"/reading/{finished}/answer")
    assert response.headers["HX-Trigger"] == "reading-done"


def test_one_question_at_a_time(app, client, finished):
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=finished)).scalar_one()
        db.session.add(FollowUp(reading_id=reading.id, number=1, question="첫 질문", status="running",
                                attempts=1, lease_until=reading.finished_at.replace(year=2999)))
        db.session.commit()
    response = ask(client, finished, "둘째 질문")
    assert response.status_code == 409
    assert "앞의 질문에 답하고 있어요" in response.get_data(as_text=True)
    assert [q for _, q, _, _ in followups_of(app, finished)] == ["첫 질문"]


def test_another_users_reading_takes_no_question(app, client, finished, auth):
    other = app.test_client()
    auth.login(other, make_user(app, nickname="다른밀크티"))
    assert ask(other, finished, "언제쯤일까요?").status_code == 404
    assert other.get(f"/reading/{finished}/followups").status_code == 404
    assert followups_of(app, finished) == []


def test_deleting_the_reading_deletes_its_questions(app, client, finished):
    ask(client, finished, "언제쯤일까요?")
    wait_for_followups(client, app, finished)
    assert client.post(f"/reading/{finished}/save").status_code == 303
    assert client.post(f"/archive/{finished}/delete").status_code == 303
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(FollowUp.id))).scalar_one() == 0


def test_an_english_question_is_answered_in_english(app, client, finished):
    client.get("/lang/en")
    ask(client, finished, "When should I reach out?")
    wait_for_followups(client, app, finished)
    (_, _, status, answer), = followups_of(app, finished)
    assert status == "done"
    assert "The cards don't set a date" in answer
    nickname, rest = answer.split(", ", 1)  # the nickname is the user's own (데모밀크티)
    assert answer.startswith(f"{nickname}, let's look at this question again")
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in rest)


@pytest.mark.parametrize("spread", ["one-card", "three-card", "relationship"])
def test_a_reading_of_any_spread_takes_questions_about_its_own_cards(app, client, auth, spread):
    from tarot.spreads import SPREADS

    places = SPREADS[spread].places
    user_id = auth.login(client)
    public_id = seed_reading(app, user_id)
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        reading.spread = spread
        reading.cards = [{"card": number, "reversed": False, "position": place}
                         for number, place in zip((17, 40, 63, 5), places, strict=False)]
        reading.answer = {key: f"{key} 이야기예요." for key in SPREADS[spread].sections}
        db.session.commit()
    deck = app.extensions["deck"]
    drawn = [deck[number] for number in (17, 40, 63, 5)[:len(places)]]
    assert ask(client, public_id, "언제쯤 연락하면 좋을까요?").status_code == 200
    wait_for_followups(client, app, public_id)
    (_, _, status, answer), = followups_of(app, public_id)
    assert status == "done"
    assert any(card.name("ko") in answer for card in drawn)
    for card in deck:
        if card not in drawn and len(card.name("ko")) >= 3:
            assert card.name("ko") not in answer
