"""The reading: topic and concern, shuffle, pick five, the answer arriving live, save."""

from flask import Blueprint

from ..oracle.sections import SECTIONS, split_sections
from ..topics import topic_label

bp = Blueprint("reading", __name__)


@bp.app_context_processor
def reading_helpers():
    from .messages import SECTION_HEADINGS, failure_message

    return {
        "topic_label": topic_label,
        "split_sections": split_sections,
        "answer_sections": SECTIONS,
        "failure_message": failure_message,
        "section_headings": SECTION_HEADINGS,
    }


from . import followup_views, views  # noqa: E402, F401
