"""Interpreters that turn a drawn spread into a reading in its sections (tarot/jobs.py runs them).

An interpreter is an object with ``name``, ``model`` and ``stream(request)``, which yields
chunks of text in the marker format of :mod:`tarot.oracle.sections`. Failures are raised as
:class:`InterpretationError` with a kind, and ``transient`` says whether a retry may help.
"""

from dataclasses import dataclass

from ..spreads import DEFAULT_SPREAD


class ErrorKind:
    BUSY = "busy"  # 429 or 5xx: the reader is overloaded
    REFUSED = "refused"  # 401/403/400: the request was refused (key, model, quota)
    BLOCKED = "blocked"  # safety filter
    TIMEOUT = "timeout"  # no answer in time
    NETWORK = "network"  # connection failed or dropped
    MALFORMED = "malformed"  # the answer did not have the six parts
    INTERNAL = "internal"  # our own bug


class InterpretationError(Exception):
    """An interpreter failed; ``kind`` is an ErrorKind value."""

    def __init__(self, kind, message="", transient=False):
        super().__init__(message or kind)
        self.kind = kind
        self.transient = transient


@dataclass(frozen=True)
class SpreadCard:
    position: str
    card: object  # tarot.deck.Card
    reversed: bool


@dataclass(frozen=True)
class ReadingRequest:
    """What an interpreter needs: who asks, about what, and the cards in their spread's place
    order (``spread`` is a key of tarot.spreads.SPREADS)."""

    topic: str
    concern: str
    nickname: str
    lang: str
    cards: tuple  # of SpreadCard, in the spread's place order
    seed: int = 0
    spread: str = DEFAULT_SPREAD


def get_interpreter(config):
    """Gemini when ``config`` (the app's settings) has a key, otherwise the offline interpreter."""
    if config.get("GEMINI_API_KEY"):
        from .gemini import GeminiInterpreter

        return GeminiInterpreter.from_config(config)
    from .offline import OfflineInterpreter

    return OfflineInterpreter()
