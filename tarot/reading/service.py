"""Creating, finding, saving and retrying readings."""

from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from .. import jobs, quota
from ..extensions import db
from ..i18n import gettext as _
from ..journal.cards import record_saved_cards
from ..models import Reading, ReadingStatus, UsedDeal, utcnow
from ..text import has_invisible_characters, normalize_user_text
from ..topics import TOPICS
from .job import READING

CONCERN_MAX = 300
# How long a used deal is remembered: far longer than a sealed deal lives (deals.DEAL_LIFETIME).
USED_DEAL_KEPT = timedelta(days=1)


class ReadingFormError(ValueError):
    """Invalid form input; ``errors`` maps a field to its message."""

    def __init__(self, errors):
        super().__init__(", ".join(errors))
        self.errors = errors


def clean_concern(raw):
    """Normalise the concern: NFC, unified newlines, trimmed; control characters refused."""
    text = normalize_user_text(raw)
    if has_invisible_characters(text):
        raise ReadingFormError({"concern": _("보이지 않는 특수 문자는 쓸 수 없어요. 다시 적어 주세요.")})
    if len(text) > CONCERN_MAX:
        raise ReadingFormError(
            {"concern": _("고민은 %(max)d자까지 적을 수 있어요. 지금 %(count)d자예요.", max=CONCERN_MAX, count=len(text))}
        )
    return text


def validate_form(topic, concern):
    """Return (topic, concern) or raise ReadingFormError with every problem."""
    errors = {}
    if topic not in TOPICS:
        errors["topic"] = _("보려는 운세를 골라 주세요.")
    try:
        concern = clean_concern(concern)
    except ReadingFormError as exc:
        errors.update(exc.errors)
    if errors:
        raise ReadingFormError(errors)
    return topic, concern


class DealAlreadyUsed(Exception):
    """The deal has made its reading: an old session cookie sent with other picks, or after
    that reading was deleted."""


class RetryLimitReached(Exception):
    """The reading was retried as often as READING_RETRIES allows."""


def _spread(deal):
    """The picked cards as stored: each in its place of the deal's spread, in pick order."""
    places = deal.spread.places
    return [
        {"card": number, "reversed": rev, "position": places[index]}
        for index, (number, rev) in enumerate(deal.picked_cards())
    ]


def _earlier_reading(user, deal, cards):
    """The reading this deal made, if the picks are the same; None if it made none yet.

    Raises DealAlreadyUsed when the deal was used with other picks or its reading is gone.
    """
    existing = find_by_request_key(user, deal.id)
    if existing is not None and existing.cards == cards:
        return existing
    if existing is not None or db.session.get(UsedDeal, deal.id) is not None:
        raise DealAlreadyUsed(deal.id)
    return None


def create_reading(user, topic, concern, deal, locale, per_day):
    """Store the reading as pending and start its job; return the reading.

    The deal is used up in the same transaction, with the model call the reading costs
    when ``per_day`` (the daily allowance) is set, so neither happens without the other.
    The same deal with the same picks again (a form sent twice) gives the first reading.
    Raises DealAlreadyUsed for a replayed deal and quota.QuotaExceeded when today's calls
    are used.
    """
    cards = _spread(deal)
    earlier = _earlier_reading(user, deal, cards)
    if earlier is not None:
        return earlier
    try:
        # The call first: it locks the user's row before anything else is written.
        call = quota.record_call(user.id, quota.CallKind.READING, per_day) if per_day is not None else None
        reading = Reading(
            user_id=user.id, topic=topic, concern=concern, cards=cards, spread=deal.spread.key,
            request_key=deal.id, locale=locale, status=ReadingStatus.PENDING,
        )
        jobs.reserve(reading)
        db.session.add_all([reading, UsedDeal(deal_id=deal.id)])
        if call is not None:
            db.session.flush()
            call.reading_id = reading.id
        db.session.commit()
    except (quota.QuotaExceeded, IntegrityError):
        db.session.rollback()
        # The same form sent twice at once: the other request made the reading.
        if (earlier := _earlier_reading(user, deal, cards)) is None:
            raise
        return earlier
    jobs.start(READING, reading.id)
    return reading


def find_by_request_key(user, key):
    if not key:
        return None
    return db.session.execute(
        db.select(Reading).filter_by(user_id=user.id, request_key=key)
    ).scalar_one_or_none()


def save_reading(reading):
    """Put a finished reading in the archive; False if it was already there."""
    if reading.saved_at is not None:
        return False
    reading.saved_at = utcnow()
    try:
        record_saved_cards(reading)  # the journal's counts and the archive's card filter
        db.session.commit()
    except IntegrityError:  # saved twice at once: the other request stored it and its cards
        db.session.rollback()
        return False
    return True


def retry_reading(reading, per_day, max_retries):
    """Start a failed reading again, keeping its topic, concern and cards.

    Returns False when the reading has not failed (nothing to retry). With a daily
    allowance (``per_day``) the retry is a counted model call: raises RetryLimitReached
    after ``max_retries`` retries of this reading, quota.QuotaExceeded when today's calls
    are used.
    """
    if not _failed(reading):
        return False

    def charge(row):
        if quota.retries_used(row.id) >= max_retries:
            raise RetryLimitReached(row.public_id)
        quota.record_call(row.user_id, quota.CallKind.RETRY, per_day, reading_id=row.id)

    if per_day is not None and not quota.charge_retry(reading, _failed, charge):
        return False
    jobs.prepare_retry(reading)
    db.session.commit()
    jobs.start(READING, reading.id)
    return True


def _failed(reading):
    return reading.status == ReadingStatus.FAILED


def purge_unsaved(days):
    """Delete unsaved readings older than ``days``; return how many."""
    cutoff = utcnow() - timedelta(days=days)
    result = db.session.execute(
        db.delete(Reading).where(Reading.saved_at.is_(None), Reading.created_at < cutoff)
    )
    db.session.commit()
    return result.rowcount


def purge_used_deals():
    """Forget deals used more than a day ago (their cookies expired long before); return how many."""
    result = db.session.execute(db.delete(UsedDeal).where(UsedDeal.used_at < utcnow() - USED_DEAL_KEPT))
    db.session.commit()
    return result.rowcount
