"""Spreads: the ways cards are laid out, each with its places in order, the words for them and
the sections its answer is written in.

A reading row keeps its spread's key (``readings.spread``) and each card's place
(``readings.cards[i].position``); every module that needs a spread, a place or a section
asks here. Keys are stored in rows: never rename one.
"""

from dataclasses import dataclass, field

from .i18n import lazy_gettext as _l

# The places the deck writes a text for (``places`` of each card in seed/cards.yaml, checked
# by tarot/deck_schema.py): how the upright card reads there.
DECK_PLACES = ("past", "present", "future", "advice")

PLACE_LABELS = {
    "past": _l("과거"),
    "present": _l("현재"),
    "future": _l("미래"),
    "advice1": _l("조언 1"),
    "advice2": _l("조언 2"),
    "card": _l("나의 카드"),
    "me": _l("나의 모습"),
    "other": _l("상대의 모습"),
    "between": _l("우리 사이"),
    "outlook": _l("앞으로의 흐름"),
}

# The headings of an answer's sections.
SECTION_LABELS = {
    "greeting": _l("인사"),
    "past": _l("과거"),
    "present": _l("현재"),
    "future": _l("미래"),
    "advice": _l("조언"),
    "card": _l("카드의 메시지"),
    "me": _l("나의 모습"),
    "other": _l("상대의 모습"),
    "between": _l("우리 사이"),
    "outlook": _l("앞으로의 흐름"),
    "conclusion": _l("마무리"),
}


@dataclass(frozen=True)
class Spread:
    """A spread: its places in the order cards are picked, and its answer's sections.

    ``deck_places`` says which of the deck's place texts a place reads (DECK_PLACES); a
    place missing from it has no deck text of its own and is read from the card's meaning.
    ``read_in`` names the section a place is read in when that is not the place's own
    (the five-card spread reads both advice cards in one "advice" section). ``area`` is the
    deck topic a reading falls back on when neither its topic nor its concern names one.
    """

    key: str
    name: object
    summary: object
    count_label: object  # "다섯 장" / "five cards", for messages about picking
    places: tuple
    sections: tuple
    deck_places: dict = field(default_factory=dict)
    read_in: dict = field(default_factory=dict)
    area: str | None = None

    @property
    def size(self):
        return len(self.places)

    def section_of(self, place):
        """The answer section a place is read in."""
        return self.read_in.get(place, place)

    def deck_place(self, place):
        """The deck place text that reads a card in ``place``, or None."""
        return self.deck_places.get(place)


_SPREADS = (
    Spread(
        key="one-card", name=_l("한 장 뽑기"), count_label=_l("한 장"),
        summary=_l("질문 하나에 카드 한 장, 짧고 또렷한 답을 들어요."),
        places=("card",), sections=("greeting", "card", "conclusion"),
    ),
    Spread(
        key="three-card", name=_l("세 장: 과거·현재·미래"), count_label=_l("세 장"),
        summary=_l("일이 어디에서 와서 어디로 가는지, 흐름을 한눈에 봐요."),
        places=("past", "present", "future"),
        sections=("greeting", "past", "present", "future", "conclusion"),
        deck_places={"past": "past", "present": "present", "future": "future"},
    ),
    Spread(
        key="five-card", name=_l("다섯 장: 흐름과 조언"), count_label=_l("다섯 장"),
        summary=_l("흐름에 조언 두 장을 더해, 무엇을 하면 좋을지까지 자세히 봐요."),
        places=("past", "present", "future", "advice1", "advice2"),
        sections=("greeting", "past", "present", "future", "advice", "conclusion"),
        deck_places={"past": "past", "present": "present", "future": "future",
                     "advice1": "advice", "advice2": "advice"},
        read_in={"advice1": "advice", "advice2": "advice"},
    ),
    Spread(
        key="relationship", name=_l("관계: 나와 그 사람"), count_label=_l("네 장"),
        summary=_l("나와 그 사람, 두 사람 사이와 앞으로의 흐름을 살펴봐요."),
        places=("me", "other", "between", "outlook"),
        sections=("greeting", "me", "other", "between", "outlook", "conclusion"),
        area="love",
    ),
)

SPREADS = {spread.key: spread for spread in _SPREADS}
# What a reading is when it names no spread: the five-card spread, as every reading was
# before there were others (rows stored then say "five-card").
DEFAULT_SPREAD = "five-card"
# The five-card spread's places, which tests and benchmarks lay readings out in.
POSITIONS = SPREADS[DEFAULT_SPREAD].places


def get_spread(key):
    """The spread with this key, or None for a key that is not one."""
    return SPREADS.get(key) if isinstance(key, str) else None


def spread_of(reading):
    """The spread a reading (a row, or anything with ``spread``) was laid out in."""
    return SPREADS[reading.spread or DEFAULT_SPREAD]


def in_place_order(spread, cards):
    """The stored cards (dicts with ``position``) sorted into the spread's place order."""
    order = {place: index for index, place in enumerate(spread.places)}
    return sorted(cards, key=lambda card: order[card["position"]])
