"""오늘의 카드 (the card of the day): one card a day per person, at /daily."""

from flask import Blueprint

bp = Blueprint("daily", __name__)

from . import views  # noqa: E402, F401
