"""Views of follow-up questions: the questions and answers under a finished reading, and
asking one (tarot/reading/followups.py)."""

from flask import current_app, redirect, render_template, request, url_for
from flask_login import login_required

from .. import jobs, quota
from ..extensions import limiter
from ..htmx import wants_fragment
from ..i18n import current_lang
from ..i18n import gettext as _
from . import bp, followups
from .messages import waiting_message
from .views import _cards_of, _own_reading


@bp.app_context_processor
def followup_helpers():
    return {
        "question_max": followups.QUESTION_MAX,
        "questions_left": followups.questions_left,
        "followups_answering": followups.answering,
    }


@bp.get("/reading/<public_id>/followups")
@limiter.exempt  # polled every 600 ms while a question is answered, like the answer
@login_required
def followups_part(public_id):
    """The follow-up questions and their answers; it polls itself while one is answered."""
    reading = _own_reading(public_id)
    for followup in reading.followups:
        jobs.ensure_running(followup)
    return render_template("reading/_followups.html", reading=reading)


@bp.post("/reading/<public_id>/followups")
@limiter.shared_limit(lambda: current_app.config["READING_RATE_LIMIT"], scope="reading-requests")
@login_required
def ask(public_id):
    """Ask a question about the reading's cards (a counted model call, see tarot/quota.py)."""
    reading = _own_reading(public_id)
    question = (request.form.get("question") or "")[:1000]
    try:
        followups.ask(reading, question, current_lang(), quota.daily_allowance(current_app.config))
    except followups.FollowUpRefused as exc:
        return _refused(reading, question, exc.message, exc.status)
    except quota.QuotaExceeded as exc:
        message = _("오늘 받을 수 있는 AI 풀이를 모두 받았어요. 내일 다시 만나요! 카드 설명은 언제든 볼 수 있어요.")
        return _refused(reading, question, message, 429, {"Retry-After": str(exc.retry_after)})
    if wants_fragment():
        return render_template("reading/_followups.html", reading=reading)
    return redirect(url_for("reading.show", public_id=public_id, _anchor="followups"), code=303)


def _refused(reading, question, message, status, headers=None):
    """The follow-ups again with the question kept and why it was not taken."""
    context = {"reading": reading, "followup_question": question, "followup_error": message}
    if wants_fragment():
        body = render_template("reading/_followups.html", **context)
    else:
        body = render_template("reading/show.html", cards=_cards_of(reading), waiting=waiting_message(),
                               **context)
    return body, status, headers or {}
