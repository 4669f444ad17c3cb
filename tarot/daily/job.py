"""The daily note's job kind: a daily_cards row read as the note's request, and the note
stored from the whole text (tarot/jobs.py runs it like a reading's answer)."""

import hashlib

from .. import jobs
from ..deck import current_deck
from ..models import DailyCard
from ..oracle.daily import NoteRequest, finish_note, get_note_interpreter

# error_kind of a note not written because the day's allowance was spent when it was drawn.
NOTE_REFUSED = "quota"


def build_request(row):
    """The note interpreter's view of a daily card row."""
    seed = int(hashlib.sha256(f"{row.user_id}:{row.day.isoformat()}".encode()).hexdigest()[:12], 16)
    return NoteRequest(
        day=row.day.isoformat(), nickname=row.user.nickname, lang=row.locale or "ko",
        card=current_deck()[row.card], reversed=bool(row.reversed), seed=seed,
    )


def finish(text):
    """The note to store, or None when the text holds none."""
    note = finish_note(text)
    return None if note is None else {"note": note}


DAILY_NOTE = jobs.register(jobs.JobKind(
    name="daily", table=DailyCard, build_request=build_request, interpreter=get_note_interpreter,
    finish=finish, describe=lambda row: f"{row.user_id}/{row.day.isoformat()}",
))
