"""Korean particles follow the word's last sound, for every name, keyword and topic in use."""

import unicodedata

import pytest

from tarot.korean import final_consonant, formatter, josa, particle, particle_errors
from tarot.spreads import PLACE_LABELS
from tarot.topics import TOPIC_PHRASES, TOPICS

# Sino-Korean readings of the digits, as an independent check of the helper's table.
DIGIT_READING = dict(zip("0123456789", ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"], strict=True))
SPECS = {  # spec: (after a consonant, after a vowel, after ㄹ)
    "이/가": ("이", "가", "이"), "은/는": ("은", "는", "은"), "을/를": ("을", "를", "을"),
    "과/와": ("과", "와", "과"), "이에요/예요": ("이에요", "예요", "이에요"),
    "(이)라": ("이라", "라", "이라"), "(이)나": ("이나", "나", "이나"), "(이)랑": ("이랑", "랑", "이랑"),
    "(으)로": ("으로", "로", "로"),
}


def spoken_last_syllable(word):
    """The syllable the word is read with at its end: Hangul as it is, a number by its
    Sino-Korean reading (10 is 십, 100 백, 1000 천)."""
    word = word.rstrip(")”’\"' ")
    if word[-1].isdigit():
        digits = word.split()[-1]
        if digits.endswith("0") and len(digits) > 1:
            return "십백천만"[len(digits) - len(digits.rstrip("0")) - 1]
        return DIGIT_READING[digits[-1]]
    return word[-1]


def expected(word, spec):
    """The particle by decomposing the syllable (NFD): a trailing jamo means a final consonant."""
    jamo = unicodedata.normalize("NFD", spoken_last_syllable(word))
    with_final, without_final, after_rieul = SPECS[spec]
    if len(jamo) < 3:
        return without_final
    return after_rieul if jamo[-1] == "\u11af" else with_final  # U+11AF: final ㄹ


def deck_words(deck):
    words = set()
    for card in deck:
        words.add(card.name("ko"))
        for reversed_ in (False, True):
            words.update(card.keywords("ko", reversed_))
    return sorted(words)


def vocabulary(app):
    deck = app.extensions["deck"]
    with app.test_request_context():
        labels = [str(label) for label in (*TOPICS.values(), *PLACE_LABELS.values())]
        phrases = [str(phrase) for phrase in TOPIC_PHRASES.values()]
    return deck_words(deck) + labels + phrases


def test_every_name_keyword_and_label_takes_the_right_particles(app):
    words = vocabulary(app)
    assert len(words) > 300  # all 78 names and every keyword of both orientations
    wrong = []
    for word in words:
        for spec in SPECS:
            got = particle(word, spec)
            if got != expected(word, spec):
                wrong.append((word, spec, got))
    assert not wrong


def test_the_checker_accepts_every_right_pair_and_flags_every_wrong_one(app):
    words = vocabulary(app)
    for word in words:
        for spec, (with_final, without_final, _) in SPECS.items():
            if spec == "(이)나":  # 나 after a word may be a verb (끝나다): the checker leaves it
                continue
            right = josa(word, spec)
            assert particle_errors(f"그건 {right}.", words) == [], right
            wrong_particle = without_final if right.endswith(with_final) and with_final != without_final else with_final
            if right.endswith("로") and spec == "(으)로" and final_consonant(word) == "ㄹ":
                wrong_particle = "으로"
            wrong = word + wrong_particle
            if wrong != right:
                assert particle_errors(f"그건 {wrong}.", words), wrong


@pytest.mark.parametrize(("text", "found"), [
    ("판단예요", ["단예요"]), ("전환예요.", ["환예요"]), ("여행예요", ["행예요"]),
    ("자유이에요", ["유이에요"]), ("소통 단절예요", ["절예요"]), ("마음를 열어요", ["음를"]),
    ("좋은 거예요. 학생이에요. 아이예요. 사랑을 믿어요.", []),
])
def test_the_checker_finds_wrong_pairs_in_any_text(text, found):
    assert particle_errors(text) == found


@pytest.mark.parametrize(("word", "spec", "joined"), [
    ("애정운", "을/를", "애정운을"), ("오늘의 운세", "을/를", "오늘의 운세를"), ("컵 3", "을/를", "컵 3을"),
    ("컵 2", "을/를", "컵 2를"), ("펜타클 10", "이/가", "펜타클 10이"), ("컵 7", "(으)로", "컵 7로"),
    ("바보", "(이)라", "바보라"), ("정의", "과/와", "정의와"), ("“탑”", "이/가", "“탑”이"),
    ("(역방향)", "(으)로", "(역방향)으로"), ("컵 2(역방향)", "이/가", "컵 2(역방향)가"),
    ("‘탑(The Tower)’", "을/를", "‘탑(The Tower)’을"), ("서울", "(으)로", "서울로"), ("ATM", "을/를", "ATM을"),
    ("PC", "이/가", "PC가"), ("cup", "이/가", "cup이"), ("Milk", "이/가", "Milk가"),
    ("🍵", "을/를", "🍵을(를)"), ("🍵", "(이)라", "🍵(이)라"),
])
def test_digits_latin_letters_brackets_and_unknown_ends(word, spec, joined):
    assert josa(word, spec) == joined


def test_the_formatter_takes_the_particle_from_the_spec():
    text = formatter.format("{card:이/가} {side:(으)로} 나왔어요. {n}장, {word}", card="컵 2", side="역방향", n=3, word="x")
    assert text == "컵 2가 역방향으로 나왔어요. 3장, x"
    assert formatter.format("{count:d}장", count=2) == "2장"
