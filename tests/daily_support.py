"""Helpers for the card-of-the-day tests: the clock, the visitor cookie, rows and the note."""

import re
import time
from datetime import UTC, datetime

from tarot.daily import service, visitor
from tarot.extensions import db
from tarot.models import DailyCard, User
from tarot.quota import SEOUL

COOKIE = visitor.COOKIE


def seoul(*args):
    """A moment in Seoul time, as an aware UTC datetime: seoul(2026, 12, 8, 23, 59)."""
    return datetime(*args, tzinfo=SEOUL).astimezone(UTC)


def set_clock(monkeypatch, moment):
    """Make the card of the day's clock say ``moment`` (the rest of the app keeps real time)."""
    monkeypatch.setattr(service, "now", lambda: moment)


def cookie_value(client):
    cookie = client.get_cookie(COOKIE)
    return cookie.value if cookie else None


def shown_card(html):
    """(slug, reversed) of the card a /daily page shows face up, or None when face down."""
    match = re.search(r'class="daily-face( is-reversed)?" href="/guide/cards/([a-z-]+)"', html)
    return None if match is None else (match.group(2), bool(match.group(1)))


def rows(app, user_id=None):
    """[(user_id, day, card, reversed)] of every stored daily card, oldest first."""
    with app.app_context():
        query = db.select(DailyCard).order_by(DailyCard.day, DailyCard.id)
        if user_id is not None:
            query = query.where(DailyCard.user_id == user_id)
        return [(r.user_id, r.day, r.card, r.reversed) for r in db.session.execute(query).scalars()]


def wait_for_note(app, user_id, statuses=("done", "failed"), timeout=15.0):
    """The user's latest daily card once its note job has ended (detached from the session)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with app.app_context():
            row = db.session.execute(
                db.select(DailyCard).where(DailyCard.user_id == user_id).order_by(DailyCard.day.desc())
            ).scalars().first()
            if row is not None and row.status in statuses:
                db.session.expunge(row)
                return row
        time.sleep(0.05)
    raise AssertionError(f"no note of user {user_id} reached {statuses} in {timeout}s")


def add_card(app, user_id, day, number, reversed_=False, **columns):
    """Store a daily card row as if drawn on ``day``."""
    with app.app_context():
        db.session.add(DailyCard(user_id=user_id, day=day, card=number, reversed=reversed_,
                                 locale="ko", **columns))
        db.session.commit()


def user_id_of(app, nickname):
    with app.app_context():
        return db.session.execute(db.select(User.id).filter_by(nickname=nickname)).scalar_one()
