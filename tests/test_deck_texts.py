"""The deck's texts: what every card says in each place and orientation, and one way to write
things (one spelling for 수트, a card's own name, no near-duplicate topic or advice lines)."""

import copy
import difflib
import re
from collections import Counter

import pytest
import yaml

from tarot.config import PROJECT_ROOT
from tarot.deck import parse_deck

PLACE_WORDS = {
    "ko": {"past": "과거", "present": "현재", "future": "미래", "advice": "조언"},
    "en": {"past": "past", "present": "present", "future": "future", "advice": "advice"},
}


@pytest.fixture(scope="module")
def raw_deck():
    raw = (PROJECT_ROOT / "seed" / "cards.yaml").read_bytes()
    return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@pytest.fixture(scope="module")
def deck(raw_deck):
    return parse_deck(copy.deepcopy(raw_deck))


def test_every_card_has_its_own_reversed_advice_and_a_considered_reversed_answer(deck):
    for card in deck:
        for lang in ("ko", "en"):
            assert card.advice(lang, reversed_=True) != card.advice(lang), (card.slug, lang)
        assert card.yes_no() in ("yes", "maybe", "no") and card.yes_no(True) in ("yes", "maybe", "no")
    # Not one step towards "no" for every card: some reversals lift the answer.
    rank = {"no": 0, "maybe": 1, "yes": 2}
    lifted = [c.slug for c in deck if rank[c.yes_no(True)] > rank[c.yes_no()]]
    assert {"the-tower", "five-of-cups", "four-of-cups", "eight-of-swords"} <= set(lifted)


def test_each_place_text_names_its_place_and_differs_from_the_others(deck):
    for card in deck:
        for lang, words in PLACE_WORDS.items():
            texts = [card.place_text(place, lang) for place in words]
            assert len(set(texts)) == 4, (card.slug, lang)
            for place, word in words.items():
                assert word in card.place_text(place, lang).lower(), (card.slug, lang, place)


def test_every_position_paragraph_names_the_places_and_every_reversal_paragraph_the_reversal(deck):
    for card in deck:
        for lang, words in PLACE_WORDS.items():
            paragraph = card.position_paragraph(lang)
            assert all(word in paragraph for word in words.values()), (card.slug, lang)
        assert any(m in card.reversal_paragraph("ko") for m in ("역방향", "뒤집")), card.slug
        assert "everse" in card.reversal_paragraph("en"), card.slug


def _texts(raw_deck, lang):
    """(where, text) for every text of the deck in ``lang``: each card's fields and the intro."""
    def walk(value, where):
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]")

    for card in raw_deck["cards"]:
        fields = {k: v for k, v in card[lang].items() if k != "name"}
        yield from walk(fields, card["slug"])
    yield from walk(raw_deck["intro"][lang], "intro")


def test_korean_texts_spell_suit_one_way(raw_deck):
    texts = list(_texts(raw_deck, "ko"))
    assert [where for where, text in texts if "슈트" in text] == []
    assert any("수트" in text for _, text in texts)


def _name_variants(raw_deck, lang):
    """Patterns for ways of writing a card's name other than its ``name``, built from the names.

    Minor cards: the suit and the rank of each name rearranged ("완드의 9", "9번 완드", "완드 9번",
    "Nine of wands", "9 of Wands", "Wands Nine"); an Ace also as 1. Major cards: one word of a
    longer name standing alone ("수레바퀴" for 운명의 수레바퀴, "the Wheel" for Wheel of Fortune).
    """
    patterns = []
    for card in raw_deck["cards"]:
        name = card[lang]["name"]
        if card["suit"]:
            if lang == "ko":
                suit, rank = name.split(" ")
                ranks = [re.escape(rank)] + (["1"] if card["rank"] == 1 else [])
                for r in ranks:
                    patterns += [
                        rf"{suit}\s*의\s*{r}(?!\d)", rf"(?<!\d){r}\s*번\s*{suit}", rf"{suit}\s*{r}\s*번(?!째)",
                        rf"{suit}{r}(?!\d)", rf"(?<![\d가-힣]){r}\s+{suit}",
                    ] + ([rf"{suit}\s+{r}(?!\d)"] if r == "1" else [])
            else:
                rank, suit = name.split(" of ")
                patterns += [
                    rf"(?i:\b{rank}\s+of\s+{suit}s?\b)(?<!{name})", rf"\b{rank} of {suit[:-1]}\b",
                    rf"(?i:\b{card['rank']}\s+of\s+{suit}\b)", rf"\b{suit}\s+(?:{rank}|{card['rank']})\b",
                ] + ([rf"\bOne of {suit}\b"] if card["rank"] == 1 else [])
        elif " " in name.removeprefix("The "):
            patterns += _major_variants(name.removeprefix("The ").split(" "), lang)
    return [re.compile(p) for p in patterns]


