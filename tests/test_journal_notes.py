"""Notes and moods on saved readings: writing, rewriting, deleting, refusals, owners, the
archive list, the "how did it turn out?" prompt, and the account deletion that takes them."""

import re
from datetime import timedelta

import pytest

from tarot.extensions import db
from tarot.journal.notes import NOTE_MAX, asks_how_it_went
from tarot.models import Reading, ReadingCard, utcnow
from tests.helpers import make_user
from tests.reliability_support import seed_reading

HX = {"HX-Request": "true"}


@pytest.fixture
def owner(app, client, auth):
    client.user_id = make_user(app)
    auth.login(client, client.user_id)
    return client


def stored(app, public_id):
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        return reading.note, reading.mood, reading.noted_at


def test_a_note_and_mood_are_saved_with_htmx_and_shown(app, owner):
    reading = seed_reading(app, owner.user_id)
    response = owner.post(f"/reading/{reading}/note", data={"note": "일주일 뒤 <b>연락</b>이 왔어요", "mood": "hopeful"},
                          headers=HX)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.startswith('<section id="journal-note"')  # the partial alone, for the swap
    assert "메모를 저장했어요." in html and "설레요" in html
    assert "&lt;b&gt;연락&lt;/b&gt;" in html and "<b>연락" not in html
    note, mood, noted_at = stored(app, reading)
    assert (note, mood) == ("일주일 뒤 <b>연락</b>이 왔어요", "hopeful") and noted_at is not None
    page = owner.get(f"/reading/{reading}").get_data(as_text=True)
    assert "&lt;b&gt;연락&lt;/b&gt;이 왔어요" in page and "메모 고치기" in page


