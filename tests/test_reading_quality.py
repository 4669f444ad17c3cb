"""The offline reader read as a person would read it, over a corpus of readings.

56 readings per language: all seven topics, each with eight concerns of different kinds
(yes/no about getting in touch, when, how, what, open, none, another person's heart, a job
change), each on a spread of its own. Every reading must answer its concern's subject, read
each card in its place, choose Korean particles right and count reversed cards in good English;
and no sentence of the reader's own (not the deck's text) may appear in more than one reading
in five, so the readings do not read like one form filled in.
"""

import random
import re
from collections import Counter

import pytest

from tarot.korean import particle_errors
from tarot.oracle import ReadingRequest, SpreadCard
from tarot.oracle.concern import analyse, reading_area
from tarot.oracle.offline import OfflineInterpreter, phrases_en, phrases_ko
from tarot.oracle.offline.cardtext import reversed_sense, sentences
from tarot.spreads import PLACE_LABELS, POSITIONS
from tarot.suits import ELEMENT_REALMS
from tarot.topics import TOPIC_PHRASES, TOPICS

CONCERNS = {
    "ko": ["헤어진 그 사람에게 다시 연락해도 될까요?", "언제쯤 연락이 올까요?", "어떻게 하면 시험에 합격할 수 있을까요?",
           "요즘 회사 일이 너무 버거워요", "", "올해 이직해도 될까요?", "그 사람이 나를 좋아할까요?",
           "돈 관리에서 무엇을 먼저 챙겨야 할까요?"],
    "en": ["Should I text my ex again?", "When will he call me back?", "How can I pass my exam?",
           "I feel stuck at work.", "", "Should I quit my job this year?", "Does she still love me?",
           "What should I focus on with money?"],
}
# Words that show a reading talks about the concern's subject (its own words or synonyms).
SUBJECT_WORDS = {
    "ko": {"contact": ("연락",), "exam": ("시험",), "career": ("회사", "직장"), "job_change": ("이직", "직장"),
           "feelings": ("마음",), "money": ("돈",)},
    "en": {"contact": ("in touch", "contact", "text"), "exam": ("exam",), "career": ("work", "job"),
           "job_change": ("job", "move"), "feelings": ("feel", "heart"), "money": ("money",)},
}
NICKNAMES = {"ko": "밀크티", "en": "Milk"}
LIMIT = 1 / 5  # the largest share of readings one of the reader's own sentences may appear in


def corpus(app, lang):
    """(request, sections) for every topic × concern, each on its own deterministic spread."""
    deck = app.extensions["deck"]
    readings = []
    for index, (topic, concern) in enumerate((t, c) for t in TOPICS for c in CONCERNS[lang]):
        rng = random.Random(f"{lang}-{index}")
        numbers = rng.sample(range(len(deck)), 5)
        cards = tuple(SpreadCard(p, deck[n], rng.random() < 0.5) for p, n in zip(POSITIONS, numbers, strict=True))
        request = ReadingRequest(topic=topic, concern=concern, nickname=NICKNAMES[lang], lang=lang,
                                 cards=cards, seed=rng.getrandbits(48))
        with app.test_request_context():
            readings.append((request, OfflineInterpreter().compose(request)))
    return readings


@pytest.fixture(scope="module")
def readings(make_app_module):
    app = make_app_module()
    return {lang: corpus(app, lang) for lang in ("ko", "en")}


@pytest.fixture(scope="module")
def make_app_module(database_url):
    from tarot import create_app
    from tests.conftest import _base_config

    return lambda: create_app(_base_config(database_url))


def split_sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?…])\s+|\n+", text) if s.strip()]


def card_text_sentences(request, lang):
    """Every sentence of the drawn cards' own text that a reading can quote."""
    found = set()
    for spread_card in request.cards:
        card = spread_card.card
        texts = [card.place_text(place, lang) for place in ("past", "present", "future", "advice")]
        texts += [card.advice(lang, r) for r in (False, True)]
        texts += [card.topic_meaning(t, lang, r) for t in ("love", "money", "work", "study", "health") for r in (False, True)]
        texts += [reversed_sense(card, lang)]
        for text in texts:
            found.update(s for s in sentences(text) if len(s) >= 8)
    return found


