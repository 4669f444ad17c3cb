"""Views of the guide blueprint: /guide and /guide/cards/<slug>."""

from flask import abort, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from ..deck import SUITS, TOPIC_KEYS, current_deck
from ..i18n import current_lang
from . import bp
from .pages import cached_fragment, page_response
from .search import QUERY_MAX, search_cards

SUIT_LABELS = {"wands": _l("완드"), "cups": _l("컵"), "swords": _l("소드"), "pentacles": _l("펜타클")}
ELEMENT_LABELS = {"fire": _l("불"), "water": _l("물"), "air": _l("공기"), "earth": _l("흙")}
COURT_LABELS = {1: _l("에이스"), 11: _l("페이지"), 12: _l("나이트"), 13: _l("퀸"), 14: _l("킹")}
ANSWER_LABELS = {"yes": _l("예"), "maybe": _l("글쎄요"), "no": _l("아니요")}
TOPIC_LABELS = {
    "love": _l("연애운"), "money": _l("금전운"), "work": _l("직장운"),
    "study": _l("학업운"), "health": _l("건강운"),
}


def rank_label(rank):
    """에이스, 2 … 10, 페이지, 나이트, 퀸, 킹."""
    return COURT_LABELS.get(rank) or str(rank)


def card_groups(deck):
    """The deck in groups for the index of all cards: the majors, then each suit."""
    groups = [(_l("메이저 아르카나"), deck.majors)]
    for suit in SUITS:
        cards = deck.suit(suit)
        groups.append((f"{SUIT_LABELS[suit]} ({ELEMENT_LABELS[cards[0].element]})", cards))
    return groups


def _labels():
    return {
        "suits": SUIT_LABELS, "elements": ELEMENT_LABELS, "topics": TOPIC_LABELS,
        "topic_keys": TOPIC_KEYS, "rank_label": rank_label, "suit_keys": SUITS,
        "answers": ANSWER_LABELS,
    }


def _is_htmx_partial():
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and not headers.get("HX-Boosted")
        and not headers.get("HX-History-Restore-Request")
    )


def _page(template, body_template, context, cache_name=None):
    """Render a guide page around its content; content without a cache_name is not kept."""

    def body():
        return render_template(body_template, **context)

    if cache_name:
        content = cached_fragment(cache_name, body)
    else:
        content = Markup(body())  # noqa: S704 - a rendered, autoescaped template
    return render_template(template, body=content, **context)


@bp.get("/guide")
def index():
    """About tarot, the major table and the minor grid; with ?q= the search results too.

    An htmx search request gets only the results partial, rendered by the same template
    the full page includes.
    """
    deck = current_deck()
    query = request.args.get("q", "")[:QUERY_MAX]
    context = {"deck": deck, "lang": current_lang(), "query": query, **_labels()}
    searching = "q" in request.args
    if searching:
        context["hits"] = search_cards(deck, query)
    if _is_htmx_partial():
        response = page_response("search", lambda: render_template("guide/_search.html", **context))
    else:
        response = page_response("index", lambda: _page(
            "guide/page.html", "guide/_page_body.html", context,
            cache_name=None if searching else "index",
        ))
    response.vary.add("HX-Request")
    return response


@bp.get("/guide/cards/<slug>")
def card(slug):
    """One card: its art, keywords, numerology, imagery, topic meanings and explanation."""
    deck = current_deck()
    card = deck.by_slug(slug)
    if card is None:
        abort(404)
    previous, following = deck.neighbours(card)
    lang = current_lang()
    name = card.name(lang)
    context = {
        "deck": deck, "card": card, "previous": previous, "following": following,
        "groups": card_groups(deck), "lang": lang, "name": name,
        "other_name": card.name("en" if lang != "en" else "ko"),
        "heading": _("%(n)d번 %(name)s", n=card.number, name=name) if card.is_major else name,
        **_labels(),
    }
    page_name = f"card:{slug}"
    return page_response(page_name, lambda: _page(
        "guide/card.html", "guide/_card_body.html", context, cache_name=page_name
    ))
