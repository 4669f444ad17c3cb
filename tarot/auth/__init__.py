"""Sign-in with Kakao, GitHub and Google, demo sign-in, My page, privacy and terms."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import providers, views  # noqa: E402, F401

bp.record_once(lambda state: providers.init_app(state.app))
