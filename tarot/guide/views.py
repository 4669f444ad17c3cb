"""Views of the guide blueprint: /guide and /guide/cards/<slug>."""

from flask import abort, render_template, request

from ..deck import current_deck
from ..fragments import kept_page
from ..htmx import wants_fragment
from ..i18n import current_lang
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..shared_pages import respond
from ..suits import ELEMENT_LABELS, SUIT_LABELS, SUITS
from ..topics import DECK_TOPIC_LABELS, DECK_TOPICS
from . import bp
from .search import QUERY_MAX, search_cards

COURT_LABELS = {1: _l("에이스"), 11: _l("페이지"), 12: _l("나이트"), 13: _l("퀸"), 14: _l("킹")}
ANSWER_LABELS = {"yes": _l("예"), "maybe": _l("글쎄요"), "no": _l("아니요")}


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
        "suits": SUIT_LABELS, "elements": ELEMENT_LABELS, "topics": DECK_TOPIC_LABELS,
        "topic_keys": DECK_TOPICS, "rank_label": rank_label, "suit_keys": SUITS,
        "answers": ANSWER_LABELS,
    }


@bp.get("/guide")
def index():
    """About tarot, the major table and the minor grid; with ?q= the search results too.

    An htmx search request gets only the results partial, rendered by the same template
    the full page includes.
    """
    deck = current_deck()
    query = request.args.get("q", "")[:QUERY_MAX]
    context = {"deck": deck, "lang": current_lang(), "query": query, **_labels()}
    if "q" in request.args:
        context["hits"] = search_cards(deck, query)
    if wants_fragment():
        html = render_template("guide/_search.html", **context)
    else:
        html = kept_page(("guide",), lambda: render_template("guide/page.html", **context))
    response = respond(html)
    response.vary.add("HX-Request")
    return response


@bp.get("/guide/cards/<slug>")
def card(slug):
    """One card: its art, keywords, numerology, imagery, topic meanings and explanation."""
    deck = current_deck()
    card = deck.by_slug(slug)
    if card is None:
        abort(404)
    return respond(kept_page(("guide-card", slug), lambda: _card_page(deck, card)))


def _card_page(deck, card):
    previous, following = deck.neighbours(card)
    lang = current_lang()
    name = card.name(lang)
    return render_template(
        "guide/card.html", deck=deck, card=card, previous=previous, following=following,
        groups=card_groups(deck), lang=lang, name=name,
        other_name=card.name("en" if lang != "en" else "ko"),
        heading=_("%(n)d번 %(name)s", n=card.number, name=name) if card.is_major else name,
        **_labels(),
    )
