"""Follow-up questions about a finished reading: the request, and the interpreters that
answer it (Gemini with the follow-up prompt, or the offline reader).

A follow-up draws nothing: its answer is grounded in the reading's own cards (however many
places its spread has) and the reading's first answer. The answer is plain paragraphs, with
no section markers.
"""

import random
import re
from dataclasses import dataclass

from flask_babel import force_locale

from ..korean import formatter
from ..spreads import PLACE_LABELS
from . import ReadingRequest
from .offline import phrases_en

# Words that ask when, or what to do: the offline reader answers those a little differently.
_WHEN = re.compile(r"언제|시기|몇\s*월|며칠|얼마나|when|how long|how soon", re.IGNORECASE)
_MARKER_LINE = re.compile(r"^\s*\[\[[a-z0-9_]+\]\]\s*$", re.MULTILINE)

OFFLINE = {
    "ko": {
        "hello": "{nick}님, 같은 카드로 이 질문을 다시 살펴볼게요.",
        "when": "카드는 날짜를 정해 주지는 않아요. 대신 때가 무르익었다는 신호를 보여 줘요.",
        "focus": "{place} 자리의 {orientation} {card:은/는} ‘{first}’, ‘{second}’의 기운을 이야기해요.",
        "signal": "그 기운을 어떻게 다루느냐가 때를 알려 주는 신호예요. 마음이 한결 가벼워졌다고 느껴질 때 움직여 보세요.",
        "advice": "{place} 자리의 {card:이/가} 건네는 말도 함께 들어 보세요. {advice}",
        "close": "처음 풀이에서 읽은 흐름 위에서, 오늘은 ‘{keyword}’ 한 가지만 마음에 두어 주세요.",
        "upright": "정방향", "reversed": "역방향",
    },
    "en": {
        "hello": "{nick}, let's look at this question again with the same cards.",
        "when": "The cards don't set a date. What they show instead are the signs that the time is right.",
        "focus": "{card!c}, {orientation}, in the {place} place speaks of “{first}” and “{second}”.",
        "signal": "How you meet that is the sign to watch: move when your heart feels lighter about it.",
        "advice": "Listen, too, to what {card} in the {place} place has to say. {advice}",
        "close": "On top of what the first reading found, keep just one word with you today: “{keyword}”.",
        "upright": "upright", "reversed": "reversed",
    },
}


@dataclass(frozen=True)
class FollowUpRequest:
    """What a follow-up's interpreter needs: the reading as the reader saw it (in the
    question's language), the reading's first answer, the earlier questions, this question."""

    reading: ReadingRequest
    first_answer: dict  # the reading's sections, in order
    earlier: tuple  # ((question, answer), ...) asked before this one, in order
    question: str

    @property
    def lang(self):
        return self.reading.lang

    @property
    def seed(self):
        return self.reading.seed + len(self.earlier) + 1


def clean_answer(text):
    """The answer as stored: stray section markers dropped, blank runs closed; "" when empty."""
    text = _MARKER_LINE.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class OfflineFollowUp:
    """Answers a follow-up from the deck's text for the reading's cards, with no outside service."""

    name = "offline"
    model = "offline"

    def compose(self, request):
        """The answer's paragraphs, in the question's language."""
        lang = "en" if request.lang == "en" else "ko"
        words = OFFLINE[lang]
        rng = random.Random(request.seed)
        cards = list(request.reading.cards)
        advice = [c for c in cards if c.position.startswith("advice")] or cards[-1:]
        focus = next((c for c in cards if c.position == "future"), cards[-1])
        with force_locale(lang):
            def fields(spread_card):
                name = spread_card.card.name(lang)
                return {"place": str(PLACE_LABELS[spread_card.position]),
                        "card": phrases_en.in_sentence(name) if lang == "en" else name,
                        "orientation": words["reversed" if spread_card.reversed else "upright"]}

            first, second = rng.sample(list(focus.card.keywords(lang, focus.reversed))[:4], 2)
            opening = [words["hello"].format(nick=request.reading.nickname)]
            if _WHEN.search(request.question):
                opening.append(words["when"])
            middle = [formatter.format(words["focus"], first=first, second=second, **fields(focus))]
            if _WHEN.search(request.question):
                middle.append(words["signal"])
            chosen = rng.choice(advice)
            middle.append(formatter.format(words["advice"], advice=chosen.card.advice(lang, chosen.reversed),
                                           **fields(chosen)))
            close = words["close"].format(keyword=rng.choice(chosen.card.keywords(lang, chosen.reversed)))
        return [" ".join(opening), " ".join(middle), close]

    def stream(self, request):
        """Yield the composed answer sentence by sentence."""
        text = "\n\n".join(self.compose(request))
        for piece in re.split(r"(?<=[.!?\n])", text):
            if piece:
                yield piece


def get_interpreter(config):
    """Gemini with the follow-up prompt when ``config`` has a key, otherwise the offline reader."""
    if config.get("GEMINI_API_KEY"):
        from . import followup_prompt
        from .gemini import GeminiInterpreter

        return GeminiInterpreter.from_config(config, prompt=followup_prompt)
    return OfflineFollowUp()
