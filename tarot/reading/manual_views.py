"""Views of a reading of one's own deck: /reading/manual (see tarot/reading/manual.py)."""

from flask import current_app, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import quota
from ..extensions import limiter
from ..i18n import current_lang
from ..spreads import DEFAULT_SPREAD, SPREADS, get_spread
from ..topics import TOPICS
from . import bp, manual, service


def _render(spread, values, errors=None, status=200):
    return render_template(
        "reading/manual.html", topics=TOPICS, spreads=SPREADS, spread=spread, values=values,
        errors=errors or {}, choices=manual.card_choices(current_lang()),
        concern_max=service.CONCERN_MAX, form_id=values.get("form_id") or manual.new_form_id(),
    ), status


def _values(source):
    """What the form held, to show it again: topic, concern, card names, reversed places."""
    return {
        "topic": source.get("topic", "") if source.get("topic") in TOPICS else "",
        "concern": (source.get("concern", "") or "")[:1000],
        "cards": [name[:manual.CARD_FIELD_MAX] for name in source.getlist("card")],
        "reversed": set(source.getlist("reversed")),
        "form_id": "".join(ch for ch in source.get("form_id", "")[:32] if ch.isalnum() or ch in "-_"),
    }


@bp.get("/reading/manual")
@login_required
def manual_form():
    """The form: a spread, then for each place a card (by name, either language) and reversed."""
    spread = get_spread(request.args.get("spread", DEFAULT_SPREAD)) or SPREADS[DEFAULT_SPREAD]
    return _render(spread, _values(request.args))


@bp.post("/reading/manual")
@limiter.shared_limit(lambda: current_app.config["READING_RATE_LIMIT"], scope="reading-requests")
@login_required
def manual_create():
    """Make the reading of the entered cards → 303 to its page; 422 with every problem."""
    values = _values(request.form)
    shown = get_spread(request.form.get("spread", "")) or SPREADS[DEFAULT_SPREAD]
    try:
        fields = manual.read_form(request.form)
    except service.ReadingFormError as exc:
        return _render(shown, values, exc.errors, 422)
    try:
        reading = manual.create_own_deck_reading(
            current_user, values["form_id"], fields, current_lang(), quota.daily_allowance(current_app.config)
        )
    except quota.QuotaExceeded as exc:
        body, status = _render(shown, values, {"limit": True}, 429)
        return body, status, {"Retry-After": str(exc.retry_after)}
    return redirect(url_for("reading.show", public_id=reading.public_id), code=303)
