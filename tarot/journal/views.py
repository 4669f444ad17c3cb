"""Views of the journal: a note on a saved reading, my cards (/archive/stats), export."""

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    stream_template,
    stream_with_context,
    url_for,
)
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required

from ..extensions import limiter
from ..htmx import wants_fragment
from ..i18n import current_lang
from ..i18n import gettext as _
from ..models import utcnow
from ..readings import get_owned
from ..security import allow
from . import bp, charts, export, notes, stats
from .report import export_style, stats_charts, today_in_seoul

PRIVATE = {"Cache-Control": "private, no-store"}


def _own_saved_reading(public_id):
    """The signed-in user's reading; 404 for anyone else's or none."""
    reading = get_owned(public_id, current_user)
    if reading is None:
        abort(404)
    return reading


def _note_answer(reading, message=None, error=None, draft=None, status=200):
    """The note partial for htmx; without JavaScript, back to the reading (or the form again)."""
    context = {"reading": reading, "note_message": message, "note_error": error, "note_draft": draft}
    if wants_fragment():
        return render_template("reading/_notes.html", **context), status
    if error:  # the form again, with what was typed, rather than losing it in a redirect
        return render_template("journal/note_form.html", **context), status
    flash(message, "success")
    return redirect(url_for("reading.show", public_id=reading.public_id, _anchor="journal-note"), code=303)


def _refused_unsaved(reading):
    return _note_answer(reading, error=_("보관함에 저장한 풀이에만 메모를 남길 수 있어요."), status=409)


@bp.post("/reading/<public_id>/note")
@login_required
def save_note(public_id):
    """Write (or rewrite) the note and mood of a saved reading."""
    reading = _own_saved_reading(public_id)
    if reading.saved_at is None:
        return _refused_unsaved(reading)
    draft = {"note": request.form.get("note", ""), "mood": request.form.get("mood", "")}
    try:
        note, mood = notes.validate(draft["note"], draft["mood"])
    except notes.NoteError as exc:
        return _note_answer(reading, error=str(exc), draft=draft, status=422)
    notes.save_note(reading, note, mood)
    return _note_answer(reading, message=_("메모를 저장했어요."))


@bp.post("/reading/<public_id>/note/delete")
@login_required
def delete_note(public_id):
    """Remove the note and mood of a reading (the reading stays)."""
    reading = _own_saved_reading(public_id)
    if reading.saved_at is None:
        return _refused_unsaved(reading)
    removed = notes.delete_note(reading)
    return _note_answer(reading, message=_("메모를 지웠어요.") if removed else _("지울 메모가 없어요."))


@bp.get("/archive/stats", endpoint="stats")
@login_required
def stats_page():
    """My cards: what the user's saved readings keep saying, in charts and tables."""
    numbers = stats.journal_stats(current_user)
    return render_template(
        "journal/stats.html", stats=numbers, charts=stats_charts(numbers), layout=charts,
        recent_days=stats.RECENT_DAYS, returning_at_least=stats.RETURNING_AT_LEAST,
    ), 200, PRIVATE


def _download(body, mimetype, extension):
    name = export.filename(extension, today_in_seoul())
    headers = {**PRIVATE, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, mimetype=mimetype, headers=headers)


def _exporter():
    """Whom the export limit counts: the signed-in user (on any device), else the address."""
    return f"user-{current_user.id}" if current_user.is_authenticated else get_remote_address()


# Both formats draw on one allowance: an export reads every saved reading.
export_limit = limiter.shared_limit(
    lambda: current_app.config["EXPORT_RATE_LIMIT"], scope="journal-export", key_func=_exporter
)


@bp.get("/archive/export.json")
@export_limit
@login_required
def export_json():
    """Every saved reading with its note, as one JSON document (docs/journal.md)."""
    chunks = export.json_chunks(current_user, current_lang(), utcnow())
    return _download(stream_with_context(chunks), "application/json", "json")


@bp.get("/archive/export.html")
@export_limit
@login_required
def export_html():
    """Every saved reading with its note, as one printable page that needs nothing else."""
    style, digest = export_style()
    allow("style-src", f"'sha256-{digest}'")
    body = stream_template(  # streamed within the request's context, like stream_with_context
        "journal/export.html", entries=export.entries(current_user.id, current_lang()),
        style=style, exported_at=utcnow(), nickname=current_user.nickname,
    )
    return _download(body, "text/html", "html")
