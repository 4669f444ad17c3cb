"""Creating, finding, saving and retrying readings."""

import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from .. import jobs
from ..extensions import db
from ..models import Reading, ReadingStatus, utcnow
from ..spreads import POSITIONS
from ..topics import TOPICS

CONCERN_MAX = 300
SEOUL = ZoneInfo("Asia/Seoul")


class ReadingFormError(ValueError):
    """Invalid form input; ``errors`` maps a field to its message."""

    def __init__(self, errors):
        super().__init__(", ".join(errors))
        self.errors = errors


def clean_concern(raw):
    """Normalise the concern: NFC, unified newlines, trimmed; control characters refused."""
    text = unicodedata.normalize("NFC", (raw or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in "\n\t" for ch in text):
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


def readings_today(user):
    """How many readings the user asked for since midnight in Seoul."""
    now_seoul = datetime.now(SEOUL)
    midnight = now_seoul.replace(hour=0, minute=0, second=0, microsecond=0)
    since = midnight.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    return db.session.execute(
        db.select(func.count(Reading.id)).where(Reading.user_id == user.id, Reading.created_at >= since)
    ).scalar_one()


def daily_limit_reached(user):
    """True when AI readings are on and the user used today's allowance."""
    config = current_app.config
    if not config.get("GEMINI_API_KEY"):
        return False  # the offline interpreter is not limited
    return readings_today(user) >= config["READINGS_PER_DAY"]


def create_reading(user, topic, concern, deal, locale):
    """Store the reading as pending and start its job; the same deal twice gives one reading."""
    existing = find_by_request_key(user, deal.id)
    if existing:
        return existing
    cards = [
        {"card": number, "reversed": rev, "position": POSITIONS[index]}
        for index, (number, rev) in enumerate(deal.picked_cards())
    ]
    reading = Reading(
        user_id=user.id, topic=topic, concern=concern, cards=cards,
        request_key=deal.id, locale=locale, status=ReadingStatus.PENDING,
    )
    jobs.reserve(reading)
    db.session.add(reading)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # a concurrent submission of the same deal won the race
        return find_by_request_key(user, deal.id)
    jobs.start(reading.id)
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
    db.session.commit()
    return True


def retry_reading(reading):
    """Start a failed reading again, keeping its topic, concern and cards."""
    if reading.status != ReadingStatus.FAILED:
        return False
    reading.status = ReadingStatus.PENDING
    reading.error_kind = None
    reading.partial_text = None
    reading.finished_at = None
    reading.attempts = jobs.next_round(reading.attempts)
    jobs.reserve(reading)
    db.session.commit()
    jobs.start(reading.id)
    return True


def purge_unsaved(days):
    """Delete unsaved readings older than ``days``; return how many."""
    cutoff = utcnow() - timedelta(days=days)
    result = db.session.execute(
        db.delete(Reading).where(Reading.saved_at.is_(None), Reading.created_at < cutoff)
    )
    db.session.commit()
    return result.rowcount
