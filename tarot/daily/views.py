"""Views of the daily blueprint: the card of the day, drawing it, and its note."""

from flask import current_app, flash, make_response, redirect, render_template, url_for
from flask_babel import format_date
from flask_login import current_user, login_required

from .. import jobs, quota
from ..deck import current_deck
from ..extensions import limiter
from ..htmx import wants_fragment
from ..i18n import current_lang
from ..i18n import gettext as _
from ..oracle.daily import today_meaning
from . import bp, service, visitor
from .service import TodaysCard


def day_label(day, style="long"):
    """A day in the page's language: "2026년 11월 28일 토요일", "Sat, Nov 28"."""
    # The patterns are CLDR date patterns, translated like any text.
    pattern = _("yyyy년 M월 d일 EEEE") if style == "long" else _("M월 d일 (E)")
    return format_date(day, pattern)


def _context(day, shown, just_drawn=False):
    """What the page and its body partial show for ``day``."""
    lang = current_lang()
    context = {"day": day, "card": shown, "just_drawn": just_drawn, "day_label": day_label,
               "next_card_at": service.next_card_at(day), "history": None, "note": None}
    if shown is not None:
        card = shown.card
        context.update(
            name=card.name(lang), keywords=card.keywords(lang, shown.reversed),
            meaning=today_meaning(card, lang, shown.reversed),
            advice=card.advice(lang, shown.reversed), note=shown.row,
        )
    if current_user.is_authenticated:
        context["history"] = service.history(current_user.id, day)
    return context


def _shown_card(day, sealed):
    """Today's card as this browser should see it: the account's, or the visitor cookie's."""
    if current_user.is_authenticated:
        row = service.find(current_user.id, day)
        if row is None:
            return None
        jobs.ensure_running(row)
        return TodaysCard.of_row(row)
    if sealed is None:
        return None
    return TodaysCard(day, current_deck()[sealed.number], sealed.reversed)


@bp.get("/daily")
def page():
    """The card of the day: face down until drawn, then its art, meaning, advice (and note)."""
    day = service.today()
    sealed, refused = visitor.read(day)
    shown = _shown_card(day, sealed)
    response = make_response(render_template("daily/page.html", **_context(day, shown)))
    if refused:
        visitor.forget(response)
    if not current_user.is_authenticated:
        # The visitor's own card, in their cookie: never a shared cache's. The service
        # worker keeps a drawn card's page for offline use until X-Daily-Until (ms since
        # the epoch: the day's end in Seoul), and never past it.
        response.headers["Cache-Control"] = "private, no-cache"
        if shown is not None:
            until = service.next_card_at(day).timestamp()
            response.headers["X-Daily-Until"] = str(int(until * 1000))
    return response


@bp.post("/daily/draw")
def draw():
    """Turn today's card over: drawn the first time today, the same card after that."""
    day = service.today()
    sealed, refused = visitor.read(day)
    offered = (sealed.number, sealed.reversed) if sealed else None
    if current_user.is_authenticated:
        per_day = quota.daily_allowance(current_app.config)
        row, _new = service.card_for_user(current_user, day, current_lang(), per_day, offered)
        shown = TodaysCard.of_row(row)
    else:
        number, reversed_ = offered or service.draw()
        shown = TodaysCard(day, current_deck()[number], reversed_)
    if wants_fragment():
        body = render_template("daily/_body.html", **_context(day, shown, just_drawn=True))
        response = make_response(body)
    else:
        response = redirect(url_for("daily.page"), code=303)
    response.headers["Cache-Control"] = "private, no-store"
    if not current_user.is_authenticated and sealed is None:
        visitor.remember(response, day, shown.card.number, shown.reversed, service.next_card_at(day))
    elif refused:
        visitor.forget(response)
    return response


def _todays_row():
    return service.find(current_user.id, service.today())


@bp.get("/daily/note")
@limiter.exempt  # polled every 600 ms while the note is written
@login_required
def note():
    """The note partial; it polls itself until the note is written or has failed."""
    row = _todays_row()
    if row is not None:
        jobs.ensure_running(row)
    return render_template("daily/_note.html", note=row)


@bp.post("/daily/note/retry")
@limiter.shared_limit(lambda: current_app.config["READING_RATE_LIMIT"], scope="reading-requests")
@login_required
def retry_note():
    """Write a failed note again (a counted model call, like a reading's retry)."""
    row = _todays_row()
    refused, status, headers = None, 200, {}
    config = current_app.config
    if row is not None:
        try:
            service.retry_note(row, quota.daily_allowance(config), config["READING_RETRIES"])
        except quota.QuotaExceeded as exc:
            refused, status = _("오늘 받을 수 있는 AI 풀이를 모두 받았어요. 내일 다시 만나요!"), 429
            headers["Retry-After"] = str(exc.retry_after)
        except service.RetryLimitReached:
            refused, status = _("이 노트는 다시 시도할 수 있는 횟수를 모두 썼어요. 카드의 뜻과 조언은 그대로 볼 수 있어요."), 409
    if wants_fragment():
        return render_template("daily/_note.html", note=row, retry_refused=refused), status, headers
    if refused:
        flash(refused, "error")
    return redirect(url_for("daily.page"), code=303)
