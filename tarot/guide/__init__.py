"""The card guide: about tarot, the major table, the minor grid and a page per card."""

from flask import Blueprint

bp = Blueprint("guide", __name__)

from . import views  # noqa: E402, F401
