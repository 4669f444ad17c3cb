"""Sharing a reading: share links (/s/<token>), the public page and its share image."""

from flask import Blueprint

bp = Blueprint("share", __name__)

from . import views  # noqa: E402, F401
