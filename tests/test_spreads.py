"""The spreads (tarot/spreads.py): their places, labels and sections, and the parser for each."""

import json
import random
import re

import pytest
from flask_babel import force_locale

from tarot.deck_schema import PLACES
from tarot.oracle import ReadingRequest, SpreadCard
from tarot.oracle.offline import OfflineInterpreter
from tarot.oracle.prompt import system_instruction, user_content
from tarot.oracle.sections import ALIASES, format_answer, parse_answer, split_sections
from tarot.spreads import (
    DEFAULT_SPREAD,
    PLACE_LABELS,
    SECTION_LABELS,
    SPREADS,
    get_spread,
    in_place_order,
    spread_of,
)
from tarot.topics import TOPICS


def test_the_five_card_spread_is_what_old_rows_hold():
    five = SPREADS["five-card"]
    assert DEFAULT_SPREAD == "five-card"
    assert five.places == ("past", "present", "future", "advice1", "advice2")
    assert five.sections == ("greeting", "past", "present", "future", "advice", "conclusion")
    assert [five.section_of(p) for p in five.places] == ["past", "present", "future", "advice", "advice"]


def test_the_spreads_offered():
    assert list(SPREADS) == ["one-card", "three-card", "five-card", "relationship"]
    assert [s.size for s in SPREADS.values()] == [1, 3, 5, 4]
    assert SPREADS["three-card"].places == ("past", "present", "future")
    assert SPREADS["relationship"].places == ("me", "other", "between", "outlook")


@pytest.mark.parametrize("key", list(SPREADS))
def test_every_place_and_section_has_words_and_every_place_is_read_in_a_section(app, key):
    spread = SPREADS[key]
    assert len(set(spread.places)) == spread.size
    assert spread.sections[0] == "greeting" and spread.sections[-1] == "conclusion"
    assert {spread.section_of(p) for p in spread.places} == set(spread.sections[1:-1])
    assert set(spread.deck_places.values()) <= set(PLACES)
    assert set(spread.deck_places) <= set(spread.places)
    with app.test_request_context():
        for text in (spread.name, spread.summary, spread.count_label,
                     *(PLACE_LABELS[p] for p in spread.places), *(SECTION_LABELS[s] for s in spread.sections)):
            assert str(text).strip()
    assert all(section in ALIASES for section in spread.sections)


@pytest.mark.parametrize("key", list(SPREADS))
def test_each_spreads_answer_parses_with_its_own_markers_and_korean_headings(app, key):
    sections = SPREADS[key].sections
    bodies = {s: f"{s} 본문이에요." for s in sections}
    assert parse_answer(format_answer(bodies), sections) == bodies
    with app.test_request_context():
        headed = "\n\n".join(f"## {SECTION_LABELS[s]}\n{bodies[s]}" for s in sections)
    assert parse_answer(headed, sections) == bodies
    assert parse_answer(format_answer({s: bodies[s] for s in sections[:-1]}), sections) is None


def test_another_spreads_marker_is_text_not_a_section():
    relationship = SPREADS["relationship"].sections
    text = "[[greeting]]\n안녕하세요.\n[[past]]\n지난 이야기예요.\n[[me]]\n나의 자리예요."
    assert split_sections(text, relationship) == [("greeting", "안녕하세요.\n[[past]]\n지난 이야기예요."),
                                                  ("me", "나의 자리예요.")]


def test_spread_of_a_row_and_cards_in_place_order():
    class Row:
        spread = "relationship"

    assert spread_of(Row()) is SPREADS["relationship"]
    Row.spread = None
    assert spread_of(Row()) is SPREADS["five-card"]
    assert get_spread("five-card") is SPREADS["five-card"]
    assert get_spread("six-card") is None and get_spread(None) is None and get_spread(["one-card"]) is None
    cards = [{"card": 3, "position": "outlook"}, {"card": 1, "position": "me"},
             {"card": 9, "position": "between"}, {"card": 2, "position": "other"}]
    assert [c["card"] for c in in_place_order(SPREADS["relationship"], cards)] == [1, 2, 9, 3]


CONCERNS = ("", "연락해도 될까요?", "그 사람 마음이 궁금해요", "언제쯤 좋아질까요?", "어떻게 하면 좋을까요?",
            "이직 고민이에요", "Should I text them?", "What should I focus on?")


def _request(app, key, lang, seed):
    deck = app.extensions["deck"]
    rng = random.Random(seed)
    numbers = rng.sample(range(78), SPREADS[key].size)
    cards = tuple(SpreadCard(place, deck[n], rng.random() < 0.5) for place, n in zip(SPREADS[key].places, numbers, strict=True))
    return ReadingRequest(topic=rng.choice(list(TOPICS)), concern=rng.choice(CONCERNS), nickname="밀크티",
                          lang=lang, cards=cards, seed=seed, spread=key)


@pytest.mark.parametrize("key", [k for k in SPREADS if k != DEFAULT_SPREAD])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_offline_reader_reads_each_spread_in_its_own_sections(app, key, lang):
    for seed in range(40):
        with app.test_request_context():
            request = _request(app, key, lang, seed)
            text = "".join(OfflineInterpreter().stream(request))
        sections = parse_answer(text, SPREADS[key].sections)
        assert sections is not None and list(sections) == list(SPREADS[key].sections), text
        assert all(len(body) > 40 for body in sections.values())
        # Only this spread's count of cards, never the five-card spread's words or a lost field.
        words = text
        for spread_card in request.cards:  # "Five of Wands" is a card, not a count
            words = re.sub(re.escape(spread_card.card.name(lang)), "", words, flags=re.IGNORECASE)
        assert not re.search(r"다섯|\b[Ff]ive\b|[{}]", words), text
        for spread_card in request.cards:  # each card is read in its own place's section
            assert spread_card.card.name(lang).lower() in sections[spread_card.position].lower()


@pytest.mark.parametrize("key", list(SPREADS))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_prompt_asks_for_the_spreads_sections_and_sends_its_places(app, key, lang):
    with app.test_request_context():
        request = _request(app, key, lang, 3)
        system = system_instruction(request)
        data = json.loads(user_content(request))
    markers = re.findall(r"\[\[(\w+)\]\]", system.split("\n   - ")[0])
    assert markers == list(SPREADS[key].sections)
    for section in SPREADS[key].sections:
        assert f"   - [[{section}]]:" in system
    assert not re.search(r"[{}]", system)
    count = {"one-card": ("한 장", "one card"), "three-card": ("세 장", "three cards"),
             "five-card": ("다섯 장", "five cards"), "relationship": ("네 장", "four cards")}[key]
    assert count[lang == "en"] in system
    with app.test_request_context(), force_locale(lang):
        assert [c["place"] for c in data["cards"]] == [str(PLACE_LABELS[p]) for p in SPREADS[key].places]