def test_the_corpus_is_big_and_every_spread_differs(readings):
    for lang, corpus_ in readings.items():
        assert len(corpus_) >= 50
        spreads = {tuple((c.card.number, c.reversed) for c in request.cards) for request, _ in corpus_}
        assert len(spreads) == len(corpus_), lang
        assert {request.topic for request, _ in corpus_} == set(TOPICS)
        assert {analyse(request.concern).kind for request, _ in corpus_} >= {"yes_no", "when", "how", "what", "open", "none"}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_reading_addresses_its_concerns_subject(readings, lang):
    checked = 0
    for request, sections in readings[lang]:
        concern = analyse(request.concern)
        if concern.subject is None:
            continue
        words = SUBJECT_WORDS[lang][concern.subject]
        # The concern is quoted in the greeting; the reader's own words must name it too.
        said = (sections["greeting"] + " " + sections["conclusion"]).replace(request.concern, "")
        assert any(word in said for word in words), (request.concern, said)
        checked += 1
    assert checked >= 5 * len(TOPICS)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_place_reads_its_card_as_that_place(readings, lang):
    for request, sections in readings[lang]:
        area = reading_area(request.topic, analyse(request.concern))
        for spread_card in request.cards:
            card, reversed_, position = spread_card.card, spread_card.reversed, spread_card.position
            if position.startswith("advice"):
                section = sections["advice"]
                expected = card.advice(lang, True) if reversed_ else card.place_text("advice", lang)
                assert expected in section, (position, card.slug)
                continue
            section = sections[position]
            expected = reversed_sense(card, lang) if reversed_ else card.place_text(position, lang)
            assert expected in section, (position, card.slug, reversed_)
            others = [p for p in ("past", "present", "future") if p != position]
            assert not any(card.place_text(p, lang) in section for p in others), (position, card.slug)
            if area and position != "past":
                assert card.topic_meaning(area, lang, reversed_) in section, (position, card.slug)
                assert card.topic_meaning(area, lang, not reversed_) not in section


def test_korean_particles_fit_everywhere(readings, app):
    deck = app.extensions["deck"]
    with app.test_request_context():
        words = {str(w) for w in (*TOPICS.values(), *TOPIC_PHRASES.values(), *PLACE_LABELS.values(),
                                  *ELEMENT_REALMS.values())}
    words |= {card.name("ko") for card in deck}
    words |= {w for card in deck for r in (False, True) for w in card.keywords("ko", r)}
    words |= {noun for noun, _ in phrases_ko.SUBJECTS.values()}
    errors = []
    for _request, sections in readings["ko"]:
        text = " ".join(sections.values())
        errors += particle_errors(text, words)
        assert "오늘은 오늘" not in text
    assert not errors


# English sentences that count cards wrongly: digits for counts, or a verb that disagrees.
BAD_ENGLISH_COUNTS = [
    r"\b[0-5] (of the five|cards?)\b", r"\bone of the five cards are\b", r"\b(two|three|four|five) of the five cards is\b",
    r"\bone cards\b", r"\b(two|three|four|five) card\b(?!s)", r"(?<!of the )\b(two|three|four|five) cards is\b",
    r"\b(a|one|single) card are\b",
    r"\ball five cards is\b", r"\bone card(, [^,]+,)? are\b",
]
EXPECTED_COUNT_WORDS = {0: ("upright", "not a single"), 1: ("one",), 2: ("two",), 3: ("three",), 4: ("four", "every card but"),
                        5: ("all five", "every card")}


def reversed_sentences(conclusion):
    return [s for s in split_sentences(conclusion) if re.search(r"reversed|upright", s, re.I)]


def test_english_counts_reversed_cards_in_good_grammar_for_zero_to_five(app):
    deck = app.extensions["deck"]
    for count in range(6):
        seen_templates = set()
        for seed in range(40):
            flags = tuple(i < count for i in range(5))
            cards = tuple(SpreadCard(p, deck[(seed * 7 + i * 13) % 78], r) for i, (p, r) in enumerate(zip(POSITIONS, flags, strict=True)))
            request = ReadingRequest(topic="love", concern="", nickname="Milk", lang="en", cards=cards, seed=seed)
            with app.test_request_context():
                conclusion = OfflineInterpreter().compose(request)["conclusion"]
            said = " ".join(reversed_sentences(conclusion)).lower()
            assert any(word in said for word in EXPECTED_COUNT_WORDS[count]), (count, said)
            for pattern in BAD_ENGLISH_COUNTS:
                assert not re.search(pattern, said), (pattern, said)
            seen_templates |= {t for t in phrases_en.PHRASES[f"reversed.{count}"] if t.split("{")[0].lower() in said}
        assert len(seen_templates) == len(phrases_en.PHRASES[f"reversed.{count}"]), count  # every wording checked


def test_the_english_reversed_count_check_catches_bad_grammar():
    for bad in ("1 of the five cards are reversed.", "One of the five cards are reversed.",
                "Two of the five cards is reversed.", "All five cards is reversed."):
        assert any(re.search(p, bad.lower()) for p in BAD_ENGLISH_COUNTS), bad


def shares(corpus_, lang):
    """For each sentence of the reader's own, the share of readings it appears in."""
    seen = Counter()
    for request, sections in corpus_:
        own = set()
        deck_text = card_text_sentences(request, lang)
        for body in sections.values():
            for sentence in split_sentences(body):
                if not any(quoted in sentence for quoted in deck_text):
                    own.add(sentence)
        seen.update(own)
    return {sentence: count / len(corpus_) for sentence, count in seen.items()}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_sentence_of_the_readers_own_is_in_more_than_one_reading_in_five(readings, lang):
    measured = shares(readings[lang], lang)
    assert len(measured) > 20 * len(readings[lang])  # the reader's own words are most of a reading
    worst = sorted(measured.items(), key=lambda item: -item[1])[:5]
    print(f"\n{lang}: largest shares {[(round(share, 3), s[:40]) for s, share in worst]}")
    assert worst[0][1] <= LIMIT, worst
