"""The shape of a spread, read as a whole: which way it leans, the story its first three
cards tell, what clusters in it, how fast it moves, and how its two advice cards relate.

Everything here is about cards and places, in no language; the writer turns it into words.
"""

from collections import Counter
from dataclasses import dataclass

# How much each place weighs when the spread answers a question. The Future says where things
# are heading and the Present where they stand; the Past is already behind, and the Advice
# cards say what to do rather than what will happen.
LEAN_WEIGHTS = {"past": 0.5, "present": 1.0, "future": 1.5, "advice1": 0.5, "advice2": 0.5, "outlook": 1.5}
ANSWER_VALUE = {"yes": 1, "maybe": 0, "no": -1}
# A weighted mean beyond this leans one way; nearer zero the spread is undecided.
LEAN_THRESHOLD = 0.25
# Traditional timing: Wands and Swords move in days or weeks, Cups in weeks, Pentacles and the
# major arcana in months.
PACE = {"wands": 1, "swords": 1, "cups": 0, "pentacles": -1, None: -1}
# What kind of help an element gives as advice: doing, feeling, or grounding.
ELEMENT_MODE = {"fire": "act", "air": "act", "water": "feel", "earth": "ground"}


def answer(spread_card):
    """The card's yes/maybe/no in the orientation it was drawn."""
    return spread_card.card.yes_no(spread_card.reversed)


@dataclass(frozen=True)
class Lean:
    """Which way the spread answers: ``answer`` is yes, maybe or no; ``score`` is -1 … 1."""

    answer: str
    score: float
    by_answer: dict  # yes/maybe/no -> tuple of SpreadCards, in spread order


def lean(cards):
    """Weigh every card's answer by its place (LEAN_WEIGHTS) into the spread's answer."""
    weights = [LEAN_WEIGHTS.get(c.position, 1.0) for c in cards]  # a place of another spread: 1
    score = sum(w * ANSWER_VALUE[answer(c)] for w, c in zip(weights, cards, strict=True)) / sum(weights)
    if score > LEAN_THRESHOLD:
        result = "yes"
    elif score < -LEAN_THRESHOLD:
        result = "no"
    else:
        result = "maybe"
    by_answer = {key: tuple(c for c in cards if answer(c) == key) for key in ANSWER_VALUE}
    return Lean(result, round(score, 3), by_answer)


def story(past, present, future):
    """How past → present → future moves, as one of nine arcs (rising, valley, falling …)."""
    p, n, f = (ANSWER_VALUE[answer(c)] for c in (past, present, future))
    if f > n:
        return "rising" if n >= p else "valley"
    if f < n:
        return "falling" if n <= p else "peak"
    if n > p:
        return "recovered"
    if n < p:
        return "sinking"
    return {1: "steady_bright", 0: "steady_open", -1: "steady_hard"}[n]


def step(before, after):
    """"up", "down" or "same": how the mood moves from one card to the next."""
    difference = ANSWER_VALUE[answer(after)] - ANSWER_VALUE[answer(before)]
    return "up" if difference > 0 else "down" if difference < 0 else "same"


def cluster(cards):
    """The most telling grouping in the spread, as (key, details).

    Three or more majors first (a turning point), then three or more cards of one element, then
    two minors of one suit, then a spread of minors only, then all four elements present.
    """
    majors = [c for c in cards if c.card.is_major]
    if len(majors) >= 3:
        return "majors", {"count": len(majors)}
    element, count = Counter(c.card.element for c in cards).most_common(1)[0]
    if count >= 3:
        return "element", {"element": element, "count": count}
    suits = Counter(c.card.suit for c in cards if c.card.suit).most_common()
    if suits and suits[0][1] == 2 and (len(suits) == 1 or suits[1][1] < 2):
        pair = [c for c in cards if c.card.suit == suits[0][0]]
        return "suit_pair", {"suit": suits[0][0], "cards": pair}
    if not majors:
        return "all_minor", {}
    if len({c.card.element for c in cards}) == 4:
        return "all_elements", {}
    return "balance", {"count": len(majors)}


def pace(cards):
    """"soon", "gradual" or "slow": how fast the spread moves, by its suits and majors."""
    score = sum(PACE[c.card.suit] for c in cards)
    return "soon" if score >= 2 else "slow" if score <= -2 else "gradual"


def advice_pair(first, second):
    """How the two advice cards relate, as the key of the line that joins them: same_suit,
    both_reversed, one_reversed, both_major, major_minor, or for two upright minors of
    different suits what their elements ask for: act (Wands and Swords), act_feel, act_ground,
    feel_ground."""
    a, b = first.card, second.card
    if a.suit and a.suit == b.suit:
        return "same_suit"
    if first.reversed and second.reversed:
        return "both_reversed"
    if first.reversed != second.reversed:
        return "one_reversed"
    if a.is_major and b.is_major:
        return "both_major"
    if a.is_major != b.is_major:
        return "major_minor"
    return "_".join(sorted({ELEMENT_MODE[a.element], ELEMENT_MODE[b.element]}))


def reversed_count(cards):
    return sum(1 for c in cards if c.reversed)
