"""What the archive is narrowed to: a topic, a card, a mood, words in the concern or note.

The filter state lives in the query string (``topic``, ``card`` as the card's slug, ``mood``,
``q``), so a filtered page can be bookmarked, shared with oneself, reloaded and paged
without JavaScript. Values the app did not offer (an unknown topic, card or mood) are
dropped and the rest of the filter still applies; words are normalised like any text a
person types, invisible characters removed, at most WORDS_MAX characters and MAX_WORDS words.
"""

from dataclasses import dataclass, replace

from ..deck import current_deck
from ..i18n import gettext as _
from ..journal.notes import MOODS
from ..models import Reading
from ..text import has_invisible_characters, normalize_user_text
from ..topics import TOPICS

WORDS_MAX = 100
MAX_WORDS = 5


@dataclass(frozen=True)
class Filters:
    """One archive view's filter; every field None or empty means "all"."""

    topic: str | None = None
    card: int | None = None  # the card's number, 0-77
    mood: str | None = None
    words: str = ""

    def __bool__(self):
        return any((self.topic, self.card is not None, self.mood, self.words))

    def but(self, **changes):
        """The same filter with some fields changed (``filters.but(topic=None)``)."""
        return replace(self, **changes)

    def query_args(self):
        """The filter as query-string fields, leaving out the empty ones."""
        args = {"topic": self.topic, "mood": self.mood, "q": self.words or None}
        if self.card is not None:
            args["card"] = current_deck()[self.card].slug
        return {key: value for key, value in args.items() if value}

    def search_words(self):
        """The words to look for, each of which must appear in the concern or the note."""
        return self.words.split()[:MAX_WORDS]

    def reading_conditions(self):
        """SQL conditions on ``readings`` for everything but the card."""
        conditions = []
        if self.topic:
            conditions.append(Reading.topic == self.topic)
        if self.mood:
            conditions.append(Reading.mood == self.mood)
        for word in self.search_words():
            # autoescape: a % or _ the person typed is looked for as itself, not as a wildcard
            conditions.append(
                Reading.concern.contains(word, autoescape=True) | Reading.note.contains(word, autoescape=True)
            )
        return conditions

    def readings_index(self):
        """The readings index a page of this filter walks (the card filter walks reading_cards')."""
        if self.mood:
            return "ix_readings_user_mood_saved"
        if self.topic:
            return "ix_readings_user_topic_saved"
        return "ix_readings_user_saved"


NO_FILTERS = Filters()


def clean_topic(raw):
    """A topic key from the query string, or None for all topics (unknown keys too)."""
    return raw if raw in TOPICS else None


def clean_card(raw):
    """A card number from its slug, or None (unknown slugs too)."""
    card = current_deck().by_slug(raw) if isinstance(raw, str) and raw else None
    return card.number if card else None


def clean_words(raw):
    """(words, notice): the search words as looked for, and a message if some were dropped."""
    text = normalize_user_text(raw if isinstance(raw, str) else "")
    notice = None
    text = " ".join("".join(ch for ch in text if not has_invisible_characters(ch)).split())
    if len(text) > WORDS_MAX:
        text = text[:WORDS_MAX].rstrip()
        notice = _("검색어는 %(max)d자까지만 써서 찾았어요.", max=WORDS_MAX)
    elif len(text.split()) > MAX_WORDS:
        notice = _("검색어는 앞의 %(max)d개 낱말로 찾았어요.", max=MAX_WORDS)
    return text, notice


def parse_filters(args):
    """(Filters, notice or None) from a query string or form (a MultiDict)."""
    words, notice = clean_words(args.get("q"))
    mood = args.get("mood")
    filters = Filters(
        topic=clean_topic(args.get("topic")), card=clean_card(args.get("card")),
        mood=mood if mood in MOODS else None, words=words,
    )
    return filters, notice
