"""The card of the day: the day in Seoul, a signed-in user's card and note, their last 30 days.

A day is a date in Seoul (Asia/Seoul) for everyone, wherever they are: the server cannot
know a visitor's time zone reliably (the browser's can be changed at will, which would let
anyone draw again), and the daily allowance of model calls starts at Seoul's midnight too
(tarot/quota.py). The page shows when the next card comes in the visitor's own time.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.exc import IntegrityError

from .. import jobs, leases, quota
from ..deck import current_deck
from ..extensions import db
from ..models import DailyCard, JobStatus, utcnow
from .job import DAILY_NOTE, NOTE_REFUSED

HISTORY_DAYS = 30


def now():
    """The current moment (aware, UTC); the one clock of this module."""
    return datetime.now(UTC)


def today(moment=None):
    """Today's date in Seoul."""
    return (moment or now()).astimezone(quota.SEOUL).date()


def next_card_at(day):
    """When the card after ``day``'s becomes available: the next midnight in Seoul (aware)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=quota.SEOUL)


@dataclass(frozen=True)
class TodaysCard:
    """A card of the day as shown: the deck's card, its orientation and, for users, its row."""

    day: date
    card: object  # tarot.deck.Card
    reversed: bool
    row: DailyCard | None = None

    @classmethod
    def of_row(cls, row):
        return cls(row.day, current_deck()[row.card], bool(row.reversed), row)


def draw():
    """(number, reversed) of one card from the whole deck, drawn with a CSPRNG."""
    (drawn,) = current_deck().deal(1)
    return drawn.number, drawn.reversed


def find(user_id, day):
    """The user's card of ``day``, or None."""
    return db.session.execute(
        db.select(DailyCard).where(DailyCard.user_id == user_id, DailyCard.day == day)
    ).scalar_one_or_none()


def card_for_user(user, day, lang, per_day, offered=None):
    """The user's card of ``day``: the stored one, else a new draw; returns (row, is_new).

    ``offered`` is a (number, reversed) the browser already shows for today (the card it drew
    before signing in), taken instead of a new draw so the person keeps one card all day.
    The note's model call is recorded with the row when ``per_day`` (the daily allowance) is
    set; with the allowance spent the card is still drawn and its note marked refused. Two
    requests at once (two devices) cannot both draw: the row is unique per user and day, and
    the one that loses gets the winner's card.
    """
    existing = find(user.id, day)
    if existing is not None:
        return existing, False
    number, reversed_ = offered or draw()
    row = DailyCard(user_id=user.id, day=day, card=number, reversed=reversed_, locale=lang)
    refused = False
    try:
        if per_day is not None:
            try:
                quota.record_call(user.id, quota.CallKind.DAILY, per_day)
            except quota.QuotaExceeded:
                refused = True
        if refused:
            row.status, row.error_kind, row.finished_at = JobStatus.FAILED, NOTE_REFUSED, utcnow()
        else:
            jobs.reserve(row)
        db.session.add(row)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return find(user.id, day), False
    if not refused:
        jobs.start(DAILY_NOTE, row.id)
    return row, True


class RetryLimitReached(Exception):
    """The note was retried as often as READING_RETRIES allows."""


def retry_note(row, per_day, max_retries):
    """Write a failed note again (a counted model call with an allowance); False if not failed.

    Raises RetryLimitReached after ``max_retries`` retries of this note and
    quota.QuotaExceeded when today's calls are used. A note refused for the allowance is not
    retried: the allowance comes back only with the next day, and the next card.
    """
    if not retryable(row):
        return False

    def charge(note):
        if retries_used(note) >= max_retries:
            raise RetryLimitReached(note.id)
        quota.record_call(note.user_id, quota.CallKind.DAILY, per_day)

    if per_day is not None and not quota.charge_retry(row, retryable, charge):
        return False
    jobs.prepare_retry(row)
    db.session.commit()
    jobs.start(DAILY_NOTE, row.id)
    return True


def retryable(row):
    """True for a note whose job failed (not one refused for the allowance)."""
    return row.status == JobStatus.FAILED and row.error_kind != NOTE_REFUSED


def retries_used(row):
    """How many times the user asked for this note again (each retry starts a new round)."""
    return row.attempts // leases.ROUND


def history(user_id, day, days=HISTORY_DAYS):
    """The user's cards of the ``days`` days ending with ``day``, newest first."""
    rows = db.session.execute(
        db.select(DailyCard)
        .where(DailyCard.user_id == user_id, DailyCard.day > day - timedelta(days=days),
               DailyCard.day <= day)
        .order_by(DailyCard.day.desc())
    ).scalars()
    return [TodaysCard.of_row(row) for row in rows]
