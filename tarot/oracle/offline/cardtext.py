"""The deck's own text as the offline reader uses it: a card's sense when it lies reversed."""

import re

# Words that mark where a reversal paragraph turns to the reversed card.
REVERSAL_MARKERS = {"ko": ("역방향", "뒤집", "거꾸로"), "en": ("everse", "upside")}
REVERSED_SENTENCES = 3


def sentences(text):
    """Split a paragraph into sentences at ., ! or ? followed by a space."""
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def reversed_sense(card, lang):
    """What the card means reversed, from its reversal paragraph: the sentences from the first
    that speaks of the reversal (the paragraph often opens with the upright card), at most
    three."""
    found = sentences(card.reversal_paragraph(lang))
    markers = REVERSAL_MARKERS.get(lang, REVERSAL_MARKERS["ko"])
    start = next((i for i, s in enumerate(found) if any(m in s for m in markers)), 0)
    return " ".join(found[start:start + REVERSED_SENTENCES])
