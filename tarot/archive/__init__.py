"""The archive blueprint: saved readings, opened again or deleted."""

from flask import Blueprint

bp = Blueprint("archive", __name__)


@bp.app_context_processor
def archive_helpers():
    from .service import saved_count

    return {"saved_count": saved_count}


from . import views  # noqa: E402, F401
