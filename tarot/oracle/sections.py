"""The sections of an answer, and a forgiving parser for the model's marker format.

Each spread has its own sections (tarot/spreads.py: the five-card spread's six, the one-card
spread's three …); the parser is told which to look for. The model is asked to start each
section with a marker line such as ``[[past]]``. Real
model output drifts: markdown around the marker, Korean section names, a number, spaces, a
colon, text on the marker's own line, a preamble before the first marker, a code fence
around it all. The parser accepts those and nothing looser.
"""

import re

from ..spreads import DEFAULT_SPREAD, SPREADS

WORD_JOINER = "\u2060"
# The five-card spread's six sections: what an answer has when nothing else is said.
SECTIONS = SPREADS[DEFAULT_SPREAD].sections

# Every section of every spread, by the names a model may give it.
ALIASES = {
    "greeting": ("greeting", "인사", "인사말"),
    "past": ("past", "과거"),
    "present": ("present", "현재"),
    "future": ("future", "미래"),
    "advice": ("advice", "조언"),
    "card": ("card", "카드", "나의 카드", "카드의 메시지", "your card", "the card's message", "message"),
    "me": ("me", "나", "나의 모습", "you"),
    "other": ("other", "상대", "상대의 모습", "the other person"),
    "between": ("between", "우리 사이", "두 사람 사이", "between you", "between us"),
    "outlook": ("outlook", "앞으로", "앞으로의 흐름", "전망"),
    "conclusion": ("conclusion", "마무리", "결론"),
}
_NAME_TO_SECTION = {alias: key for key, names in ALIASES.items() for alias in names}
_NAMES = "|".join(sorted((re.escape(n) for n in _NAME_TO_SECTION), key=len, reverse=True))
# A marker at the start of a line: optional markdown (#, *, _) and number ("1."), then
# [[name]] or 【name】 or a bare heading "## 과거", optionally followed by ":". Bracketed
# markers may have the section's first words after them; a bare heading must end its line.
MARKER = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]*)?[*_]{{0,2}}[ \t]*(?:\d{{1,2}}[.)][ \t]*)?"
    rf"(?:\[\[[ \t]*(?P<a>{_NAMES})[ \t]*\]\]|【[ \t]*(?P<b>{_NAMES})[ \t]*】|(?P<c>{_NAMES}))"
    rf"[ \t]*[*_]{{0,2}}[ \t]*[:：]?[ \t]*[*_]{{0,2}}[ \t]*(?P<end>$)?",
    re.IGNORECASE | re.MULTILINE,
)
_FENCE = re.compile(r"^[ \t]*```[\w-]*[ \t]*$", re.MULTILINE)
# Bare headings ("과거") only count with a markdown heading or bold around them.
_BARE_NEEDS_DECORATION = re.compile(r"^[ \t]*(#|\*\*|__)")


def _markers(text, sections=None):
    """(section, match) for each marker line; only ``sections``' markers when given."""
    for match in MARKER.finditer(text):
        name = match.group("a") or match.group("b")
        if not name:
            if match.group("end") is None or not _BARE_NEEDS_DECORATION.match(match.group(0)):
                continue
            name = match.group("c")
        key = _NAME_TO_SECTION[name.lower()]
        if sections is None or key in sections:
            yield key, match


def split_sections(text, sections=SECTIONS):
    """Split (possibly unfinished) text into [(section, body), ...] in the order written.

    Only the markers of ``sections`` (a spread's) count; another spread's marker is text.
    Text before the first marker is dropped; a repeated section keeps its first body.
    """
    text = text.replace("\r\n", "\n")
    found = []
    seen = set()
    marks = list(_markers(text, sections))
    for index, (key, match) in enumerate(marks):
        end = marks[index + 1][1].start() if index + 1 < len(marks) else len(text)
        body = _clean(text[match.end():end])
        if key not in seen:
            seen.add(key)
            found.append((key, body))
    return found


def parse_answer(text, sections=SECTIONS):
    """The answer's ``sections`` (a spread's) as a dict, or None when any is missing or empty."""
    found = dict(split_sections(text, sections))
    if all(found.get(key) for key in sections):
        return {key: found[key] for key in sections}
    return None


def _clean(body):
    body = _FENCE.sub("", body).strip()
    body = re.sub(r"\n{3,}", "\n\n", body)
    return body


def format_answer(sections):
    """The marker format for a dict of sections, in its order (used by the offline interpreter)."""
    return "".join(f"[[{key}]]\n{_inert(body.strip())}\n\n" for key, body in sections.items())


def _inert(body):
    """Keep a line of a body from reading as a marker.

    A body may start a line with the user's own words, e.g. a nickname such as "[[past]]";
    an invisible word joiner in front of that line keeps it text.
    """
    return "\n".join(
        WORD_JOINER + line if next(_markers(line), None) else line for line in body.split("\n")
    )
