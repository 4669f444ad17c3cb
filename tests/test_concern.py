"""The concern reader: what kind of question, about what, and about whom."""

import pytest

from tarot.oracle.concern import KINDS, SUBJECT_KEYS, analyse, reading_area

CASES = [
    # text, kind, subject, about another person, asks what they feel
    ("헤어진 그 사람에게 다시 연락해도 될까요?", "yes_no", "contact", True, False),
    ("제 마음을 고백해도 될까요?", "yes_no", "confession", False, False),
    ("그 사람이 나를 좋아할까요?", "yes_no", "feelings", True, True),
    ("그 사람 마음이 궁금해요", "open", "feelings", True, True),
    ("언제쯤 연락이 올까요?", "when", "contact", False, False),
    ("어떻게 하면 시험에 합격할 수 있을까요", "how", "exam", False, False),
    ("이직해도 될까요", "yes_no", "job_change", False, False),
    ("어떤 선택을 해야 할까요?", "what", None, False, False),
    ("요즘 잠을 못 자요", "open", "health", False, False),
    ("주식 투자 계속해도 괜찮을까?", "yes_no", "money", False, False),
    ("요즘 너무 지쳐요", "open", None, False, False),
    ("", "none", None, False, False),
    ("   \n ", "none", None, False, False),
    ("Should I quit my job and start my own business?", "yes_no", "job_change", False, False),
    ("Will we talk again?", "yes_no", "contact", False, False),
    ("When will I meet someone?", "when", "relationship", True, False),
    ("How can I pass my exam?", "how", "exam", False, False),
    ("Does he still love me?", "yes_no", "feelings", True, True),
    ("What should I focus on this year?", "what", None, False, False),
    ("I feel stuck at work.", "open", "career", False, False),
    ("Why do I keep failing?", "open", None, False, False),
]


@pytest.mark.parametrize(("text", "kind", "subject", "other", "mind"), CASES)
def test_a_concern_is_read_for_its_kind_subject_and_people(text, kind, subject, other, mind):
    concern = analyse(text)
    assert (concern.kind, concern.subject, concern.about_other, concern.their_mind) == (kind, subject, other, mind)
    assert concern.kind in KINDS and (concern.subject is None or concern.subject in SUBJECT_KEYS)


def test_an_act_comes_before_the_ground_it_stands_on():
    concern = analyse("헤어진 그 사람에게 다시 연락해도 될까요?")
    assert concern.subjects == ("contact", "reunion")


@pytest.mark.parametrize(("topic", "text", "area"), [
    ("love", "이직해도 될까요?", "love"),  # a topic about one area keeps it
    ("newyear", "올해 이직해도 될까요?", "work"),  # a general topic takes the concern's area
    ("today", "시험 잘 볼 수 있을까요?", "study"),
    ("today", "오늘 뭐 하지?", None),  # no area named: none
    ("newyear", "", None),
])
def test_the_area_whose_meanings_a_reading_uses(topic, text, area):
    assert reading_area(topic, analyse(text)) == area
