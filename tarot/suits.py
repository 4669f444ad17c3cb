"""The four suits of the minor arcana: their keys, elements and the words for them.

Every module that needs a suit's key, its element or its label imports it from here.
"""

from .i18n import lazy_gettext as _l

SUITS = ("wands", "cups", "swords", "pentacles")
ELEMENTS = ("fire", "water", "air", "earth")
SUIT_ELEMENT = {"wands": "fire", "cups": "water", "swords": "air", "pentacles": "earth"}

SUIT_LABELS = {"wands": _l("완드"), "cups": _l("컵"), "swords": _l("소드"), "pentacles": _l("펜타클")}
ELEMENT_LABELS = {"fire": _l("불"), "water": _l("물"), "air": _l("공기"), "earth": _l("흙")}

# What an element's cards speak of, as a phrase inside a sentence of a reading.
ELEMENT_REALMS = {
    "fire": _l("열정과 행동"), "water": _l("감정과 관계"), "air": _l("생각과 말"), "earth": _l("돈과 몸, 생활"),
}


MAJOR_LABEL = _l("메이저 아르카나")


def card_groups(deck):
    """[(label, cards)]: the major arcana, then each suit, in deck order (lists and pickers)."""
    return [(MAJOR_LABEL, deck.majors)] + [(SUIT_LABELS[suit], deck.suit(suit)) for suit in SUITS]
