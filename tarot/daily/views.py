"""Views of the daily blueprint: the card of the day and drawing it."""

from flask import make_response, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from ..deck import current_deck
from ..htmx import wants_fragment
from ..i18n import current_lang
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
               "next_card_at": service.next_card_at(day), "history": None}
    if shown is not None:
        card = shown.card
        context.update(
            name=card.name(lang), keywords=card.keywords(lang, shown.reversed),
            meaning=today_meaning(card, lang, shown.reversed),
            advice=card.advice(lang, shown.reversed),
        )
    if current_user.is_authenticated:
        context["history"] = service.history(current_user.id, day)
    return context


def _shown_card(day, sealed):
    """Today's card as this browser should see it: the account's, or the visitor cookie's."""
    if current_user.is_authenticated:
        row = service.find(current_user.id, day)
        return None if row is None else TodaysCard.of_row(row)
    if sealed is None:
        return None
    return TodaysCard(day, current_deck()[sealed.number], sealed.reversed)


@bp.get("/daily")
def page():
    """The card of the day: face down until drawn, then its art, meaning and advice."""
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
        row, _new = service.card_for_user(current_user, day, current_lang(), offered)
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