def _major_variants(words, lang):
    """A Korean name's last word alone (Korean has no capitals, so only a long head noun is
    distinctive); in English, "the", "a" or "our" before one capitalised word of the name
    that does not go on into the rest of it ("the Wheel", "a reversed Priestess")."""
    if lang == "ko":
        head = words[-1]
        return [rf"(?<!{' '.join(words[:-1])} ){head}"] if len(head) >= 3 else []
    article = r"\b(?:[Tt]he|[Aa]n?|[Oo]ur)\s+(?:(?:upright|reversed)\s+)?"
    return [
        article + rf"{word}\b" + (rf"(?! {' '.join(words[i + 1:])})" if i + 1 < len(words) else "")
        for i, word in enumerate(words) if word[0].isupper()
    ]


def _name_variant_hits(raw_deck, lang):
    patterns = _name_variants(raw_deck, lang)
    return [(where, m.group(0)) for where, text in _texts(raw_deck, lang)
            for pattern in patterns for m in pattern.finditer(text)]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_card_mentioned_in_a_text_goes_by_its_own_name(raw_deck, lang):
    assert _name_variant_hits(raw_deck, lang) == []


@pytest.mark.parametrize(("lang", "planted"), [
    ("ko", ["완드의 9", "9번 완드", "컵 퀸번", "소드의 1", "에이스 펜타클", "컵2", "수레바퀴가 돌아요"]),
    ("en", ["Nine of wands", "9 of Wands", "Cups Queen", "Ace of Cup", "One of Swords", "the Wheel turns",
            "the Priestess", "the Hanged one"]),
])
def test_the_name_check_finds_planted_variants(raw_deck, lang, planted):
    data = copy.deepcopy(raw_deck)
    data["cards"][30][lang]["imagery"] += " " + " / ".join(planted)
    found = [text for where, text in _name_variant_hits(data, lang) if where == "nine-of-wands.imagery"]
    assert len(found) == len(planted), found
    assert _name_variant_hits(data, lang)  # and the rest of the deck stays clean


# Two topic or advice lines are near-duplicates when a sentence of one and a sentence of the
# other, lower-cased with spaces and punctuation removed, are identical or have a difflib ratio
# of at least this. (Lines that are near-duplicates as a whole share such a sentence.)
SIMILAR = 0.8


def _normalised(text):
    return re.sub(r"[\W_]+", "", text).casefold()


def _topic_and_advice_pieces(raw_deck, lang):
    """(where, normalised sentence) for every sentence of every topic meaning and advice line."""
    pieces = []
    for card in raw_deck["cards"]:
        text = card[lang]
        lines = [(f"topics.{t}.{o}", v) for t, meaning in text["topics"].items() for o, v in meaning.items()]
        lines += [(f"advice.{o}", v) for o, v in text["advice"].items()]
        for field, line in lines:
            sentences = re.split(r"(?<=[.!?])\s+", line.strip())
            pieces += [(f"{card['slug']} {field}", _normalised(s)) for s in sentences]
    return pieces


def _near_duplicates(raw_deck, lang, threshold=SIMILAR):
    """Pairs of lines that share a near-identical sentence. difflib's two cheap upper bounds (by
    length, by characters in common) skip the pairs that cannot reach the threshold."""
    pieces = sorted(_topic_and_advice_pieces(raw_deck, lang), key=lambda piece: len(piece[1]))
    counts = [Counter(text) for _, text in pieces]
    found = set()
    for i, (where_a, a) in enumerate(pieces):
        for j in range(i + 1, len(pieces)):
            where_b, b = pieces[j]
            total = len(a) + len(b)
            if 2 * len(a) < threshold * total:
                break  # every later piece is longer still
            if where_a == where_b or 2 * sum((counts[i] & counts[j]).values()) < threshold * total:
                continue
            if difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold:
                found.add(tuple(sorted((where_a, where_b))))
    return sorted(found)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_two_topic_or_advice_lines_are_near_duplicates(raw_deck, lang):
    assert _near_duplicates(raw_deck, lang) == []


def test_the_duplicate_check_finds_a_copied_sentence_and_a_reworded_one(raw_deck):
    data = copy.deepcopy(raw_deck)
    data["cards"] = [data["cards"][n] for n in (3, 33, 40, 61)]  # a small deck keeps this quick
    wands, swords = data["cards"][1]["ko"], data["cards"][3]["en"]
    data["cards"][3]["ko"]["topics"]["money"]["reversed"] += " " + wands["advice"]["upright"]
    swords["topics"]["love"]["upright"] = data["cards"][0]["en"]["advice"]["reversed"].replace("first", "at once")
    assert _near_duplicates(data, "ko") == [("knight-of-swords topics.money.reversed", "knight-of-wands advice.upright")]
    assert _near_duplicates(data, "en") == [("knight-of-swords topics.love.upright", "the-empress advice.reversed")]
