"""The sections parser against odd but real shapes of model output."""

import pytest

from tarot.oracle.sections import SECTIONS, format_answer, parse_answer, split_sections

KOREAN = ("인사", "과거", "현재", "미래", "조언", "마무리")


def answer(marker, separator="\n", names=SECTIONS):
    """Six sections whose marker lines are ``marker.format(name)``."""
    return "\n\n".join(
        marker.format(name) + separator + f"{key} 본문이에요. 두 번째 문장이에요."
        for name, key in zip(names, SECTIONS, strict=True)
    )


def bodies_are_right(parsed):
    return parsed is not None and all(
        parsed[key] == f"{key} 본문이에요. 두 번째 문장이에요." for key in SECTIONS
    )


@pytest.mark.parametrize(
    "text",
    [
        answer("[[{}]]"),
        answer("## [[{}]]"),
        answer("**[[{}]]**"),
        answer("[[{}]]:"),
        answer("[[ {} ]]"),
        answer("[[{}]]").replace("[[greeting]]", "[[GREETING]]").replace("[[past]]", "[[Past]]"),
        answer("[[{}]]", separator=" "),  # the first words on the marker's own line
        answer("**[[{}]]**", separator=" "),
        answer("[[{}]]").replace("\n", "\r\n"),
        answer("### {}", names=KOREAN),
        answer("**{}:**", names=("인사말", "과거", "현재", "미래", "조언", "결론")),
        answer("【{}】", names=KOREAN),
        answer("### {}", names=[f"{i}. {name}" for i, name in enumerate(KOREAN, 1)]),
        "네, 카드를 읽어 드릴게요.\n\n" + answer("[[{}]]"),  # a preamble before the first marker
        "```markdown\n" + answer("[[{}]]") + "\n```",  # the whole answer in a code fence
    ],
    ids=[
        "plain", "heading", "bold", "colon", "spaces", "upper-case", "same-line",
        "same-line-bold", "crlf", "korean-headings", "korean-bold-colon", "lenticular",
        "numbered-headings", "preamble", "code-fence",
    ],
)
def test_odd_but_real_shapes_parse(text):
    assert bodies_are_right(parse_answer(text))


def test_markdown_inside_a_body_is_kept_for_the_renderer():
    parsed = parse_answer(answer("[[{}]]").replace("past 본문이에요.", "**과거**의 당신은 용감했어요."))
    assert parsed["past"].startswith("**과거**의 당신은 용감했어요.")


@pytest.mark.parametrize(
    "text",
    [
        answer("[[{}]]").split("\n\n[[conclusion]]")[0],  # conclusion missing
        answer("[[{}]]").replace("advice 본문이에요. 두 번째 문장이에요.", "   "),  # an empty part
        answer("{}", names=KOREAN),  # bare words are not headings
        "[[greeting]]\n안녕하세요.\n" + "\n".join(f"**{n}**에는 많은 일이 있었죠." for n in KOREAN),
        "카드를 보니 좋은 기운이 느껴져요. 과거와 현재가 이어져 있고 미래는 밝아요.",
        "",
    ],
    ids=["missing-section", "empty-section", "bare-words", "bold-words-in-sentences", "no-markers", "empty"],
)
def test_incomplete_answers_are_malformed(text):
    assert parse_answer(text) is None


def test_a_repeated_section_keeps_its_first_body():
    text = answer("[[{}]]") + "\n\n[[past]]\n다시 쓴 과거예요."
    assert bodies_are_right(parse_answer(text))


def test_partial_text_splits_as_it_arrives():
    text = "서론이에요.\n[[greeting]]\n안녕하세요.\n\n[[past]]\n지나온 시간은"
    assert split_sections(text) == [("greeting", "안녕하세요."), ("past", "지나온 시간은")]
    assert split_sections("[[greet") == []


def test_format_answer_round_trips():
    sections = {key: f"{key}의 이야기예요.\n\n둘째 문단이에요." for key in SECTIONS}
    assert parse_answer(format_answer(sections)) == sections
