"""The spreads (tarot/spreads.py): their places, labels and sections, and the parser for each."""

import pytest

from tarot.deck_schema import PLACES
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
