"""The offline interpreter writes a complete, grounded reading from the deck."""

import pytest

from tarot.oracle import ReadingRequest, SpreadCard
from tarot.oracle.offline import OfflineInterpreter, josa
from tarot.oracle.sections import SECTIONS, parse_answer
from tarot.topics import TOPICS

POSITIONS = ("past", "present", "future", "advice1", "advice2")


def _request(app, topic="love", lang="ko", numbers=(40, 6, 17, 59, 66), reversed_=(True, False, False, True, False), concern="연락해도 될까요?", seed=7):
    deck = app.extensions["deck"]
    cards = tuple(SpreadCard(p, deck[n], r) for p, n, r in zip(POSITIONS, numbers, reversed_, strict=True))
    return ReadingRequest(topic=topic, concern=concern, nickname="밀크티", lang=lang, cards=cards, seed=seed)


@pytest.mark.parametrize("topic", list(TOPICS))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_topic_gives_six_sections_that_parse(app, topic, lang):
    with app.test_request_context():
        request = _request(app, topic=topic, lang=lang)
        text = "".join(OfflineInterpreter().stream(request))
    sections = parse_answer(text)
    assert sections is not None
    assert list(sections) == list(SECTIONS)
    assert all(len(body) > 40 for body in sections.values())


def test_reading_names_exactly_the_drawn_cards(app):
    deck = app.extensions["deck"]
    with app.test_request_context():
        request = _request(app)
        text = "".join(OfflineInterpreter().stream(request))
    drawn = {c.card.number for c in request.cards}
    for card in deck:
        name = card.name("ko")
        if card.number in drawn:
            assert name in text
        elif len(name) > 2:  # short names like "탑" or "힘" occur as ordinary words
            assert name not in text, name


def test_orientation_and_topic_meaning_are_used(app):
    deck = app.extensions["deck"]
    with app.test_request_context():
        sections = OfflineInterpreter().compose(_request(app))
    assert "역방향" in sections["past"]
    assert deck[40].topic_meaning("love", "ko", True) in sections["past"]
    assert deck[6].topic_meaning("love", "ko", False) in sections["present"]
    assert "밀크티님" in sections["greeting"]
    assert "연락해도 될까요?" in sections["greeting"]


def test_the_same_reading_reads_the_same_and_others_vary(app):
    with app.test_request_context():
        first = OfflineInterpreter().compose(_request(app, seed=1))
        again = OfflineInterpreter().compose(_request(app, seed=1))
        texts = {OfflineInterpreter().compose(_request(app, seed=s))["greeting"] for s in range(12)}
    assert first == again
    assert len(texts) > 1


def test_empty_concern_reads_as_a_general_question(app):
    with app.test_request_context():
        sections = OfflineInterpreter().compose(_request(app, concern=""))
    assert "따로 적은 고민은 없으니" in sections["greeting"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("애정운", "애정운을"), ("오늘의 운세", "오늘의 운세를"), ("컵 3", "컵 3을"), ("컵 2", "컵 2를"), ("바보", "바보를")],
)
def test_korean_particles_follow_the_last_syllable(word, expected):
    assert josa(word, "을", "를") == expected


@pytest.mark.parametrize("lean", ["yes", "maybe", "no"])
def test_the_conclusion_answers_with_the_future_card_and_a_reversal_leans_towards_no(app, lean):
    deck = app.extensions["deck"]
    future = next(card for card in deck if card.yes_no() == lean)
    answers = {  # the conclusion's one-line answer, per lean, in Korean
        "yes": "‘그래도 괜찮다’ 쪽으로",
        "maybe": "아직 정해지지 않았어요",
        "no": "‘지금 이대로는 조금 어렵다’에",
    }
    after_reversal = {"yes": "maybe", "maybe": "no", "no": "no"}
    numbers = (40, 6, future.number, 59, 66) if future.number not in (40, 6, 59, 66) else (1, 2, future.number, 3, 4)
    for reversed_, expected in ((False, lean), (True, after_reversal[lean])):
        flags = (False, False, reversed_, False, False)
        with app.test_request_context():
            conclusion = OfflineInterpreter().compose(_request(app, numbers=numbers, reversed_=flags))["conclusion"]
        assert answers[expected] in conclusion
        assert all(answers[other] not in conclusion for other in answers if other != expected)
