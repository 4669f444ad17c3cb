"""A reading of the user's own deck (/reading/manual): they lay out a spread with their paper
cards and enter, place by place, which card came up and whether it was reversed. The reading
is then made, saved and archived as a drawn one, marked ``source="own-deck"``.

A card is named in either language, as typed or as offered by the form's list ("바보 (The
Fool)"); a repeated card, an unknown one or the wrong number of cards is refused with a
message and nothing is stored.
"""

import hashlib
import json
import secrets
import unicodedata

from sqlalchemy.exc import IntegrityError

from .. import jobs, quota
from ..deck import current_deck
from ..extensions import db
from ..i18n import gettext as _
from ..models import Reading, ReadingStatus
from ..spreads import DEFAULT_SPREAD, get_spread
from .job import READING
from .service import ReadingFormError, find_by_request_key, validate_form

OWN_DECK = "own-deck"
CARD_FIELD_MAX = 80


def _key(text):
    """A card name as compared: NFC, no case, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def card_choices(lang):
    """[(label, card)] for the form's list: the name in ``lang`` with the other language's
    in brackets, so typing either finds it."""
    other = "ko" if lang == "en" else "en"
    return [(f"{card.name(lang)} ({card.name(other)})", card) for card in current_deck()]


def _names():
    """Every way the form accepts a card: each language's name, both list labels, the slug."""
    deck = current_deck()
    names = {}
    for card in deck:
        ko, en = card.name("ko"), card.name("en")
        for name in (ko, en, f"{ko} ({en})", f"{en} ({ko})", card.slug):
            names[_key(name)] = card
    return names


def find_card(text):
    """The card a typed name names, or None."""
    return _names().get(_key(text[:CARD_FIELD_MAX]))


def parse_cards(spread, names, reversed_flags):
    """The cards as stored, one per place of ``spread`` in order, from the form's lists.

    Raises ReadingFormError naming each problem: a wrong number of cards, an unknown card,
    the same card twice.
    """
    if len(names) != spread.size or not all(name.strip() for name in names):
        raise ReadingFormError({"cards": _("자리마다 카드를 한 장씩, 모두 %(count)s을 적어 주세요.",
                                           count=spread.count_label)})
    cards, errors, seen = [], {}, set()
    for index, (place, name) in enumerate(zip(spread.places, names, strict=True)):
        card = find_card(name)
        if card is None:
            errors[f"card-{index}"] = _("‘%(name)s’, 이런 이름의 카드는 찾지 못했어요. 목록에서 골라 주세요.",
                                        name=name.strip()[:CARD_FIELD_MAX])
        elif card.number in seen:
            errors[f"card-{index}"] = _("같은 카드를 두 자리에 놓을 수는 없어요.")
        else:
            seen.add(card.number)
            cards.append({"card": card.number, "reversed": str(index) in reversed_flags, "position": place})
    if errors:
        raise ReadingFormError(errors)
    return cards


def read_form(form):
    """(topic, concern, spread, cards) from the posted form, or ReadingFormError."""
    spread = get_spread(form.get("spread", DEFAULT_SPREAD))
    if spread is None:
        raise ReadingFormError({"spread": _("없는 배열이에요. 배열을 다시 골라 주세요.")})
    errors = {}
    try:
        topic, concern = validate_form(form.get("topic"), form.get("concern"))
    except ReadingFormError as exc:
        errors.update(exc.errors)
    try:
        cards = parse_cards(spread, form.getlist("card"), set(form.getlist("reversed")))
    except ReadingFormError as exc:
        errors.update(exc.errors)
    if errors:
        raise ReadingFormError(errors)
    return topic, concern, spread, cards


def new_form_id():
    """A fresh id for one filling-in of the form (see _request_key)."""
    return secrets.token_urlsafe(12)


def _request_key(form_id, topic, concern, spread, cards):
    """The same form sent twice makes one reading; the form changed and sent again, another."""
    sent = json.dumps([form_id[:32], topic, concern, spread.key, cards], ensure_ascii=False)
    return "own:" + hashlib.sha256(sent.encode()).hexdigest()[:40]


def create_own_deck_reading(user, form_id, fields, locale, per_day):
    """Store the reading of the user's own deck as pending and start its job; return it.

    ``fields`` is read_form's (topic, concern, spread, cards). With a daily allowance the
    reading is a counted model call, as a drawn one: raises quota.QuotaExceeded when
    today's calls are used.
    """
    topic, concern, spread, cards = fields
    key = _request_key(form_id, topic, concern, spread, cards)
    if (earlier := find_by_request_key(user, key)) is not None:
        return earlier
    try:
        call = quota.record_call(user.id, quota.CallKind.READING, per_day) if per_day is not None else None
        reading = Reading(
            user_id=user.id, topic=topic, concern=concern, cards=cards, spread=spread.key,
            source=OWN_DECK, request_key=key, locale=locale, status=ReadingStatus.PENDING,
        )
        jobs.reserve(reading)
        db.session.add(reading)
        if call is not None:
            db.session.flush()
            call.reading_id = reading.id
        db.session.commit()
    except (quota.QuotaExceeded, IntegrityError):
        db.session.rollback()
        if (earlier := find_by_request_key(user, key)) is None:
            raise
        return earlier
    jobs.start(READING, reading.id)
    return reading
