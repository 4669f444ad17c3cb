"""Notes on saved readings: a few lines of what happened since, and how it feels.

A note is the owner's free text (at most NOTE_MAX characters, NFC, no invisible control
characters) with an optional mood from MOODS. It lives in the reading's own row
(``note``, ``mood``, ``noted_at``), so it goes wherever the reading goes: into the
archive list, the export, and out of the database with the reading or the account.
"""

from datetime import timedelta

from ..extensions import db
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import utcnow
from ..text import has_invisible_characters, normalize_user_text

NOTE_MAX = 2000
# After this long, a saved reading without a note asks how things turned out.
FOLLOW_UP_AFTER = timedelta(days=7)

# key → (emoji, words). The words are the mood; the emoji only decorates them.
MOODS = {
    "hopeful": ("🌱", _l("설레요")),
    "calm": ("🍵", _l("차분해요")),
    "grateful": ("🌷", _l("고마워요")),
    "unsure": ("🌫️", _l("헷갈려요")),
    "anxious": ("🌧️", _l("불안해요")),
    "down": ("💧", _l("속상해요")),
}


class NoteError(ValueError):
    """A note or mood that cannot be stored; the message says why, for the user."""


def mood_label(key):
    """The mood's words in the current language, or "" for no (or an unknown) mood."""
    return str(MOODS[key][1]) if key in MOODS else ""


def mood_emoji(key):
    return MOODS[key][0] if key in MOODS else ""


def clean_note(raw):
    """The note as stored: NFC, unified newlines, trimmed. Raises NoteError when refused."""
    text = normalize_user_text(raw)
    if has_invisible_characters(text):
        raise NoteError(_("보이지 않는 특수 문자는 쓸 수 없어요. 다시 적어 주세요."))
    if len(text) > NOTE_MAX:
        raise NoteError(_("메모는 %(max)s자까지 적을 수 있어요. 지금 %(count)s자예요.",
                          max=f"{NOTE_MAX:,}", count=f"{len(text):,}"))
    return text


def clean_mood(raw):
    """A mood key, or None for "no mood" (an empty value). Raises NoteError for anything else."""
    if raw in (None, ""):
        return None
    if raw not in MOODS:
        raise NoteError(_("고를 수 있는 기분 중에서 골라 주세요."))
    return raw


def validate(note, mood):
    """(note, mood) as they would be stored; raises NoteError when refused or when both are empty."""
    note, mood = clean_note(note), clean_mood(mood)
    if not note and mood is None:
        raise NoteError(_("메모를 적거나 기분을 하나 골라 주세요."))
    return note, mood


def save_note(reading, note, mood):
    """Write the (already validated) note and mood on the reading."""
    reading.note = note or None
    reading.mood = mood
    reading.noted_at = utcnow()
    db.session.commit()


def delete_note(reading):
    """Remove the note and mood; False when there was none."""
    if reading.note is None and reading.mood is None:
        return False
    reading.note = reading.mood = reading.noted_at = None
    db.session.commit()
    return True


def asks_how_it_went(reading, now=None):
    """True for a saved reading older than FOLLOW_UP_AFTER that has neither note nor mood."""
    if reading.saved_at is None or reading.note or reading.mood:
        return False
    return (now or utcnow()) - reading.created_at >= FOLLOW_UP_AFTER
