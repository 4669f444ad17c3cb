"""Share links of readings: making, listing, revoking and finding them, and what they show.

A reading may have several links, one per choice of what to show (a link with the concern
for a close friend, one without for a group chat). A link's choices never change: a link
already sent must not start showing more, so showing something else is a new link.
"""

import re

from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..journal.cards import record_saved_cards
from ..models import ReadingShare, ReadingStatus, utcnow

# The choices a link is made with, as the form names them.
CHOICES = ("show_concern", "show_nickname", "indexable")
# What a token looks like (secrets.token_urlsafe): checked before the database is asked.
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,32}")
# The honorific a Korean reader puts after a name (data, not interface).
HONORIFIC = "님"

# Built once: every view of a shared page runs it.
_BY_TOKEN = db.select(ReadingShare).where(ReadingShare.token == db.bindparam("token"))


class NotShareable(Exception):
    """The reading has no finished answer yet (or it failed): there is nothing to share."""


def shareable(reading):
    """True when the reading has a finished answer to show."""
    return reading.status == ReadingStatus.DONE and reading.answer is not None


def links_of(reading):
    """The reading's share links, oldest first."""
    query = db.select(ReadingShare).filter_by(reading_id=reading.id).order_by(
        ReadingShare.created_at, ReadingShare.id
    )
    return list(db.session.execute(query).scalars())


def _same_choice(reading, choices):
    return db.session.execute(
        db.select(ReadingShare).filter_by(reading_id=reading.id, **choices)
    ).scalar_one_or_none()


def create_link(reading, retried=False, **choices):
    """The reading's link for these choices: ``(link, made)``, ``made`` False when it existed.

    Making a link also saves the reading in the archive (unsaved readings are purged, and a
    link must not die with them). Raises NotShareable for a reading without an answer.
    """
    if not shareable(reading):
        raise NotShareable(reading.public_id)
    choices = {name: bool(choices.get(name)) for name in CHOICES}
    existing = _same_choice(reading, choices)
    if existing is not None:
        return existing, False
    if reading.saved_at is None:
        reading.saved_at = utcnow()
        record_saved_cards(reading)  # as saving from the reading page does
    link = ReadingShare(reading_id=reading.id, **choices)
    db.session.add(link)
    try:
        db.session.commit()
    except IntegrityError:  # the same choice, or the same save, at the same moment elsewhere
        db.session.rollback()
        existing = _same_choice(reading, choices)
        if existing is None and not retried:  # only the save collided: make the link again
            return create_link(reading, retried=True, **choices)
        return existing, False
    return link, True


def revoke_link(reading, token):
    """Delete the reading's link with this token; False when there was none (already gone)."""
    link = db.session.execute(
        db.select(ReadingShare).filter_by(reading_id=reading.id, token=token)
    ).scalar_one_or_none()
    if link is None:
        return False
    db.session.delete(link)
    db.session.commit()
    return True


def find_link(token):
    """The link with this token and its reading, or None (unknown, revoked or malformed)."""
    if not TOKEN.fullmatch(token or ""):
        return None
    return db.session.execute(_BY_TOKEN, {"token": token}).scalar_one_or_none()


def _hidden_words(link, nickname, stand_ins):
    """(pattern, replacement) pairs for what the shared answer must not show word for word.

    The nickname, when hidden, with the 님 a Korean reader puts after it ("민지님" becomes
    "손님", never "손님님"); a generated nickname also without its digits, which a reader
    may drop ("웃고있는밀크티님"). The concern, when hidden and long enough to be itself.
    """
    pairs = []
    if not link.show_nickname and nickname:
        names = {nickname}
        bare = nickname.rstrip("0123456789 ")
        if bare != nickname and len(bare) >= 2:
            names.add(bare)
        for name in sorted(names, key=len, reverse=True):
            pairs.append((re.escape(name) + f"(?:{HONORIFIC})?", stand_ins["nickname"]))
    concern = link.reading.concern.strip()
    if not link.show_concern and len(concern) >= 4:
        pairs.insert(0, (re.escape(concern), stand_ins["concern"]))
    return pairs


def shown_answer(link, nickname, stand_ins):
    """The reading's answer as the link shows it, section by section.

    Where the answer repeats a hidden nickname or concern word for word, it says
    ``stand_ins["nickname"]`` or ``stand_ins["concern"]`` instead. (A reader's paraphrase
    cannot be found this way; the share form says so.)
    """
    answer = dict(link.reading.answer or {})
    for pattern, replacement in _hidden_words(link, nickname, stand_ins):
        compiled = re.compile(pattern)
        answer = {key: compiled.sub(lambda _m, r=replacement: r, text) for key, text in answer.items()}
    return answer
