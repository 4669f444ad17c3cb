"""A live job keeps its lease while it waits, so no other worker starts the same reading."""

import time

from tarot import jobs
from tarot.extensions import db
from tarot.models import Reading
from tarot.oracle.sections import SECTIONS, format_answer
from tarot.reading.job import READING
from tarot.spreads import POSITIONS
from tests.helpers import make_user, wait_for_reading


class SlowFirstToken:
    """An interpreter whose first words come after a pause longer than the lease."""

    name = "slow"
    model = "slow-model"
    calls = 0

    def stream(self, request):
        SlowFirstToken.calls += 1
        time.sleep(2.5)
        yield format_answer({k: "괜찮아요." for k in SECTIONS})


def test_a_slow_first_token_is_not_taken_over(make_app):
    SlowFirstToken.calls = 0
    app = make_app(READING_LEASE_SECONDS=1, INTERPRETER_FACTORY=SlowFirstToken)
    user_id = make_user(app)
    with app.app_context():
        reading = Reading(user_id=user_id, topic="love", concern="", cards=[
            {"card": n, "reversed": False, "position": p}
            for n, p in zip((1, 2, 3, 4, 5), POSITIONS, strict=True)
        ])
        db.session.add(reading)
        db.session.commit()
        jobs.start(READING, reading.id)
        public_id = reading.public_id
        # polls keep arriving while the model thinks; none may start a second job
        for _ in range(12):
            time.sleep(0.2)
            db.session.expire_all()
            jobs.ensure_running(db.session.get(Reading, reading.id))
    done = wait_for_reading(app, public_id)
    assert done.status == "done"
    assert done.attempts == 1
    assert SlowFirstToken.calls == 1
