"""Finding cards by name or keyword, in Korean or English."""

from dataclasses import dataclass
from functools import cache

from ..deck import LANGS

QUERY_MAX = 40


@dataclass(frozen=True)
class Hit:
    """A card that matched: by its name or not, and the keywords that contain the query."""

    card: object
    by_name: bool
    keywords: tuple


def normalise(query):
    """The query as matched: trimmed, inner spaces collapsed, case folded, length capped."""
    return " ".join((query or "").split())[:QUERY_MAX].casefold()


@cache
def _index(deck):
    """Per card: its names and its (language, keyword) pairs, case folded. Built once per deck."""
    entries = []
    for card in deck:
        names = tuple(card.name(lang).casefold() for lang in LANGS)
        keywords = tuple(
            (lang, word, word.casefold())
            for lang in LANGS
            for reversed_ in (False, True)
            for word in card.keywords(lang, reversed_)
        )
        entries.append((card, names, keywords))
    return tuple(entries)


def search_cards(deck, query):
    """Cards whose name or keywords (upright or reversed, any language) contain the query.

    Name matches come first, then keyword matches, each in deck order.
    """
    needle = normalise(query)
    if not needle:
        return []
    named, keyworded = [], []
    for card, names, keywords in _index(deck):
        matched = tuple(dict.fromkeys(word for _, word, folded in keywords if needle in folded))
        if any(needle in name for name in names):
            named.append(Hit(card, True, matched))
        elif matched:
            keyworded.append(Hit(card, False, matched))
    return named + keyworded
