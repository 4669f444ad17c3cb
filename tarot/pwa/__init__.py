"""The installable app: manifest, service worker, offline page (README.md, "The installable app")."""

from flask import Blueprint

bp = Blueprint("pwa", __name__)


@bp.record_once
def _compute_build_version(state):
    from .build import compute_build_version

    state.app.extensions["pwa_build"] = compute_build_version(state.app.config["DECK_PATH"])


from . import views  # noqa: E402, F401
