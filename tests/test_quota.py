"""The daily allowance of model calls: readings and retries are counted in their own record.

Issue 18, item 1: deleting a reading gave its call back, and retries of a failed reading
called Gemini uncounted and without limit. Each test drives the real flow over HTTP
against the fake Gemini and counts what reached it.
"""

import threading
from datetime import UTC, datetime

import pytest

from tarot import quota
from tarot.extensions import db
from tarot.models import ModelCall, Reading, User
from tests.fakes.gemini import SIX_PART_ANSWER, Answer, Error
from tests.helpers import HX, make_user, public_id_of, start_reading, wait_for_reading
from tests.test_gemini import gemini  # noqa: F401 - the fixture

LIMIT_TEXT = "오늘 받을 수 있는 AI 풀이를 모두 받았어요"
RETRIES_TEXT = "다시 시도할 수 있는 횟수를 모두 썼어요"
FAILS = Error(401, "UNAUTHENTICATED")  # permanent: the job does not retry it by itself


def _calls(app, user_id=None):
    with app.app_context():
        query = db.select(ModelCall.kind, ModelCall.reading_id).order_by(ModelCall.id)
        if user_id is not None:
            query = query.where(ModelCall.user_id == user_id)
        return [tuple(row) for row in db.session.execute(query)]


def _user_id(app):
    with app.app_context():
        return db.session.execute(db.select(User.id)).scalar_one()


def _reading_id(app, public_id):
    with app.app_context():
        return db.session.execute(db.select(Reading.id).filter_by(public_id=public_id)).scalar_one()


def _assert_retry_after_until_seoul_midnight(response):
    expected = quota.seconds_until_tomorrow(datetime.now(UTC))
    assert abs(int(response.headers["Retry-After"]) - expected) <= 5


def test_deleting_a_reading_does_not_give_its_call_back(gemini):  # noqa: F811
    g = gemini(Answer(SIX_PART_ANSWER), READINGS_PER_DAY=2)
    first = public_id_of(start_reading(g.client))
    wait_for_reading(g.app, first)
    wait_for_reading(g.app, public_id_of(start_reading(g.client)))
    assert g.client.post(f"/archive/{first}/delete").status_code == 303

    refused = start_reading(g.client)
    assert refused.status_code == 429
    assert LIMIT_TEXT in refused.get_data(as_text=True)
    _assert_retry_after_until_seoul_midnight(refused)
    assert len(g.fake.requests) == 2
    with g.app.app_context():
        assert db.session.query(Reading).count() == 1
    assert [kind for kind, _ in _calls(g.app)] == ["reading", "reading"]


def test_each_reading_records_one_call_with_its_row(gemini):  # noqa: F811
    g = gemini(Answer(SIX_PART_ANSWER))
    public_id = public_id_of(start_reading(g.client))
    wait_for_reading(g.app, public_id)
    assert _calls(g.app, _user_id(g.app)) == [("reading", _reading_id(g.app, public_id))]


def _failed_reading(g):
    public_id = public_id_of(start_reading(g.client))
    assert wait_for_reading(g.app, public_id).status == "failed"
    return public_id


def test_a_retry_is_a_counted_call(gemini):  # noqa: F811
    g = gemini(FAILS, Answer(SIX_PART_ANSWER))
    public_id = _failed_reading(g)
    assert g.client.post(f"/reading/{public_id}/retry", headers=HX).status_code == 200
    assert wait_for_reading(g.app, public_id, client=g.client).status == "done"
    reading_id = _reading_id(g.app, public_id)
    assert _calls(g.app) == [("reading", reading_id), ("retry", reading_id)]


def test_retries_of_one_reading_have_their_own_limit(gemini):  # noqa: F811
    g = gemini(FAILS, READINGS_PER_DAY=10, READING_RETRIES=2)
    public_id = _failed_reading(g)
    for _ in range(2):
        assert g.client.post(f"/reading/{public_id}/retry", headers=HX).status_code == 200
        assert wait_for_reading(g.app, public_id, client=g.client).status == "failed"

    refused = g.client.post(f"/reading/{public_id}/retry", headers=HX)
    assert refused.status_code == 409
    html = refused.get_data(as_text=True)
    assert RETRIES_TEXT in html
    assert "/retry" not in html  # no button that can only be refused again
    assert len(g.fake.requests) == 3
    with g.app.app_context():
        assert db.session.get(Reading, _reading_id(g.app, public_id)).status == "failed"
    # Without htmx the page says the same.
    page = g.client.post(f"/reading/{public_id}/retry")
    assert page.status_code == 409
    assert RETRIES_TEXT in page.get_data(as_text=True)
    assert len(g.fake.requests) == 3


def test_a_retry_is_refused_when_todays_calls_are_used(gemini):  # noqa: F811
    g = gemini(FAILS, READINGS_PER_DAY=1)
    public_id = _failed_reading(g)
    refused = g.client.post(f"/reading/{public_id}/retry", headers=HX)
    assert refused.status_code == 429
    assert LIMIT_TEXT in refused.get_data(as_text=True)
    _assert_retry_after_until_seoul_midnight(refused)
    assert len(g.fake.requests) == 1
    with g.app.app_context():
        assert db.session.get(Reading, _reading_id(g.app, public_id)).status == "failed"


def test_the_retry_route_is_rate_limited(gemini):  # noqa: F811
    g = gemini(FAILS, READINGS_PER_DAY=100, READING_RETRIES=100, RATELIMIT_ENABLED=True,
               READING_RATE_LIMIT="3 per minute")
    public_id = _failed_reading(g)  # the first of the three
    statuses = []
    for _ in range(3):
        statuses.append(g.client.post(f"/reading/{public_id}/retry", headers=HX).status_code)
        wait_for_reading(g.app, public_id, client=g.client)
    assert statuses == [200, 200, 429]
    assert 0 < int(g.client.post(f"/reading/{public_id}/retry", headers=HX).headers["Retry-After"]) <= 60
    assert len(g.fake.requests) == 3


