"""The archive: a user's saved readings, a page at a time, newest first.

Pages are keyset pages: a page ends at a cursor (the last row's saved time and id) and the
next page starts strictly after it, so page 500 costs what page 1 costs. The queries walk
``ix_readings_user_saved`` / ``ix_readings_user_topic_saved`` backwards; both databases keep
the primary key at the end of every secondary index, which settles ties on ``id``.

MariaDB is told which index to use: left to itself, it reads a page near the top through
the user-id prefix only and filters row by row, so page 200 read 4,000 index entries
(FORCE INDEX makes it a range on (user, saved time, id): 21 entries on every page).

Filters (tarot/archive/filters.py) keep the same keyset. A mood or a topic walks its own
index; a card walks ``reading_cards``' (user, card, saved time, reading id) and joins each
reading by its key; words in the concern or note are checked on the rows the index walk
reaches, so a page costs as many rows as it takes to find twenty matches.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_

from ..extensions import db
from ..models import Reading, ReadingCard
from .filters import NO_FILTERS

PAGE_SIZE = 20
EPOCH = datetime(1970, 1, 1)
CURSOR_PATTERN = re.compile(r"([0-9]{1,17})-([0-9]{1,18})")
# The columns a list row shows (as plain rows); the answer (several KB a row) stays in the database.
LIST_COLUMNS = (
    Reading.id, Reading.public_id, Reading.topic, Reading.concern, Reading.spread, Reading.source, Reading.cards,
    Reading.created_at, Reading.saved_at, Reading.note, Reading.mood,
)


class BadCursor(ValueError):
    """A cursor that this app did not make."""


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the last row's saved time and id."""

    saved_at: datetime
    id: int

    def encode(self):
        """The cursor as a short query-string token, e.g. ``1795000000123456-812``."""
        delta = self.saved_at - EPOCH
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return f"{micros}-{self.id}"

    @classmethod
    def decode(cls, token):
        """Parse a token made by ``encode``; raise BadCursor for anything else."""
        match = CURSOR_PATTERN.fullmatch(token or "")
        if not match:
            raise BadCursor(token)
        micros, row_id = int(match.group(1)), int(match.group(2))
        if row_id < 1:
            raise BadCursor(token)
        # At most 17 digits of microseconds: always a valid date (before the year 5200).
        return cls(EPOCH + timedelta(microseconds=micros), row_id)


@dataclass
class Page:
    """One page of the archive and the cursor of the next, if there is one."""

    readings: list
    next_cursor: Cursor | None


def _saved_by(user):
    return [Reading.user_id == user.id, Reading.saved_at.is_not(None)]


def _after(saved_at, row_id, cursor):
    """Rows strictly after ``cursor`` in newest-first order of (saved_at, row_id)."""
    # "<= then tie-break" rather than a row-value comparison: both databases turn the
    # first term into an index range; the second only decides rows of the same second.
    return [
        saved_at <= cursor.saved_at,
        or_(saved_at < cursor.saved_at, and_(saved_at == cursor.saved_at, row_id < cursor.id)),
    ]


def page_query(user, filters=NO_FILTERS, after=None, size=PAGE_SIZE):
    """The SELECT for one page (one row more than ``size``, to learn whether more follow)."""
    if filters.card is not None:
        return _card_page_query(user, filters, after, size)
    conditions = _saved_by(user) + filters.reading_conditions()
    if after is not None:
        conditions += _after(Reading.saved_at, Reading.id, after)
    return (
        db.select(*LIST_COLUMNS)
        .with_hint(Reading, f"FORCE INDEX ({filters.readings_index()})", dialect_name="mysql")
        .where(*conditions)
        .order_by(Reading.saved_at.desc(), Reading.id.desc())
        .limit(size + 1)
    )


def _card_page_query(user, filters, after, size):
    """A page of the readings a card came up in, walking reading_cards' index in archive order."""
    drawn = ReadingCard
    conditions = [drawn.user_id == user.id, drawn.card == filters.card, *_saved_by(user),
                  *filters.reading_conditions()]
    if after is not None:
        conditions += _after(drawn.saved_at, drawn.reading_id, after)
    return (
        db.select(*LIST_COLUMNS)
        .select_from(drawn)
        .join(Reading, Reading.id == drawn.reading_id)
        .with_hint(drawn, "FORCE INDEX (ix_reading_cards_user_card_saved)", dialect_name="mysql")
        .where(*conditions)
        .order_by(drawn.saved_at.desc(), drawn.reading_id.desc())
        .limit(size + 1)
    )


def saved_page(user, filters=NO_FILTERS, after=None, size=PAGE_SIZE):
    """The user's saved readings matching ``filters`` after ``after`` (a Cursor or None), newest first."""
    # Plain rows, not Reading objects: a list shows them and changes nothing, and building
    # 21 ORM objects took longer than the query.
    rows = db.session.execute(page_query(user, filters, after, size)).all()
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        next_cursor = Cursor(rows[-1].saved_at, rows[-1].id)
    return Page(rows, next_cursor)


def saved_count(user):
    """How many readings the user keeps in the archive (for My page and the archive header)."""
    return db.session.execute(
        db.select(func.count(Reading.id)).where(*_saved_by(user))
    ).scalar_one()


def delete_reading(reading):
    """Delete the reading for good."""
    db.session.delete(reading)
    db.session.commit()


def first_line(text, limit=60):
    """The concern's first non-empty line, shortened to ``limit`` characters."""
    line = next((part.strip() for part in (text or "").splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
