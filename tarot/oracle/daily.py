"""The card of the day (오늘의 카드): what the card says today.

``today_meaning`` picks the deck's text that reads as "today".
"""

from ..korean import formatter
from .offline.cardtext import reversed_sense

# Every card's "present" place text opens with these words; the rest reads as today.
PRESENT_OPENINGS = {"ko": "현재 자리에서는 ", "en": "In the present position, "}


def _lang(lang):
    return "en" if lang == "en" else "ko"


def today_meaning(card, lang, reversed_):
    """What the card says about today in ``lang``.

    Upright: the card's "present" place text, said of the card ("바보는 바로 지금이 …",
    "The Fool says …"). Reversed: the reversed sense from its reversal paragraph.
    """
    lang = _lang(lang)
    if reversed_:
        return reversed_sense(card, lang)
    text = card.place_text("present", lang)
    opening = PRESENT_OPENINGS[lang]
    if not text.startswith(opening):
        return text
    rest = text[len(opening):]
    if lang == "en":
        return formatter.format("{rest!c}", rest=rest)
    return formatter.format("{name:은/는} {rest}", name=card.name(lang), rest=rest)