def test_two_readings_asked_at_once_cannot_both_take_the_last_call(gemini, auth):  # noqa: F811
    """Each browser has a deal of its own; the allowance has room for one of them."""
    g = gemini(Answer(SIX_PART_ANSWER, first_delay=0.2), READINGS_PER_DAY=1)
    user_id = _user_id(g.app)
    clients = [g.client]
    for _ in range(3):
        clients.append(g.app.test_client())
        auth.login(clients[-1], user_id)
    for client in clients:
        client.post("/reading/deal", headers=HX)
        for slot in range(5):
            client.post("/reading/pick", data={"slot": slot}, headers=HX)
    barrier = threading.Barrier(len(clients))
    statuses = []

    def ask(client):
        barrier.wait()
        statuses.append(client.post("/reading", data={"topic": "love", "concern": ""}).status_code)

    threads = [threading.Thread(target=ask, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(statuses) == [303, 429, 429, 429]
    assert len(_calls(g.app)) == 1
    with g.app.app_context():
        assert db.session.query(Reading).count() == 1


def test_the_form_shows_the_limit_before_anyone_shuffles(gemini):  # noqa: F811
    g = gemini(Answer(SIX_PART_ANSWER), READINGS_PER_DAY=1)
    assert LIMIT_TEXT not in g.client.get("/reading").get_data(as_text=True)
    wait_for_reading(g.app, public_id_of(start_reading(g.client)))
    assert LIMIT_TEXT in g.client.get("/reading").get_data(as_text=True)


def test_the_kept_form_shows_each_visitor_their_own_limit(gemini, auth):  # noqa: F811
    """The form before a deal is kept once for signed-in visitors, per limit reached or not."""
    g = gemini(Answer(SIX_PART_ANSWER), READINGS_PER_DAY=1)
    wait_for_reading(g.app, public_id_of(start_reading(g.client)))
    other = g.app.test_client()
    auth.login(other, make_user(g.app, nickname="새로온밀크티"))
    for _ in range(2):  # the second round comes from the kept copies
        mine = g.client.get("/reading").get_data(as_text=True)
        theirs = other.get("/reading").get_data(as_text=True)
        assert LIMIT_TEXT in mine and LIMIT_TEXT not in theirs
        assert "새로온밀크티" in theirs and "새로온밀크티" not in mine


def test_offline_readings_are_neither_limited_nor_counted(make_app, auth):
    app = make_app(READINGS_PER_DAY=1, READING_RETRIES=0)
    client = app.test_client()
    auth.login(client, make_user(app))
    for _ in range(3):
        assert wait_for_reading(app, public_id_of(start_reading(client))).interpreter == "offline"
    assert _calls(app) == []


def test_deleting_the_account_deletes_its_calls(gemini):  # noqa: F811
    g = gemini(Answer(SIX_PART_ANSWER))
    other = make_user(g.app, nickname="녹차라떼55555")
    with g.app.app_context():
        db.session.add(ModelCall(user_id=other, kind="reading", reading_id=None))
        db.session.commit()
    wait_for_reading(g.app, public_id_of(start_reading(g.client)))
    user_id = _user_id_by_nickname(g.app, "홍차밀크티12345")
    assert len(_calls(g.app, user_id)) == 1
    assert g.client.post("/me/delete", data={"confirm": "yes"}).status_code == 303
    assert _calls(g.app, user_id) == []
    assert len(_calls(g.app, other)) == 1


def _user_id_by_nickname(app, nickname):
    with app.app_context():
        return db.session.execute(db.select(User.id).filter_by(nickname=nickname)).scalar_one()


@pytest.mark.parametrize("now, seconds", [
    (datetime(2026, 11, 27, 14, 59, 30, tzinfo=UTC), 30),  # 23:59:30 in Seoul
    (datetime(2026, 11, 27, 15, 0, 0, tzinfo=UTC), 86_400),  # midnight in Seoul
    (datetime(2026, 11, 27, 3, 0, 0, tzinfo=UTC), 43_200),  # noon in Seoul
])
def test_seconds_until_tomorrow_in_seoul(now, seconds):
    assert quota.seconds_until_tomorrow(now) == seconds


def test_a_call_just_before_seoul_midnight_belongs_to_the_day_before(make_app):
    app = make_app()
    user_id = make_user(app)
    with app.app_context():
        db.session.add(ModelCall(user_id=user_id, kind="reading",
                                 created_at=datetime(2026, 11, 27, 14, 59, 59)))
        db.session.commit()
        before = datetime(2026, 11, 27, 14, 59, 59, 500000, tzinfo=UTC)
        after = datetime(2026, 11, 27, 15, 0, 0, tzinfo=UTC)
        assert quota.calls_left(user_id, per_day=1, now=before) == 0
        assert quota.calls_left(user_id, per_day=1, now=after) == 1


def test_purge_forgets_calls_older_than_the_retention_period(make_app):
    from datetime import timedelta

    from tarot.models import utcnow

    app = make_app(RETENTION_DAYS=30)
    user_id = make_user(app)
    with app.app_context():
        for age in (31, 29):
            db.session.add(ModelCall(user_id=user_id, kind="reading", created_at=utcnow() - timedelta(days=age)))
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["purge"])
    assert "and 1 model call(s) older than 30 day(s)" in result.output
    assert len(_calls(app)) == 1
