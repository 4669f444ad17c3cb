"""What a card in seed/cards.yaml must hold; every problem is named by card and field."""

from .spreads import DECK_PLACES as PLACES
from .suits import ELEMENTS, SUIT_ELEMENT, SUITS
from .topics import DECK_TOPICS as TOPIC_KEYS

LANGS = ("ko", "en")
ORIENTATIONS = ("upright", "reversed")
ANSWERS = ("yes", "maybe", "no")
RANK_SLUGS = (
    "ace", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "page", "knight", "queen", "king",
)
DECK_SIZE = 78
MAJOR_COUNT = 22
TEXT_FIELDS = ("name", "astrology", "numerology", "imagery")
INTRO_SECTIONS = ("what", "history", "structure", "reading")
# explanation[2] reads the card in the places of a spread; explanation[3] sets the reversed
# card against the upright one, so it must name the reversal in its own language.
POSITION_PARAGRAPH = 2
REVERSAL_PARAGRAPH = 3
REVERSAL_MARKERS = {"ko": ("역방향", "뒤집"), "en": ("everse",)}


class DeckError(ValueError):
    """The deck file is broken; the message names the card and the field."""


def _filled(value):
    return isinstance(value, str) and bool(value.strip())


def _by_orientation(value):
    return {o: value.get(o) for o in ORIENTATIONS} if isinstance(value, dict) else dict.fromkeys(ORIENTATIONS)


def expected_identity(number):
    """(arcana, suit, rank) that a card number must have."""
    if number < MAJOR_COUNT:
        return "major", None, number
    suit_index, rank_index = divmod(number - MAJOR_COUNT, 14)
    return "minor", SUITS[suit_index], rank_index + 1


def _check_explanation(where, lang, paragraphs, errors):
    if not (isinstance(paragraphs, list) and paragraphs and all(_filled(p) for p in paragraphs)):
        errors.append(f"{where}: field 'explanation' is missing or empty")
        return
    if len(paragraphs) <= REVERSAL_PARAGRAPH:
        errors.append(f"{where}: field 'explanation' needs at least 4 paragraphs, has {len(paragraphs)}")
        return
    markers = REVERSAL_MARKERS[lang]
    if not any(m in paragraphs[REVERSAL_PARAGRAPH] for m in markers):
        errors.append(
            f"{where}: field 'explanation[{REVERSAL_PARAGRAPH}]' must speak of the reversed card "
            f"(contain {' or '.join(markers)})"
        )


def check_texts(where, lang, lang_text, errors):
    """Append to ``errors`` every missing or malformed text of one card in one language."""
    def need(ok, field):
        if not ok:
            errors.append(f"{where}: field '{field}' is missing or empty")

    for field in TEXT_FIELDS:
        need(_filled(lang_text.get(field)), field)
    for o, words in _by_orientation(lang_text.get("keywords")).items():
        need(isinstance(words, list) and words and all(_filled(w) for w in words), f"keywords.{o}")
    for o, advice in _by_orientation(lang_text.get("advice")).items():
        need(_filled(advice), f"advice.{o}")
    places = lang_text.get("places")
    for place in PLACES:
        need(_filled(places.get(place) if isinstance(places, dict) else None), f"places.{place}")
    _check_explanation(where, lang, lang_text.get("explanation"), errors)
    topics = lang_text.get("topics") or {}
    for topic in TOPIC_KEYS:
        meaning = topics.get(topic) if isinstance(topics, dict) else None
        for o, value in _by_orientation(meaning).items():
            need(_filled(value), f"topics.{topic}.{o}")


def check_answers(where, yes_no, errors):
    """Append an error for each orientation whose yes/no answer is not yes, maybe or no."""
    for o, answer in _by_orientation(yes_no).items():
        if answer not in ANSWERS:
            errors.append(f"{where}: field 'yes_no.{o}' must be yes, maybe or no, got {answer!r}")


def check_identity(where, raw, errors):
    """Append an error for each of arcana, suit, rank, slug and element that does not fit the number."""
    arcana, suit, rank = expected_identity(raw["number"])
    for field, expected in (("arcana", arcana), ("suit", suit), ("rank", rank)):
        if raw.get(field) != expected:
            errors.append(f"{where}: field '{field}' must be {expected!r}, got {raw.get(field)!r}")
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


def check_intro(intro, errors):
    """Append an error for each language whose intro sections are missing or out of order."""
    for lang in LANGS:
        sections = ((intro or {}).get(lang) or {}).get("sections") or []
        ids = [s.get("id") for s in sections if isinstance(s, dict)]
        if tuple(ids) != INTRO_SECTIONS:
            errors.append(f"intro [{lang}]: sections must be {', '.join(INTRO_SECTIONS)}")
            continue
        for section in sections:
            if not (section.get("title") or "").strip() or not section.get("paragraphs"):
                errors.append(f"intro [{lang}] {section['id']}: title and paragraphs are required")
