"""The daily allowance of model calls: how many a user has left, and recording one.

Every call to the AI model made for a user — a reading started, a retry, and later the
daily card's note or a follow-up question — is a row in ``model_calls``, added in the same
transaction as the thing it pays for, so a crash cannot give a call away and deleting a
reading gives nothing back. A day starts at midnight in Seoul.

Callers decide whether calls are counted at all: ``daily_allowance(config)`` is None when
no model is configured (the offline reader costs nothing and is not limited).
"""

import enum
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, update

from .extensions import db
from .models import ModelCall, User

SEOUL = ZoneInfo("Asia/Seoul")


class CallKind(enum.StrEnum):
    READING = "reading"
    RETRY = "retry"
    FOLLOWUP = "followup"
    DAILY = "daily"  # the note of the card of the day (tarot/daily/)


class QuotaExceeded(Exception):
    """Today's calls are used up; ``retry_after`` is the number of seconds until Seoul's midnight."""

    def __init__(self, retry_after):
        super().__init__(f"daily allowance used; next in {retry_after}s")
        self.retry_after = retry_after


def daily_allowance(config):
    """Model calls a user may make a day, or None when no model is configured (offline)."""
    return config["READINGS_PER_DAY"] if config.get("GEMINI_API_KEY") else None


def _now(now):
    return now or datetime.now(UTC)


def _naive_utc(now):
    return _now(now).astimezone(UTC).replace(tzinfo=None)


def day_start(now=None):
    """The start of today in Seoul, as the naive UTC time the database stores."""
    local = _now(now).astimezone(SEOUL)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.astimezone(UTC).replace(tzinfo=None)


def seconds_until_tomorrow(now=None):
    """Whole seconds until the next midnight in Seoul (at least 1): the 429's Retry-After."""
    tomorrow = day_start(now) + timedelta(days=1)
    return max(1, int((tomorrow - _naive_utc(now)).total_seconds()))


def _calls_today(user_id, now):
    return (
        db.select(func.count(ModelCall.id))
        .where(ModelCall.user_id == user_id, ModelCall.created_at >= day_start(now))
    )


def calls_left(user_id, per_day, now=None):
    """How many model calls the user may still make today."""
    used = db.session.execute(_calls_today(user_id, now)).scalar_one()
    return max(0, per_day - used)


def lock_user(user_id):
    """Hold the user's row until the transaction ends (a write, so SQLite locks too).

    Requests that count and then record the same user's calls take turns behind it.
    """
    db.session.execute(
        update(User).where(User.id == user_id).values(id=User.id)
        .execution_options(synchronize_session=False)
    )


def record_call(user_id, kind, per_day, reading_id=None, now=None):
    """Add one model call to the session's transaction, or raise QuotaExceeded.

    Locks the user's row first, so two requests at once cannot both take the last call.
    The caller commits the call together with what it pays for, or rolls both back.
    Returns the new ModelCall.
    """
    lock_user(user_id)
    # A locking read: on MariaDB it sees what others committed while this request waited,
    # not the snapshot its transaction began with. (SQLite holds the write lock already.)
    used = db.session.execute(_calls_today(user_id, now).with_for_update(read=True)).scalar_one()
    if used >= per_day:
        raise QuotaExceeded(seconds_until_tomorrow(now))
    call = ModelCall(user_id=user_id, kind=kind, reading_id=reading_id, created_at=_naive_utc(now))
    db.session.add(call)
    return call


def charge_retry(row, retryable, charge):
    """Pay for a retry of ``row`` (a reading, a daily note) behind its user's lock.

    The row is read again under the lock: when a retry sent at the same moment got there
    first, it is no longer ``retryable`` and this returns False, charging nothing. Otherwise
    ``charge(row)`` records the call, or raises to refuse it (a retry limit, the day's
    allowance); a refusal rolls the transaction back. The caller commits.
    """
    lock_user(row.user_id)
    db.session.refresh(row, with_for_update=True)
    if not retryable(row):
        db.session.rollback()
        return False
    try:
        charge(row)
    except Exception:
        db.session.rollback()
        raise
    return True


def retries_used(reading_id):
    """How many retries of this reading were counted."""
    return db.session.execute(
        db.select(func.count(ModelCall.id))
        .where(ModelCall.reading_id == reading_id, ModelCall.kind == CallKind.RETRY)
    ).scalar_one()


def purge_calls(before):
    """Delete calls made before ``before`` (naive UTC); return how many."""
    result = db.session.execute(db.delete(ModelCall).where(ModelCall.created_at < before))
    db.session.commit()
    return result.rowcount
