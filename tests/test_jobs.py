"""Interpretation jobs: claims, leases, takeover of a dead worker's reading, fencing."""

import time
from datetime import timedelta

import pytest

from tarot import jobs, leases
from tarot.extensions import db
from tarot.models import Reading, utcnow
from tarot.reading.job import READING
from tarot.spreads import POSITIONS
from tests.fakes.gemini import SIX_PART_ANSWER, Answer, FakeGemini
from tests.helpers import make_user, wait_for_reading

HALF_WRITTEN = "[[greeting]]\n안녕하세요, 반쯤 쓰다 멈춘 풀이예요.\n\n[[past]]\n지나온"


def put_reading(app, user_id, **values):
    """Insert a reading row as some process left it; return (row id, public id)."""
    with app.app_context():
        cards = [
            {"card": number, "reversed": number % 2 == 0, "position": position}
            for number, position in zip((3, 17, 40, 55, 71), POSITIONS, strict=True)
        ]
        reading = Reading(user_id=user_id, topic="love", concern="연락이 올까요", cards=cards, **values)
        db.session.add(reading)
        db.session.commit()
        return reading.id, reading.public_id


def row(app, reading_id):
    with app.app_context():
        reading = db.session.get(Reading, reading_id)
        db.session.expunge(reading)
        return reading


@pytest.fixture
def signed_in(app, client, auth):
    user_id = make_user(app)
    auth.login(client, user_id)
    return user_id


def test_a_dead_workers_reading_is_finished_by_a_later_poll(app, client, signed_in):
    reading_id, public_id = put_reading(
        app, signed_in, status="running", attempts=1, partial_text=HALF_WRITTEN,
        started_at=utcnow() - timedelta(minutes=2), lease_until=utcnow() - timedelta(seconds=1),
    )
    assert client.get(f"/reading/{public_id}/answer").status_code == 200
    reading = wait_for_reading(app, public_id)
    assert reading.status == "done"
    assert reading.attempts == 2
    assert reading.partial_text is None and reading.lease_until is None
    assert set(reading.answer) == {"greeting", "past", "present", "future", "advice", "conclusion"}
    html = client.get(f"/reading/{public_id}/answer").get_data(as_text=True)
    assert "<h3>마무리</h3>" in html and "반쯤 쓰다 멈춘" not in html


def test_a_live_lease_is_not_taken_over(app, client, signed_in):
    lease = utcnow() + timedelta(seconds=60)
    reading_id, public_id = put_reading(
        app, signed_in, status="running", attempts=1, partial_text=HALF_WRITTEN, lease_until=lease,
    )
    for _ in range(5):
        html = client.get(f"/reading/{public_id}/answer").get_data(as_text=True)
        assert "반쯤 쓰다 멈춘" in html and 'hx-trigger="load delay:500ms"' in html
        time.sleep(0.05)
    time.sleep(0.2)
    reading = row(app, reading_id)
    assert (reading.status, reading.attempts, reading.partial_text) == ("running", 1, HALF_WRITTEN)


def test_a_new_reading_reserved_for_its_own_job_is_left_alone(app, client, signed_in):
    reading_id, public_id = put_reading(
        app, signed_in, status="pending", lease_until=utcnow() + timedelta(seconds=10),
    )
    client.get(f"/reading/{public_id}/answer")
    time.sleep(0.2)
    assert (row(app, reading_id).status, row(app, reading_id).attempts) == ("pending", 0)


def test_a_pending_reading_whose_job_never_began_is_started_by_a_poll(app, client, signed_in):
    reading_id, public_id = put_reading(app, signed_in, status="pending")
    client.get(f"/reading/{public_id}")
    assert wait_for_reading(app, public_id).status == "done"


def test_a_reading_that_keeps_killing_workers_ends_failed(app, client, signed_in):
    reading_id, public_id = put_reading(
        app, signed_in, status="running", attempts=jobs.MAX_CLAIMS,
        lease_until=utcnow() - timedelta(seconds=1),
    )
    client.get(f"/reading/{public_id}/answer")
    reading = wait_for_reading(app, public_id)
    assert (reading.status, reading.error_kind) == ("failed", "timeout")
    assert "다시 시도" in client.get(f"/reading/{public_id}/answer").get_data(as_text=True)


def test_claims_are_exclusive_and_writes_are_fenced(app, signed_in):
    reading_id, _ = put_reading(app, signed_in, status="pending")
    with app.app_context():
        first = leases.claim(Reading, reading_id)
        assert first == 1
        assert leases.claim(Reading, reading_id) is None  # running under a live lease
        assert leases.write(Reading, reading_id, first, partial_text="first job")

        # The first job stalls past its lease; another process takes the row over.
        db.session.execute(db.update(Reading).values(lease_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()
        second = leases.claim(Reading, reading_id)
        assert second == 2
        assert not leases.write(Reading, reading_id, first, partial_text="stale", status="done")
        assert leases.write(Reading, reading_id, second, partial_text="second job")
        assert leases.write(Reading, reading_id, second, status="done", lease_until=None)
        assert not leases.write(Reading, reading_id, second, partial_text="after done")
        assert leases.claim(Reading, reading_id) is None  # a finished row is never claimed again
    reading = row(app, reading_id)
    assert (reading.status, reading.partial_text, reading.attempts) == ("done", "second job", 2)


class Scripted:
    """An interpreter that yields text and runs callables between chunks."""

    name = "scripted"
    model = "test"

    def __init__(self, steps):
        self.steps = steps
        self.reached = []

    def stream(self, request):
        for step in self.steps:
            if callable(step):
                step()
            else:
                self.reached.append(step)
                yield step


def test_a_job_that_lost_its_lease_stops_without_touching_the_row(make_app):
    interpreter = Scripted([])
    app = make_app(INTERPRETER_FACTORY=lambda: interpreter)
    user_id = make_user(app)
    reading_id, public_id = put_reading(app, user_id, status="pending")

    def taken_over():  # another process claims the row while this job is paused
        with db.engine.begin() as conn:
            conn.execute(
                db.update(Reading).where(Reading.id == reading_id)
                .values(attempts=Reading.attempts + 1, partial_text="the new owner")
            )
        time.sleep(jobs.WRITE_INTERVAL + 0.05)

    interpreter.steps = ["[[greeting]]\n첫 문장이에요. ", taken_over, "둘째 문장이에요. ", "[[past]]\n셋째"]
    with app.app_context():
        jobs.run(READING, reading_id)
    assert interpreter.reached == ["[[greeting]]\n첫 문장이에요. ", "둘째 문장이에요. "]
    reading = row(app, reading_id)
    assert (reading.status, reading.attempts, reading.partial_text) == ("running", 2, "the new owner")
    assert reading.answer is None


def test_a_slow_first_token_is_not_mistaken_for_a_dead_worker(make_app, auth):
    """The job renews its lease while the model thinks, so polls never take a healthy job over."""
    with FakeGemini([Answer(SIX_PART_ANSWER, first_delay=2.0)]) as fake:
        app = make_app(GEMINI_API_KEY="test-key", GEMINI_BASE_URL=fake.url, GEMINI_TIMEOUT=3,
                       READING_LEASE_SECONDS=1)
        client = app.test_client()
        user_id = make_user(app)
        auth.login(client, user_id)
        reading_id, public_id = put_reading(app, user_id, status="pending")
        client.get(f"/reading/{public_id}")
        reading = wait_for_reading(app, public_id, client=client)  # polls all along
    assert reading.status == "done"
    assert reading.attempts == 1
    assert len(fake.requests) == 1