def test_without_javascript_a_save_redirects_back_to_the_reading(app, owner):
    reading = seed_reading(app, owner.user_id)
    response = owner.post(f"/reading/{reading}/note", data={"note": "", "mood": "calm"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/reading/{reading}#journal-note")
    assert stored(app, reading)[:2] == (None, "calm")
    assert "메모를 저장했어요." in owner.get(f"/reading/{reading}").get_data(as_text=True)


def test_a_note_is_rewritten_and_deleted_and_the_reading_stays(app, owner):
    reading = seed_reading(app, owner.user_id)
    owner.post(f"/reading/{reading}/note", data={"note": "처음 메모", "mood": "anxious"}, headers=HX)
    owner.post(f"/reading/{reading}/note", data={"note": "고친 메모", "mood": ""}, headers=HX)
    assert stored(app, reading)[:2] == ("고친 메모", None)
    response = owner.post(f"/reading/{reading}/note/delete", headers=HX)
    assert "메모를 지웠어요." in response.get_data(as_text=True)
    assert stored(app, reading) == (None, None, None)
    assert owner.get(f"/reading/{reading}").status_code == 200
    again = owner.post(f"/reading/{reading}/note/delete", headers=HX)
    assert "지울 메모가 없어요." in again.get_data(as_text=True)


@pytest.mark.parametrize(("form", "message"), [
    ({"note": "가" * (NOTE_MAX + 1), "mood": ""}, "2,000자까지"),
    ({"note": "몰래\u202e숨긴 글", "mood": ""}, "보이지 않는 특수 문자"),
    ({"note": "좋아요", "mood": "furious"}, "고를 수 있는 기분"),
    ({"note": "  \n ", "mood": ""}, "메모를 적거나 기분을 하나"),
    ({"note": "좋아요", "mood": "<script>"}, "고를 수 있는 기분"),
])
def test_hostile_or_empty_notes_are_refused_and_nothing_changes(app, owner, form, message):
    reading = seed_reading(app, owner.user_id)
    owner.post(f"/reading/{reading}/note", data={"note": "그대로 남을 메모", "mood": "calm"}, headers=HX)
    before = stored(app, reading)
    response = owner.post(f"/reading/{reading}/note", data=form, headers=HX)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html and 'aria-invalid="true"' in html
    assert "<script>" not in html
    assert stored(app, reading) == before
    plain = owner.post(f"/reading/{reading}/note", data=form)  # without JavaScript: the form again
    assert plain.status_code == 422 and message in plain.get_data(as_text=True)


def test_a_note_of_exactly_the_limit_is_kept_whole(app, owner):
    reading = seed_reading(app, owner.user_id)
    text = "가나다라마" * (NOTE_MAX // 5)
    assert owner.post(f"/reading/{reading}/note", data={"note": text}, headers=HX).status_code == 200
    assert stored(app, reading)[0] == text


def test_only_saved_readings_take_notes(app, owner):
    reading = seed_reading(app, owner.user_id, saved=False)
    response = owner.post(f"/reading/{reading}/note", data={"note": "메모"}, headers=HX)
    assert response.status_code == 409
    assert "보관함에 저장한 풀이에만" in response.get_data(as_text=True)
    assert stored(app, reading) == (None, None, None)


def test_another_users_reading_is_a_404_and_untouched(app, owner, auth):
    reading = seed_reading(app, owner.user_id)
    owner.post(f"/reading/{reading}/note", data={"note": "내 메모", "mood": "calm"}, headers=HX)
    other = app.test_client()
    auth.login(other, make_user(app, nickname="녹차라떼55555"))
    assert other.post(f"/reading/{reading}/note", data={"note": "남의 메모"}).status_code == 404
    assert other.post(f"/reading/{reading}/note/delete").status_code == 404
    assert stored(app, reading)[:2] == ("내 메모", "calm")


def test_notes_need_the_csrf_token(csrf_app, auth):
    client = csrf_app.test_client()
    user_id = make_user(csrf_app)
    auth.login(client, user_id)
    reading = seed_reading(csrf_app, user_id)
    html = client.get(f"/reading/{reading}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    assert client.post(f"/reading/{reading}/note", data={"note": "메모", "csrf_token": "forged"}).status_code == 400
    assert stored(csrf_app, reading)[0] is None
    assert client.post(f"/reading/{reading}/note", data={"note": "메모", "csrf_token": token}).status_code == 303
    assert stored(csrf_app, reading)[0] == "메모"


def test_the_archive_list_shows_the_mood_and_the_notes_first_line(app, owner):
    reading = seed_reading(app, owner.user_id)
    owner.post(f"/reading/{reading}/note", data={"note": "연락이 왔어요\n둘째 줄", "mood": "grateful"}, headers=HX)
    html = owner.get("/archive").get_data(as_text=True)
    assert "고마워요" in html and "연락이 왔어요" in html and "둘째 줄" not in html


def set_created(app, public_id, days_ago):
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        reading.created_at = utcnow() - timedelta(days=days_ago)
        db.session.commit()


def test_readings_older_than_a_week_without_a_note_ask_how_it_turned_out(app, owner):
    old, fresh, noted = (seed_reading(app, owner.user_id, concern=f"고민 {n}") for n in range(3))
    set_created(app, old, 8)
    set_created(app, noted, 8)
    set_created(app, fresh, 6)
    owner.post(f"/reading/{noted}/note", data={"mood": "calm"}, headers=HX)
    archive = owner.get("/archive").get_data(as_text=True)
    assert archive.count("그 뒤로 어떻게 됐나요? 메모 남기기") == 1
    assert f'href="/reading/{old}#journal-note"' in archive
    assert "이 풀이를 본 지 일주일이 넘었어요" in owner.get(f"/reading/{old}").get_data(as_text=True)
    assert "이 풀이를 본 지 일주일이 넘었어요" not in owner.get(f"/reading/{fresh}").get_data(as_text=True)


def test_asks_how_it_went_at_exactly_seven_days():
    now = utcnow()
    reading = Reading(saved_at=now, created_at=now - timedelta(days=7))
    assert asks_how_it_went(reading, now)
    assert not asks_how_it_went(Reading(saved_at=now, created_at=now - timedelta(days=7) + timedelta(seconds=1)), now)
    assert not asks_how_it_went(Reading(saved_at=None, created_at=now - timedelta(days=30)), now)


def test_deleting_the_account_deletes_notes_and_counted_cards(app, owner):
    reading = seed_reading(app, owner.user_id)
    owner.post(f"/reading/{reading}/note", data={"note": "지워질 메모", "mood": "down"}, headers=HX)
    assert owner.post("/me/delete", data={"confirm": "yes"}).status_code == 303
    with app.app_context():
        assert db.session.execute(db.select(Reading).where(Reading.note.is_not(None))).first() is None
        assert db.session.execute(db.select(ReadingCard)).first() is None


def test_saving_a_reading_records_its_cards_and_brings_the_note_form(app, owner):
    reading = seed_reading(app, owner.user_id, saved=False)
    assert 'id="journal-note"' in owner.get(f"/reading/{reading}").get_data(as_text=True)  # hidden
    html = owner.post(f"/reading/{reading}/save", headers=HX).get_data(as_text=True)
    assert re.search(r'<section id="journal-note"[^>]*hx-swap-oob="true"', html)
    assert 'name="note"' in html
    with app.app_context():
        cards = db.session.execute(db.select(ReadingCard.place, ReadingCard.card).order_by(ReadingCard.place)).all()
    assert cards == [(0, 0), (1, 13), (2, 21), (3, 40), (4, 77)]
    owner.post(f"/reading/{reading}/save", headers=HX)  # saved again: no second set of cards
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(ReadingCard)).scalar_one() == 5
