"""The map of nearby tarot shops (주변 타로 점집) and the search behind it."""

from flask import Blueprint

bp = Blueprint("map", __name__)

from . import views  # noqa: E402, F401
