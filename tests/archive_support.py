"""Seeding saved readings for the archive tests and the benchmark."""

from datetime import datetime, timedelta

from sqlalchemy import insert

from tarot.extensions import db
from tarot.journal.cards import card_rows
from tarot.models import Reading, ReadingCard, new_public_id
from tarot.oracle.sections import SECTIONS
from tarot.spreads import POSITIONS

BASE_TIME = datetime(2026, 11, 26, 6, 5)  # 15:05 in Seoul


def reading_row(user_id, index, topic="love", saved_at=None, created_at=None, concern=None):
    """A finished reading as a plain row dict (for bulk inserts)."""
    created = created_at or BASE_TIME + timedelta(minutes=index)
    return {
        "public_id": new_public_id(),
        "user_id": user_id,
        "topic": topic,
        "concern": f"고민 {index}번째\n둘째 줄은 목록에 안 보여요" if concern is None else concern,
        "locale": "ko",
        "spread": "five-card",
        "cards": [
            {"card": (index + n * 7) % 78, "reversed": n % 2 == 1, "position": position}
            for n, position in enumerate(POSITIONS)
        ],
        "status": "done",
        "answer": {key: f"{key} 풀이 {index}" for key in SECTIONS},
        "interpreter": "offline",
        "attempts": 1,
        "created_at": created,
        "finished_at": created,
        "saved_at": saved_at,
    }


def seed_saved(app, user_id, count, topics=("love",), start=BASE_TIME, step=timedelta(minutes=1)):
    """Insert ``count`` saved readings, the i-th saved at start + i*step; return their public ids
    in insertion order."""
    rows = [
        reading_row(user_id, i, topic=topics[i % len(topics)], saved_at=start + i * step)
        for i in range(count)
    ]
    with app.app_context():
        for chunk in range(0, len(rows), 1000):
            db.session.execute(insert(Reading), rows[chunk:chunk + 1000])
        add_saved_cards(user_id, rows)
        db.session.commit()
    return [row["public_id"] for row in rows]


def add_saved_cards(user_id, rows):
    """The ``reading_cards`` rows that saving these (inserted, saved) readings writes."""
    ids = dict(db.session.execute(db.select(Reading.public_id, Reading.id).filter_by(user_id=user_id)).all())
    cards = [
        card for row in rows if row["saved_at"] is not None
        for card in card_rows(ids[row["public_id"]], user_id, row["cards"], row["saved_at"])
    ]
    for chunk in range(0, len(cards), 5000):
        db.session.execute(insert(ReadingCard), cards[chunk:chunk + 5000])
