"""Reading topics: their keys (stored in rows and URLs) and their labels."""

from .i18n import lazy_gettext as _l

TOPICS = {
    "newyear": _l("신년운"),
    "love": _l("애정운"),
    "money": _l("금전운"),
    "study": _l("학업운"),
    "work": _l("직장운"),
    "health": _l("건강운"),
    "today": _l("오늘의 운세"),
}

# Each topic as a phrase inside a sentence of a reading ("이번에는 오늘 하루를 함께 읽어 볼게요",
# "Let's look at the year ahead"), where the label ("오늘의 운세") would read as a heading.
TOPIC_PHRASES = {
    "newyear": _l("올 한 해"),
    "love": _l("사랑과 인연"),
    "money": _l("돈과 재물"),
    "study": _l("공부와 배움"),
    "work": _l("일과 직장"),
    "health": _l("몸과 마음"),
    "today": _l("오늘 하루"),
}

# The deck's per-topic meanings a reading topic draws on; general topics use them all.
DECK_TOPIC = {
    "love": "love",
    "money": "money",
    "study": "study",
    "work": "work",
    "health": "health",
}

# The topics the deck gives every card a meaning for, in the order a card's page shows
# them, and that page's headings for them.
DECK_TOPICS = ("love", "money", "work", "study", "health")
DECK_TOPIC_LABELS = {
    "love": _l("연애운"), "money": _l("금전운"), "work": _l("직장운"),
    "study": _l("학업운"), "health": _l("건강운"),
}


def topic_label(key):
    """The label of a topic key, or the key itself for an unknown one."""
    return str(TOPICS.get(key, key))


def topic_phrase(key):
    """The topic as a phrase inside a sentence, in the current locale."""
    return str(TOPIC_PHRASES.get(key, TOPICS.get(key, key)))
