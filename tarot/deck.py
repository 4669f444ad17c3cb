"""The deck: 78 cards loaded once from seed/cards.yaml, validated, immutable."""

import secrets
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from .suits import ELEMENTS, SUIT_ELEMENT, SUITS
from .topics import DECK_TOPICS as TOPIC_KEYS

LANGS = ("ko", "en")
ORIENTATIONS = ("upright", "reversed")
RANK_SLUGS = (
    "ace", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "page", "knight", "queen", "king",
)
DECK_SIZE = 78
MAJOR_COUNT = 22
TEXT_FIELDS = ("name", "astrology", "numerology", "imagery", "advice")
INTRO_SECTIONS = ("what", "history", "structure", "reading")


class DeckError(ValueError):
    """The deck file is broken; the message names the card and the field."""


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
    yes_no: str
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


def _expected_identity(number):
    """(arcana, suit, rank, slug-suffix) that a card number must have."""
    if number < MAJOR_COUNT:
        return "major", None, number
    suit_index, rank_index = divmod(number - MAJOR_COUNT, 14)
    return "minor", SUITS[suit_index], rank_index + 1


def _check_text(where, lang_text, errors):
    def need(ok, field):
        if not ok:
            errors.append(f"{where}: field '{field}' is missing or empty")

    for field in TEXT_FIELDS:
        value = lang_text.get(field)
        need(isinstance(value, str) and value.strip(), field)
    keywords = lang_text.get("keywords") or {}
    for o in ORIENTATIONS:
        words = keywords.get(o) if isinstance(keywords, dict) else None
        need(
            isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words),
            f"keywords.{o}",
        )
    paragraphs = lang_text.get("explanation")
    need(
        isinstance(paragraphs, list)
        and paragraphs
        and all(isinstance(p, str) and p.strip() for p in paragraphs),
        "explanation",
    )
    topics = lang_text.get("topics") or {}
    for topic in TOPIC_KEYS:
        meaning = topics.get(topic) if isinstance(topics, dict) else None
        for o in ORIENTATIONS:
            value = meaning.get(o) if isinstance(meaning, dict) else None
            need(isinstance(value, str) and value.strip(), f"topics.{topic}.{o}")


def _build_card(raw, errors):
    number = raw.get("number")
    if not isinstance(number, int) or not 0 <= number < DECK_SIZE:
        errors.append(f"card {raw.get('slug', '?')}: field 'number' must be 0-77, got {number!r}")
        return None
    where = f"card {number} ({raw.get('slug', '?')})"
    arcana, suit, rank = _expected_identity(number)
    if raw.get("arcana") != arcana:
        errors.append(f"{where}: field 'arcana' must be {arcana!r}, got {raw.get('arcana')!r}")
    if raw.get("suit") != suit:
        errors.append(f"{where}: field 'suit' must be {suit!r}, got {raw.get('suit')!r}")
    if raw.get("rank") != rank:
        errors.append(f"{where}: field 'rank' must be {rank!r}, got {raw.get('rank')!r}")
    slug = raw.get("slug")
    if not isinstance(slug, str) or not slug:
        errors.append(f"{where}: field 'slug' is missing or empty")
    elif suit and slug != f"{RANK_SLUGS[rank - 1]}-of-{suit}":
        errors.append(f"{where}: field 'slug' must be {RANK_SLUGS[rank - 1]}-of-{suit}")
    element = raw.get("element")
    if element not in ELEMENTS:
        errors.append(f"{where}: field 'element' must be one of {', '.join(ELEMENTS)}")
    elif suit and element != SUIT_ELEMENT[suit]:
        errors.append(f"{where}: field 'element' must be {SUIT_ELEMENT[suit]} for {suit}")
    if raw.get("yes_no") not in ("yes", "no", "maybe"):
        errors.append(f"{where}: field 'yes_no' must be yes, no or maybe")
    for lang in LANGS:
        lang_text = raw.get(lang)
        if not isinstance(lang_text, dict):
            errors.append(f"{where}: field '{lang}' is missing")
            continue
        _check_text(f"{where} [{lang}]", lang_text, errors)
    return Card(
        number=number,
        slug=slug,
        arcana=arcana,
        suit=suit,
        rank=rank,
        element=element,
        yes_no=raw.get("yes_no"),
        text=_freeze({lang: raw.get(lang) or {} for lang in LANGS}),
    )


def _check_intro(intro, errors):
    for lang in LANGS:
        sections = ((intro or {}).get(lang) or {}).get("sections") or []
        ids = [s.get("id") for s in sections if isinstance(s, dict)]
        if tuple(ids) != INTRO_SECTIONS:
            errors.append(f"intro [{lang}]: sections must be {', '.join(INTRO_SECTIONS)}")
            continue
        for section in sections:
            if not (section.get("title") or "").strip() or not section.get("paragraphs"):
                errors.append(f"intro [{lang}] {section['id']}: title and paragraphs are required")


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
    _check_intro(data.get("intro"), errors)
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
    """Load the deck at start (a broken file stops the start); current_deck() returns it."""
    try:
        app.extensions["deck"] = get_deck(app.config["DECK_PATH"])
    except (OSError, DeckError) as exc:
        raise SystemExit(f"tarot: {exc}") from None


def current_deck():
    from flask import current_app

    return current_app.extensions["deck"]
