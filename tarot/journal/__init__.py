"""The journal: notes and moods on saved readings, what my cards keep saying, and export."""

from flask import Blueprint

bp = Blueprint("journal", __name__)


@bp.app_context_processor
def journal_helpers():
    from .notes import MOODS, NOTE_MAX, asks_how_it_went, mood_emoji, mood_label

    return {
        "moods": MOODS, "note_max": NOTE_MAX, "mood_label": mood_label, "mood_emoji": mood_emoji,
        "asks_how_it_went": asks_how_it_went,
    }


from . import views  # noqa: E402, F401
