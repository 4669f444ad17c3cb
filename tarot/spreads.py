"""Spreads: the places cards are laid in, in order, and the words for them.

Every module that needs a place's key or its label imports it from here.
"""

from flask_babel import lazy_gettext as _l

# The five-card spread: past, present, future and two advice cards.
POSITIONS = ("past", "present", "future", "advice1", "advice2")

POSITION_LABELS = {
    "past": _l("과거"),
    "present": _l("현재"),
    "future": _l("미래"),
    "advice1": _l("조언 1"),
    "advice2": _l("조언 2"),
}
