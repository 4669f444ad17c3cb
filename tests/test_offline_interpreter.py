"""The offline interpreter writes a complete, grounded reading from the deck."""

import re

import pytest

from tarot.oracle import ReadingRequest, SpreadCard
from tarot.oracle.offline import OfflineInterpreter, phrases_ko, shape
from tarot.oracle.offline.cardtext import reversed_sense
from tarot.oracle.sections import SECTIONS, parse_answer
from tarot.spreads import POSITIONS
from tarot.topics import TOPICS


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


def test_each_card_is_read_in_its_place_with_its_orientation(app):
    deck = app.extensions["deck"]
    with app.test_request_context():
        sections = OfflineInterpreter().compose(_request(app))
    # past: 40 reversed, read by its reversal paragraph (topic lines speak of now: not here)
    assert "역방향" in sections["past"]
    assert reversed_sense(deck[40], "ko") in sections["past"]
    assert deck[40].topic_meaning("love", "ko", True) not in sections["past"]
    # present: 6 upright, read as a present card and by the topic's upright meaning
    assert deck[6].place_text("present", "ko") in sections["present"]
    assert deck[6].topic_meaning("love", "ko", False) in sections["present"]
    assert deck[6].topic_meaning("love", "ko", True) not in sections["present"]
    assert deck[17].place_text("future", "ko") in sections["future"]
    assert deck[59].advice("ko", True) in sections["advice"]  # advice 1 reversed
    assert deck[66].place_text("advice", "ko") in sections["advice"]
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
        greetings = [OfflineInterpreter().compose(_request(app, concern="", seed=seed))["greeting"] for seed in range(6)]
    openings = [template.split("{")[0] for template in phrases_ko.PHRASES["ask.none"]]
    for greeting in greetings:
        assert "“" not in greeting
        assert any(opening in greeting for opening in openings), greeting


def literal(template):
    """The longest stretch of a template without fields: proof that the template was used."""
    return max(re.split(r"\{[^}]*\}", template), key=len)


def used(table, key, text):
    return any(literal(template) in text for template in table.PHRASES[key])


def cards_answering(deck, answer, count, reversed_=False):
    return [card for card in deck if card.yes_no(reversed_) == answer][:count]


@pytest.mark.parametrize(("future", "others", "expected"), [
    ("yes", "no", "maybe"),  # a bright Future alone does not make a yes
    ("no", "yes", "maybe"),
    ("yes", "yes", "yes"),
    ("no", "no", "no"),
    ("maybe", "yes", "yes"),  # the other four can carry the answer
])
def test_the_answer_weighs_all_five_places_not_the_future_alone(app, future, others, expected):
    deck = app.extensions["deck"]
    future_card = cards_answering(deck, future, 1)[0]
    rest = [card for card in cards_answering(deck, others, 8) if card is not future_card][:4]
    numbers = (rest[0].number, rest[1].number, future_card.number, rest[2].number, rest[3].number)
    request = _request(app, numbers=numbers, reversed_=(False,) * 5, concern="연락해도 될까요?")
    assert shape.lean(request.cards).answer == expected
    with app.test_request_context():
        conclusion = OfflineInterpreter().compose(request)["conclusion"]
    assert used(phrases_ko, f"answer.yes_no.{expected}", conclusion)
    assert not any(used(phrases_ko, f"answer.yes_no.{other}", conclusion) for other in ("yes", "maybe", "no") if other != expected)
    assert deck[numbers[2]].name("ko") in conclusion  # the why names the Future card


def test_orientation_changes_a_cards_answer(app):
    deck = app.extensions["deck"]
    card = next(c for c in deck if c.yes_no(False) == "yes" and c.yes_no(True) == "no")
    upright = [SpreadCard(p, card, False) for p in POSITIONS]
    assert shape.lean(upright).answer == "yes"
    assert shape.lean([SpreadCard(p, card, True) for p in POSITIONS]).answer == "no"


def test_a_question_about_someone_elses_heart_gets_no_claim_about_it(app):
    request = _request(app, concern="그 사람이 나를 좋아할까요?")
    with app.test_request_context():
        sections = OfflineInterpreter().compose(request)
    assert used(phrases_ko, "their_mind", sections["greeting"])
    assert used(phrases_ko, f"answer.their_mind.{shape.lean(request.cards).answer}", sections["conclusion"])
    assert not any(used(phrases_ko, f"answer.yes_no.{lean}", sections["conclusion"]) for lean in ("yes", "maybe", "no"))


