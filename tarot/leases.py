"""A job row's lease: the claim a job holds on it, the fenced writes, and the renewal.

A job row is a row of any table with the job columns (models.JobColumns): a reading, a
follow-up question. A job claims its row with a conditional UPDATE that sets a lease; while
it writes it renews the lease. Every write is fenced by the row's ``attempts`` counter (the
token the claim returns), so a job that lost its lease (its process paused or died and
another took over) can no longer change the row. tarot/jobs.py decides when to claim and
what to write; ``table`` is always the row's model class.
"""

import logging
import threading
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, or_, update

from .extensions import db
from .models import JobStatus, utcnow

log = logging.getLogger(__name__)

START_GRACE_SECONDS = 10  # a new row is reserved this long for the job its request started
ROUND = 10  # a user's retry starts a new round of claims; the counter never goes back


def next_round(attempts):
    """The attempts value a retried row starts from: the next multiple of ROUND.

    ``attempts`` is also the fencing token, so it only ever grows: an old job can never
    match a newer claim.
    """
    return (attempts // ROUND + 1) * ROUND


def reserve(row):
    """Mark a new row as about to be worked on by the job its own request starts."""
    row.lease_until = utcnow() + timedelta(seconds=START_GRACE_SECONDS)


def is_held(row):
    """True while someone's lease on the row (or its reservation) has not run out."""
    return row.lease_until is not None and row.lease_until > utcnow()


def claim(table, row_id):
    """Take the row if it is free; return the fencing token (attempts) or None."""
    now = utcnow()
    # A pending row's reservation only keeps polls from starting needless jobs; the
    # conditional UPDATE itself guarantees a single winner.
    free = or_(
        table.status == JobStatus.PENDING,
        and_(table.status == JobStatus.RUNNING, table.lease_until < now),
    )
    result = db.session.execute(
        update(table)
        .where(table.id == row_id, free)
        .values(
            status=JobStatus.RUNNING,
            attempts=table.attempts + 1,
            lease_until=now + lease_length(),
            started_at=now,
            partial_text="",
            error_kind=None,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if result.rowcount != 1:
        return None
    return db.session.execute(
        db.select(table.attempts).where(table.id == row_id)
    ).scalar_one()


def write(table, row_id, token, **values):
    """Update the row if this job still holds it; False when the lease was lost."""
    result = db.session.execute(
        update(table)
        .where(
            table.id == row_id,
            table.attempts == token,
            table.status == JobStatus.RUNNING,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def lease_length():
    """READING_LEASE_SECONDS as a timedelta.

    A live job renews its lease every third of this (see Heartbeat); a dead one's lease
    runs out within it and the next poll takes the row over.
    """
    return timedelta(seconds=current_app.config["READING_LEASE_SECONDS"])


def renewed():
    """The lease_until value of a lease renewed now."""
    return utcnow() + lease_length()


class Heartbeat:
    """Renew the lease while the job lives: through the model's first token and retry pauses.

    Without it a slow first token (thinking models take a while) would look like a dead
    worker, and a poll elsewhere would start the same job twice.
    """

    def __init__(self, table, row_id, token):
        self.app = current_app._get_current_object()
        self.table = table
        self.row_id = row_id
        self.token = token
        self.interval = self.app.config["READING_LEASE_SECONDS"] / 3
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True, name="job-lease")

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join(timeout=5)

    def _beat(self):
        while not self.stopped.wait(self.interval):
            with self.app.app_context():
                try:
                    held = write(self.table, self.row_id, self.token, lease_until=renewed())
                except Exception:  # noqa: BLE001 - a missed beat is retried on the next one
                    log.warning("%s %s: lease renewal failed", self.table.__tablename__, self.row_id,
                                exc_info=True)
                    held = True
                finally:
                    db.session.remove()
            if not held:
                return
