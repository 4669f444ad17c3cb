"""The face-down deal of a reading, kept in the user's session, encrypted.

Flask's session cookie is signed but readable, so the cards are sealed with a key derived
from SECRET_KEY: nothing the browser holds reveals a card before it is picked. Picks are
slot numbers (0–29) and need no secrecy.

A cookie can be kept and sent again, so a deal is also used up on the server: creating its
reading records its id (``used_deals``, tarot/reading/service.py), and a sealed deal is
refused once it is older than DEAL_LIFETIME, which is less than the day ``flask purge``
keeps those records. The seal is made once, when the cards are dealt: picking keeps it,
so its time cannot be renewed.
"""

import base64
import hashlib
import json
import secrets
import time
from datetime import timedelta

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app, session

from ..deck import current_deck
from ..spreads import DEFAULT_SPREAD, get_spread

DEAL_SIZE = 30
DEAL_LIFETIME = timedelta(hours=6)


def _fernet():
    digest = hashlib.sha256(b"tarot-deal:" + current_app.config["SECRET_KEY"].encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


class Deal:
    """A deal: its id, the 30 sealed cards, the spread it is laid out in and the picked slots
    in order (the n-th pick goes to the spread's n-th place)."""

    def __init__(self, deal_id, cards, picks, sealed, spread):
        self.id = deal_id
        self.cards = cards  # [(number, reversed), ...] — never sent to the browser
        self.picks = picks
        self.sealed = sealed  # the cards as sealed when dealt (the seal carries its time)
        self.spread = spread  # a tarot.spreads.Spread

    @property
    def complete(self):
        return len(self.picks) == self.spread.size

    def picked_cards(self):
        """[(number, reversed)] for the picked slots, in pick order."""
        return [self.cards[slot] for slot in self.picks]


def new_deal(spread):
    """Deal 30 of the 78 cards face down for ``spread`` and keep them in the session."""
    drawn = current_deck().deal(DEAL_SIZE)
    cards = [(c.number, c.reversed) for c in drawn]
    sealed = _fernet().encrypt_at_time(json.dumps(cards).encode(), int(time.time())).decode()
    deal = Deal(secrets.token_urlsafe(12), cards, [], sealed, spread)
    save(deal)
    return deal


def save(deal):
    session["deal"] = {"id": deal.id, "cards": deal.sealed, "picks": list(deal.picks), "spread": deal.spread.key}


def current():
    """The session's deal, or None (also when it cannot be unsealed or has expired)."""
    stored = session.get("deal")
    if not isinstance(stored, dict):
        return None
    try:
        sealed = stored["cards"]
        lifetime = int(DEAL_LIFETIME.total_seconds())
        cards = json.loads(_fernet().decrypt_at_time(sealed.encode(), lifetime, int(time.time())))
        picks = [int(p) for p in stored.get("picks", [])]
        # A deal from before there were spreads names none: it was dealt for five cards.
        spread = get_spread(stored.get("spread", DEFAULT_SPREAD))
    except (InvalidToken, KeyError, TypeError, ValueError, AttributeError):
        clear()
        return None
    if spread is None or len(picks) > spread.size:
        clear()
        return None
    return Deal(stored["id"], [(int(n), bool(r)) for n, r in cards], picks, sealed, spread)


def clear():
    session.pop("deal", None)


class PickError(ValueError):
    """A pick the rules refuse; the message is for the user."""


def toggle_pick(deal, slot):
    """Pick a slot, or un-pick it if it was picked. Raises PickError for a refused pick."""
    from ..i18n import gettext as _

    if slot in deal.picks:
        deal.picks.remove(slot)
    elif not 0 <= slot < len(deal.cards):
        raise PickError(_("없는 자리의 카드예요. 다시 골라 주세요."))
    elif len(deal.picks) >= deal.spread.size:
        raise PickError(_("카드는 %(count)s까지 고를 수 있어요. 바꾸고 싶다면 고른 카드를 한 번 더 눌러 내려놓으세요.",
                          count=deal.spread.count_label))
    else:
        deal.picks.append(slot)
    save(deal)
