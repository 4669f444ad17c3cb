"""Helpers for the reliability tests: a seeded reading, database snapshots, HTML elements."""

import hashlib
from html.parser import HTMLParser

from sqlalchemy import text

from tarot.extensions import db
from tarot.journal.cards import record_saved_cards
from tarot.models import Reading, ReadingShare, ReadingStatus, utcnow
from tarot.oracle.sections import SECTIONS
from tarot.spreads import POSITIONS

CARDS = [
    {"card": number, "reversed": number % 2 == 1, "position": position}
    for number, position in zip((0, 13, 21, 40, 77), POSITIONS, strict=True)
]


def seed_reading(app, user_id, concern="그 사람 마음이 궁금해요", answer=None, saved=True):
    """A finished reading of ``user_id``; returns its public id."""
    with app.app_context():
        reading = Reading(
            user_id=user_id, topic="love", concern=concern, cards=CARDS, locale="ko",
            status=ReadingStatus.DONE, answer=answer or {key: f"{key} 이야기예요." for key in SECTIONS},
            finished_at=utcnow(), saved_at=utcnow() if saved else None, interpreter="offline",
        )
        db.session.add(reading)
        db.session.flush()
        if saved:
            record_saved_cards(reading)  # as saving through the site does
        db.session.commit()
        return reading.public_id


def seed_share(app, public_id, **choices):
    """A share link of the reading with this public id; returns its token."""
    with app.app_context():
        reading_id = db.session.execute(
            db.select(Reading.id).filter_by(public_id=public_id)).scalar_one()
        link = ReadingShare(reading_id=reading_id, **choices)
        db.session.add(link)
        db.session.commit()
        return link.token


def snapshot(app):
    """A digest of every stored row, to compare before and after a request."""
    digest = hashlib.sha256()
    with app.app_context():
        for table in db.metadata.sorted_tables:
            rows = db.session.execute(text(f"SELECT * FROM {table.name} ORDER BY 1")).all()  # noqa: S608
            digest.update(f"{table.name}:{len(rows)}:{rows!r}".encode())
        db.session.remove()
    return digest.hexdigest()


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, as html.parser (a browser-like tokenizer) sees them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs)), dict(attrs)))

    handle_startendtag = handle_starttag

    def shape(self):
        """The page's elements and attribute names, without the attribute values."""
        return [(tag, names) for tag, names, _ in self.tags]

    def script_urls(self):
        """Attribute values that would run script if followed."""
        return [
            value for _, _, attrs in self.tags for value in attrs.values()
            if value and value.strip().lower().startswith(("javascript:", "data:text/html"))
        ]