def test_a_when_question_is_answered_with_a_pace_and_no_yes_or_no(app):
    request = _request(app, concern="언제쯤 연락이 올까요?")
    with app.test_request_context():
        conclusion = OfflineInterpreter().compose(request)["conclusion"]
    assert used(phrases_ko, f"answer.when.{shape.pace(request.cards)}", conclusion)
    assert "연락" in conclusion
    assert not any(used(phrases_ko, f"answer.yes_no.{lean}", conclusion) for lean in ("yes", "maybe", "no"))


def test_the_story_follows_the_three_cards_answers(app):
    deck = app.extensions["deck"]
    by_answer = {a: cards_answering(deck, a, 1)[0] for a in ("yes", "maybe", "no")}

    def arc(*answers):
        past, present, future = (SpreadCard(p, by_answer[a], False) for p, a in zip(POSITIONS, answers, strict=False))
        return shape.story(past, present, future)

    assert arc("no", "maybe", "yes") == "rising"
    assert arc("yes", "no", "maybe") == "valley"
    assert arc("yes", "maybe", "no") == "falling"
    assert arc("no", "yes", "maybe") == "peak"
    assert arc("no", "yes", "yes") == "recovered"
    assert arc("yes", "no", "no") == "sinking"
    assert [arc(a, a, a) for a in ("yes", "maybe", "no")] == ["steady_bright", "steady_open", "steady_hard"]


def test_clusters_and_the_advice_pair(app):
    deck = app.extensions["deck"]

    def spread(*numbers, reversed_=(False,) * 5):
        return [SpreadCard(p, deck[n], r) for p, n, r in zip(POSITIONS, numbers, reversed_, strict=True)]

    assert shape.cluster(spread(0, 1, 2, 40, 60))[0] == "majors"
    assert shape.cluster(spread(22, 23, 24, 40, 60)) == ("element", {"element": "fire", "count": 3})
    key, details = shape.cluster(spread(0, 36, 40, 50, 64))
    assert (key, details["suit"], [c.card.number for c in details["cards"]]) == ("suit_pair", "cups", [36, 40])
    assert shape.cluster(spread(22, 36, 50, 64, 23))[0] == "suit_pair"
    assert shape.cluster(spread(22, 36, 50, 65, 51))[0] == "suit_pair"
    assert shape.cluster(spread(0, 22, 36, 64, 14))[0] == "all_elements"  # the Fool is air
    assert shape.cluster(spread(22, 23, 36, 37, 50)) == ("all_minor", {})  # two pairs: no one suit
    assert shape.cluster(spread(0, 22, 36, 50, 8)) == ("balance", {"count": 2})
    pair = spread(1, 2, 3, 36, 40)
    assert shape.advice_pair(pair[3], pair[4]) == "same_suit"
    assert shape.advice_pair(SpreadCard("advice1", deck[1], True), SpreadCard("advice2", deck[40], True)) == "both_reversed"
    assert shape.advice_pair(SpreadCard("advice1", deck[1], False), SpreadCard("advice2", deck[40], True)) == "one_reversed"
    assert shape.advice_pair(SpreadCard("advice1", deck[1], False), SpreadCard("advice2", deck[2], False)) == "both_major"
    assert shape.advice_pair(SpreadCard("advice1", deck[1], False), SpreadCard("advice2", deck[40], False)) == "major_minor"
    assert shape.advice_pair(SpreadCard("advice1", deck[22], False), SpreadCard("advice2", deck[40], False)) == "act_feel"
    assert shape.advice_pair(SpreadCard("advice1", deck[22], False), SpreadCard("advice2", deck[50], False)) == "act"
    assert shape.advice_pair(SpreadCard("advice1", deck[40], False), SpreadCard("advice2", deck[70], False)) == "feel_ground"
    assert shape.pace(spread(22, 23, 50, 51, 40)) == "soon"
    assert shape.pace(spread(0, 1, 64, 65, 40)) == "slow"
