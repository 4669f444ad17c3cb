"""The reading's job kind: a reading row read as the interpreter's request, and its answer
stored as six sections (tarot/jobs.py runs it)."""

import hashlib

from .. import jobs
from ..deck import current_deck
from ..models import Reading
from ..oracle import ReadingRequest, SpreadCard, get_interpreter
from ..oracle.sections import parse_answer
from ..spreads import POSITIONS


def build_request(reading):
    """The interpreter's view of a reading row."""
    deck = current_deck()
    order = {p: i for i, p in enumerate(POSITIONS)}
    cards = sorted(reading.cards, key=lambda c: order[c["position"]])
    seed = int(hashlib.sha256(reading.public_id.encode()).hexdigest()[:12], 16)
    return ReadingRequest(
        topic=reading.topic,
        concern=reading.concern or "",
        nickname=reading.user.nickname,
        lang=reading.locale or "ko",
        cards=tuple(SpreadCard(c["position"], deck[c["card"]], bool(c["reversed"])) for c in cards),
        seed=seed,
    )


def finish(text):
    """The answer's six sections, or None when one is missing."""
    answer = parse_answer(text)
    return None if answer is None else {"answer": answer}


READING = jobs.register(jobs.JobKind(
    name="reading", table=Reading, build_request=build_request, interpreter=get_interpreter,
    finish=finish, describe=lambda reading: reading.public_id,
))
