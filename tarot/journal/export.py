"""Export: every saved reading of a user, with their notes, as JSON or a printable page.

Both formats are written while they are sent: readings are read EXPORT_BATCH at a time
(keyset on the saved time and id, oldest first, along ``ix_readings_user_saved``) as plain
rows that the session does not keep, turned into entries (``reading_entry``, the one shape
both formats use) and written out, so the memory an export takes does not grow with the
number of readings. docs/journal.md documents the JSON shape.
"""

import json
from datetime import datetime

from sqlalchemy import and_, or_

from ..deck import current_deck
from ..extensions import db
from ..models import Reading
from ..spreads import PLACE_LABELS, SECTION_LABELS, spread_of
from ..topics import topic_label
from ..urls import absolute_url
from .notes import mood_label

FORMAT = "tarot-milk-tea-journal"
VERSION = 1
EXPORT_BATCH = 200
COLUMNS = (
    Reading.id, Reading.public_id, Reading.topic, Reading.concern, Reading.locale, Reading.spread,
    Reading.cards, Reading.answer, Reading.interpreter, Reading.created_at, Reading.saved_at,
    Reading.note, Reading.mood, Reading.noted_at,
)


def iso(moment):
    """A stored (naive UTC) time as ISO 8601 with a Z, or None."""
    return moment.isoformat(timespec="seconds") + "Z" if isinstance(moment, datetime) else None


def saved_batches(user_id, size=EXPORT_BATCH):
    """The user's saved readings as rows, oldest first, ``size`` at a time."""
    after = None
    while True:
        conditions = [Reading.user_id == user_id, Reading.saved_at.is_not(None)]
        if after is not None:
            conditions += [Reading.saved_at >= after[0], or_(
                Reading.saved_at > after[0], and_(Reading.saved_at == after[0], Reading.id > after[1]))]
        rows = db.session.execute(
            db.select(*COLUMNS)
            .with_hint(Reading, "FORCE INDEX (ix_readings_user_saved)", dialect_name="mysql")
            .where(*conditions).order_by(Reading.saved_at, Reading.id).limit(size)
        ).all()
        if not rows:
            return
        yield rows
        after = (rows[-1].saved_at, rows[-1].id)


def _cards(cards, lang):
    deck = current_deck()
    entries = []
    for drawn in cards or []:
        card = deck[int(drawn["card"])]
        place = drawn.get("position")
        entries.append({
            "place": place, "place_label": str(PLACE_LABELS.get(place, place or "")),
            "card": card.number, "slug": card.slug, "name": card.name(lang),
            "reversed": bool(drawn.get("reversed")),
        })
    return entries


def _answer(answer, sections):
    """The answer's sections in the spread's order, each with its heading."""
    answer = answer or {}
    keys = [key for key in sections if key in answer] + [key for key in answer if key not in sections]
    return [
        {"section": key, "heading": str(SECTION_LABELS.get(key, key)), "text": answer[key]}
        for key in keys
    ]


def reading_entry(row, lang):
    """One saved reading as the export writes it (labels in ``lang``)."""
    return {
        "id": row.public_id,
        "url": absolute_url(f"/reading/{row.public_id}"),
        "topic": row.topic,
        "topic_label": topic_label(row.topic),
        "concern": row.concern,
        "language": row.locale,
        "spread": row.spread,
        "created_at": iso(row.created_at),
        "saved_at": iso(row.saved_at),
        "cards": _cards(row.cards, lang),
        "answer": _answer(row.answer, spread_of(row).sections),
        "interpreter": row.interpreter,
        "note": row.note,
        "mood": row.mood,
        "mood_label": mood_label(row.mood) or None,
        "noted_at": iso(row.noted_at),
    }


def entries(user_id, lang):
    """Every saved reading of the user as an entry, oldest first, read a batch at a time.

    For the printable page each entry also carries its times as datetimes
    (``created``, ``noted``), to be shown in the reader's language and time zone.
    """
    for rows in saved_batches(user_id):
        for row in rows:
            yield {**reading_entry(row, lang), "created": row.created_at, "noted": row.noted_at}


def json_chunks(user, lang, exported_at):
    """The JSON export, a piece at a time: a header object whose ``readings`` list follows."""
    header = {
        "format": FORMAT, "version": VERSION, "exported_at": iso(exported_at), "language": lang,
        "account": {"nickname": user.nickname},
    }
    yield json.dumps(header, ensure_ascii=False, indent=1)[:-2] + ',\n "readings": ['
    separator = "\n"
    for rows in saved_batches(user.id):
        yield separator + ",\n".join(
            json.dumps(reading_entry(row, lang), ensure_ascii=False) for row in rows
        )
        separator = ",\n"
    yield "\n ]\n}\n"


def filename(extension, day):
    """The download's name, e.g. ``tarot-milk-tea-journal-2026-12-06.json``."""
    return f"{FORMAT}-{day.isoformat()}.{extension}"
