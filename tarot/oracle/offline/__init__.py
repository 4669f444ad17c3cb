"""The offline interpreter: a complete reading in its spread's sections composed from the deck's own text.

Used when no Gemini key is set. It reads the concern (tarot/oracle/concern.py), the shape of
the spread (shape.py) and each card in its place, and one writer (writer.py) puts it into
words from the reading language's phrase table (phrases_ko.py, phrases_en.py).
"""

import re

from flask_babel import force_locale

from ..sections import format_answer
from . import phrases_en, phrases_ko
from .writer import Writer

TABLES = {"ko": phrases_ko, "en": phrases_en}


class OfflineInterpreter:
    """Composes a reading from the deck text, with no outside service."""

    name = "offline"
    model = "offline"

    def compose(self, request):
        """The request's spread's sections as a dict, in the reading's language."""
        lang = request.lang if request.lang in TABLES else "ko"
        with force_locale(lang):
            writer = Writer(request, TABLES[lang])
            sections = {"greeting": writer.greeting()}
            for spread_card in writer.read_cards:  # each place in the request's order
                sections[spread_card.position] = writer.place(spread_card.position)
            if writer.advice_cards:
                sections["advice"] = writer.advice()
            sections["conclusion"] = writer.conclusion()
            return sections

    def stream(self, request):
        """Yield the composed reading sentence by sentence, in the marker format."""
        text = format_answer(self.compose(request))
        for piece in re.split(r"(?<=[.!?\n])", text):
            if piece:
                yield piece
