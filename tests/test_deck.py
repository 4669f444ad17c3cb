"""The deck file, its validation, the deal, and the card art."""

import copy
import random
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tarot.config import PROJECT_ROOT
from tarot.deck import DeckError, load_deck, parse_deck

DECK_FILE = PROJECT_ROOT / "seed" / "cards.yaml"
CARDS_DIR = PROJECT_ROOT / "tarot" / "static" / "cards"


@pytest.fixture(scope="module")
def raw_deck():
    return yaml.load(DECK_FILE.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@pytest.fixture(scope="module")
def deck():
    return load_deck(DECK_FILE)


def test_the_deck_has_78_cards_in_order(deck):
    assert len(deck) == 78
    assert [c.number for c in deck] == list(range(78))
    assert deck[0].slug == "the-fool" and deck[21].slug == "the-world"
    assert deck[22].slug == "ace-of-wands" and deck[36].slug == "ace-of-cups"
    assert deck[50].slug == "ace-of-swords" and deck[77].slug == "king-of-pentacles"
    assert deck.by_slug("queen-of-swords").number == 62
    assert deck.by_slug("wheel-of-fortune").number == 10
    assert len({c.slug for c in deck}) == 78


def test_every_card_has_reversed_keywords_in_both_languages(deck):
    for card in deck:
        for lang in ("ko", "en"):
            assert card.keywords(lang, reversed_=True), (card.slug, lang)
            assert card.keywords(lang, reversed_=False), (card.slug, lang)
            assert 4 <= len(card.t(lang)["explanation"]) <= 6


def test_korean_names_and_texts_are_korean(deck):
    assert deck[0].name("ko") == "바보"
    assert deck[0].name("en") == "The Fool"
    for card in deck:
        assert any("\uac00" <= ch <= "\ud7a3" for ch in card.t("ko")["explanation"][0]), card.slug


def test_the_deck_is_immutable(deck):
    with pytest.raises(TypeError):
        deck[0].text["ko"]["name"] = "x"
    with pytest.raises((AttributeError, TypeError)):
        deck[0].slug = "other"
    with pytest.raises(TypeError):
        deck.cards[0] = deck.cards[1]


def test_intro_has_four_sections_in_both_languages(deck):
    for lang in ("ko", "en"):
        ids = [s["id"] for s in deck.intro[lang]["sections"]]
        assert ids == ["what", "history", "structure", "reading"]
    history = " ".join(deck.intro["en"]["sections"][1]["paragraphs"])
    for fact in ("Gébelin", "Etteilla", "Lévi", "Golden Dawn", "1909", "Jung"):
        assert fact in history


def _break(raw_deck, mutate):
    data = copy.deepcopy(raw_deck)
    mutate(data)
    with pytest.raises(DeckError) as exc:
        parse_deck(data)
    return str(exc.value)


def test_a_missing_field_is_named_with_its_card(raw_deck):
    def drop(data):
        del data["cards"][36]["ko"]["topics"]["love"]["reversed"]

    message = _break(raw_deck, drop)
    assert "card 36 (ace-of-cups) [ko]" in message
    assert "topics.love.reversed" in message


def test_an_empty_field_is_refused(raw_deck):
    def empty(data):
        data["cards"][5]["en"]["advice"]["reversed"] = "   "

    assert "card 5 (the-hierophant) [en]: field 'advice.reversed' is missing or empty" in _break(raw_deck, empty)


def test_advice_as_one_sentence_is_refused(raw_deck):
    """The old schema (one upright sentence) names both orientations as missing."""
    def flat(data):
        data["cards"][0]["ko"]["advice"] = "오늘 첫걸음을 내디뎌 보세요."

    message = _break(raw_deck, flat)
    assert "card 0 (the-fool) [ko]: field 'advice.upright' is missing or empty" in message
    assert "card 0 (the-fool) [ko]: field 'advice.reversed' is missing or empty" in message


@pytest.mark.parametrize("value", ["yes", {"upright": "yes"}, {"upright": "yes", "reversed": True}])
def test_a_yes_no_without_a_reversed_answer_is_refused(raw_deck, value):
    def wrong(data):
        data["cards"][16]["yes_no"] = value

    assert "card 16 (the-tower): field 'yes_no.reversed' must be yes, maybe or no" in _break(raw_deck, wrong)


@pytest.mark.parametrize("place", ["past", "present", "future", "advice"])
def test_a_missing_place_is_refused(raw_deck, place):
    def drop(data):
        del data["cards"][40]["en"]["places"][place]

    assert f"card 40 (five-of-cups) [en]: field 'places.{place}' is missing or empty" in _break(raw_deck, drop)


def test_places_that_are_not_a_mapping_are_refused(raw_deck):
    def flat(data):
        data["cards"][2]["ko"]["places"] = "과거에는 직감이 옳았어요."

    message = _break(raw_deck, flat)
    for place in ("past", "present", "future", "advice"):
        assert f"card 2 (the-high-priestess) [ko]: field 'places.{place}'" in message


def test_a_reversal_paragraph_that_does_not_speak_of_the_reversal_is_refused(raw_deck):
    def upright_only(data):
        data["cards"][7]["ko"]["explanation"][3] = "정방향의 전차는 방향과 힘이 모두 분명해요."
        data["cards"][7]["en"]["explanation"][3] = "Upright, both direction and power are clear."

    message = _break(raw_deck, upright_only)
    assert "card 7 (the-chariot) [ko]: field 'explanation[3]' must speak of the reversed card" in message
    assert "card 7 (the-chariot) [en]: field 'explanation[3]' must speak of the reversed card" in message


def test_an_explanation_shorter_than_four_paragraphs_is_refused(raw_deck):
    def short(data):
        del data["cards"][21]["en"]["explanation"][3:]

    assert "card 21 (the-world) [en]: field 'explanation' needs at least 4 paragraphs, has 3" in _break(raw_deck, short)


def test_a_duplicate_slug_is_refused(raw_deck):
    def dup(data):
        data["cards"][1]["slug"] = "the-fool"

    assert "card the-fool: field 'slug' is used twice" in _break(raw_deck, dup)


def test_a_wrong_suit_is_refused(raw_deck):
    def wrong(data):
        data["cards"][40]["suit"] = "swords"

    assert "card 40 (five-of-cups): field 'suit' must be 'cups'" in _break(raw_deck, wrong)


def test_a_missing_card_is_refused(raw_deck):
    def remove(data):
        del data["cards"][77]

    assert "cards missing: 77" in _break(raw_deck, remove)


def test_a_broken_file_stops_the_start(tmp_path, raw_deck):
    data = copy.deepcopy(raw_deck)
    data["cards"][3]["element"] = "aether"
    path = tmp_path / "cards.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    result = subprocess.run(
        [sys.executable, "-c", "from tarot import create_app; create_app()"],
        env={"TAROT_DECK_PATH": str(path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
             "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "card 3 (the-empress): field 'element'" in result.stderr
    assert "Traceback" not in result.stderr


def test_deal_gives_distinct_cards_with_both_orientations(deck):
    orientations = set()
    for _ in range(50):
        dealt = deck.deal(30)
        assert len(dealt) == 30
        assert len({d.number for d in dealt}) == 30
        assert all(0 <= d.number < 78 for d in dealt)
        orientations.update(d.reversed for d in dealt)
    assert orientations == {True, False}


def test_deal_frequencies_are_roughly_uniform(deck):
    """Chi-square over 2,000 deals of 30: expected 769 per card; the bound is generous."""
    counts = [0] * 78
    reversed_count = 0
    deals = 2000
    for _ in range(deals):
        for drawn in deck.deal(30):
            counts[drawn.number] += 1
            reversed_count += drawn.reversed
    expected = deals * 30 / 78
    chi_square = sum((c - expected) ** 2 / expected for c in counts)
    # 77 degrees of freedom: p = 0.0001 lies near 130; a biased deal lands far above.
    assert chi_square < 140, chi_square
    assert abs(reversed_count / (deals * 30) - 0.5) < 0.02


def test_deal_uses_a_cryptographic_source(deck, monkeypatch):
    """The default deal must not come from the module-level Mersenne Twister."""
    random.seed(1)
    first = [d.number for d in deck.deal(30)]
    random.seed(1)
    second = [d.number for d in deck.deal(30)]
    assert first != second


def test_every_card_has_art_that_parses_as_svg(deck):
    total = 0
    for card in deck:
        path = CARDS_DIR / f"{card.slug}.svg"
        data = path.read_bytes()
        total += len(data)
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        title = root.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and card.name("ko") in title.text
        assert len(data) <= 12 * 1024, (card.slug, len(data))
    ET.fromstring((CARDS_DIR / "back.svg").read_bytes())
    assert total <= 600 * 1024


def test_card_art_regenerates_identically():
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "tools" / "make_card_art.py"), "--check"],
        capture_output=True, text=True, timeout=120, check=False, cwd=PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_extra_art_files(deck):
    names = {p.name for p in Path(CARDS_DIR).glob("*.svg")}
    assert names == {f"{c.slug}.svg" for c in deck} | {"back.svg"}


def test_advice_and_answers_follow_the_orientation(deck):
    tower = deck.by_slug("the-tower")
    assert tower.advice("ko") == tower.t("ko")["advice"]["upright"]
    assert tower.advice("en", reversed_=True) == tower.t("en")["advice"]["reversed"]
    assert (tower.yes_no(), tower.yes_no(reversed_=True)) == ("no", "maybe")
    assert (deck.by_slug("five-of-cups").yes_no(), deck.by_slug("five-of-cups").yes_no(True)) == ("no", "maybe")
    with pytest.raises(TypeError):
        tower.answers["reversed"] = "yes"


def test_an_unknown_place_is_an_error(deck):
    with pytest.raises(ValueError, match="unknown place 'advice1'"):
        deck[0].place_text("advice1")


def test_place_texts_and_the_position_and_reversal_paragraphs(deck):
    fool = deck[0]
    assert fool.place_text("past") == fool.t("ko")["places"]["past"]
    assert fool.place_text("advice", "en") == fool.t("en")["places"]["advice"]
    assert fool.position_paragraph("en") == fool.t("en")["explanation"][2]
    assert fool.reversal_paragraph("ko") == fool.t("ko")["explanation"][3]
