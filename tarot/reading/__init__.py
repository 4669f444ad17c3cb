"""The reading: topic and concern, shuffle, pick five, the answer arriving live, save."""

from flask import Blueprint

from ..oracle.sections import split_sections
from ..spreads import PLACE_LABELS, SECTION_LABELS, spread_of
from ..topics import topic_label

bp = Blueprint("reading", __name__)


@bp.app_context_processor
def reading_helpers():
    from .messages import failure_message

    return {
        "topic_label": topic_label,
        "split_sections": split_sections,
        "spread_of": spread_of,
        "failure_message": failure_message,
        "section_headings": SECTION_LABELS,  # lazy: a poll translates only what it shows
        "place_labels": PLACE_LABELS,
    }


from . import views  # noqa: E402, F401
