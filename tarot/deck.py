"""The deck: 78 cards loaded once from seed/cards.yaml, validated, immutable."""

import secrets
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from .deck_schema import (
    DECK_SIZE,
    LANGS,
    MAJOR_COUNT,
    PLACES,
    POSITION_PARAGRAPH,
    REVERSAL_PARAGRAPH,
    SUITS,
    TOPIC_KEYS,
    DeckError,
    check_answers,
    check_identity,
    check_intro,
    check_texts,
    expected_identity,
)

__all__ = [
    "DECK_SIZE", "LANGS", "MAJOR_COUNT", "PLACES", "SUITS", "TOPIC_KEYS",
    "Card", "Deck", "DeckError", "DrawnCard", "current_deck", "get_deck", "init_app", "load_deck",
    "parse_deck",
]


def _freeze(value):
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class Card:
    """One card. ``text`` maps a language to its texts (name, keywords, topics …)."""

    number: int
    slug: str
    arcana: str
    suit: str | None
    rank: int
    element: str
    answers: MappingProxyType  # orientation -> "yes" | "maybe" | "no"
    text: MappingProxyType

    @property
    def is_major(self):
        return self.arcana == "major"

    def t(self, lang):
        """Texts in ``lang``, falling back to Korean."""
        return self.text.get(lang) or self.text["ko"]

    def name(self, lang="ko"):
        return self.t(lang)["name"]

    def keywords(self, lang="ko", reversed_=False):
        return self.t(lang)["keywords"]["reversed" if reversed_ else "upright"]

    def topic_meaning(self, topic, lang="ko", reversed_=False):
        return self.t(lang)["topics"][topic]["reversed" if reversed_ else "upright"]

    def advice(self, lang="ko", reversed_=False):
        """The card's one-line advice for this orientation."""
        return self.t(lang)["advice"]["reversed" if reversed_ else "upright"]

    def yes_no(self, reversed_=False):
        """The card's answer to a yes/no question in this orientation: yes, maybe or no."""
        return self.answers["reversed" if reversed_ else "upright"]

    def place_text(self, place, lang="ko"):
        """How the upright card reads in one place of a spread (past, present, future, advice)."""
        if place not in PLACES:
            raise ValueError(f"unknown place {place!r}; expected one of {', '.join(PLACES)}")
        return self.t(lang)["places"][place]

    def position_paragraph(self, lang="ko"):
        """The explanation paragraph that reads the card in the places of a spread."""
        return self.t(lang)["explanation"][POSITION_PARAGRAPH]

    def reversal_paragraph(self, lang="ko"):
        """The explanation paragraph that sets the reversed card against the upright one."""
        return self.t(lang)["explanation"][REVERSAL_PARAGRAPH]

    @property
    def image(self):
        return f"cards/{self.slug}.svg"


@dataclass(frozen=True)
class DrawnCard:
    """A card as dealt: the card's number and whether it lies reversed."""

    number: int
    reversed: bool


class Deck:
    """The 78 cards in deck order, with lookups by number and slug."""

    def __init__(self, cards, intro, version):
        self.cards = tuple(cards)
        self.intro = intro
        self.version = version
        self._by_slug = MappingProxyType({c.slug: c for c in self.cards})

    def __len__(self):
        return len(self.cards)

    def __iter__(self):
        return iter(self.cards)

    def __getitem__(self, number):
        return self.cards[number]

    def by_slug(self, slug):
        """The card with this slug, or None."""
        return self._by_slug.get(slug)

    @property
    def majors(self):
        return self.cards[:MAJOR_COUNT]

    def suit(self, suit):
        return tuple(c for c in self.cards if c.suit == suit)

    def neighbours(self, card):
        """(previous, next) in deck order, wrapping around."""
        n = len(self.cards)
        return self.cards[(card.number - 1) % n], self.cards[(card.number + 1) % n]

    def deal(self, count=30, rng=None):
        """Draw ``count`` distinct cards, each upright or reversed, from a CSPRNG."""
        rng = rng or secrets.SystemRandom()
        numbers = rng.sample(range(len(self.cards)), count)
        return [DrawnCard(n, rng.random() < 0.5) for n in numbers]


def _build_card(raw, errors):
    number = raw.get("number")
    if not isinstance(number, int) or not 0 <= number < DECK_SIZE:
        errors.append(f"card {raw.get('slug', '?')}: field 'number' must be 0-77, got {number!r}")
        return None
    where = f"card {number} ({raw.get('slug', '?')})"
    check_identity(where, raw, errors)
    check_answers(where, raw.get("yes_no"), errors)
    for lang in LANGS:
        lang_text = raw.get(lang)
        if not isinstance(lang_text, dict):
            errors.append(f"{where}: field '{lang}' is missing")
            continue
        check_texts(f"{where} [{lang}]", lang, lang_text, errors)
    arcana, suit, rank = expected_identity(number)
    return Card(
        number=number,
        slug=raw.get("slug"),
        arcana=arcana,
        suit=suit,
        rank=rank,
        element=raw.get("element"),
        answers=_freeze(raw.get("yes_no") if isinstance(raw.get("yes_no"), dict) else {}),
        text=_freeze({lang: raw.get(lang) or {} for lang in LANGS}),
    )


def parse_deck(data, version="dev"):
    """Validate parsed YAML and build the Deck; raise DeckError listing every problem."""
    if not isinstance(data, dict) or not isinstance(data.get("cards"), list):
        raise DeckError("deck file: top-level 'cards' list is missing")
    errors = []
    cards = [c for c in (_build_card(raw, errors) for raw in data["cards"]) if c]
    numbers = [c.number for c in cards]
    slugs = [c.slug for c in cards]
    for n in sorted({n for n in numbers if numbers.count(n) > 1}):
        errors.append(f"card {n}: field 'number' is used twice")
    for s in sorted({s for s in slugs if slugs.count(s) > 1}):
        errors.append(f"card {s}: field 'slug' is used twice")
    missing = sorted(set(range(DECK_SIZE)) - set(numbers))
    if missing:
        errors.append(f"deck: cards missing: {', '.join(map(str, missing))}")
    check_intro(data.get("intro"), errors)
    if errors:
        raise DeckError("deck file is invalid:\n  " + "\n  ".join(errors))
    cards.sort(key=lambda c: c.number)
    return Deck(cards, _freeze(data["intro"]), version)


def load_deck(path):
    """Read, validate and freeze the deck file at ``path``."""
    import hashlib

    raw = Path(path).read_bytes()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~8x faster
    try:
        data = yaml.load(raw, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise DeckError(f"deck file {path} is not valid YAML: {exc}") from exc
    return parse_deck(data, version=hashlib.sha256(raw).hexdigest()[:12])


_cache = {}


def get_deck(path):
    """The deck for ``path``, loaded once per process."""
    if path not in _cache:
        _cache[path] = load_deck(path)
    return _cache[path]


def init_app(app):
    """Load the deck at start (a broken file stops the start) and expose it as app.deck."""
    try:
        app.extensions["deck"] = get_deck(app.config["DECK_PATH"])
    except (OSError, DeckError) as exc:
        raise SystemExit(f"tarot: {exc}") from None


def current_deck():
    from flask import current_app

    return current_app.extensions["deck"]
