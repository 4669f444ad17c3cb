"""The cards of saved readings, one row each (``reading_cards``), for counting and finding.

A reading keeps its cards as JSON in its own row, in spread order, however many places its
spread has. Counting cards over thousands of readings, or finding the readings a card came
up in, needs them as rows with an index: saving a reading writes them here, in the same
transaction; deleting the reading or the account deletes them (foreign keys, ON DELETE
CASCADE). Migration 0008 wrote them for readings saved before.
"""

from sqlalchemy import insert

from ..extensions import db
from ..models import ReadingCard


def card_rows(reading_id, user_id, cards, saved_at):
    """Plain row dicts for ``reading_cards`` from a reading's cards, in the spread's order."""
    return [
        {"reading_id": reading_id, "place": place, "user_id": user_id, "card": int(drawn["card"]),
         "reversed": bool(drawn.get("reversed")), "saved_at": saved_at}
        for place, drawn in enumerate(cards or [])
    ]


def record_saved_cards(reading):
    """Add the saved reading's cards to ``reading_cards``; the caller commits.

    The reading must have its id and ``saved_at`` (flushed or loaded).
    """
    rows = card_rows(reading.id, reading.user_id, reading.cards, reading.saved_at)
    if rows:
        db.session.execute(insert(ReadingCard), rows)
