"""A visitor's card of the day, kept in this browser's ``daily`` cookie, sealed.

Nothing is stored on the server for a visitor: the card lives in a cookie sealed with a key
derived from SECRET_KEY (Fernet: encrypted and authenticated), so a visitor can neither
choose a card nor move one to another day. The cookie expires when the day ends in Seoul,
and a sealed card is only ever accepted on the day it names, within a day of being drawn.
"""

import base64
import hashlib
import json
import time
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app, request

from ..deck import DECK_SIZE

COOKIE = "daily"
# A card sealed longer ago than this is refused whatever day it names.
LIFETIME_SECONDS = 26 * 3600


@dataclass(frozen=True)
class SealedCard:
    """What the cookie holds: the day (ISO, Seoul), the card's number and its orientation."""

    day: str
    number: int
    reversed: bool


def _fernet():
    digest = hashlib.sha256(b"tarot-daily:" + current_app.config["SECRET_KEY"].encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(day, number, reversed_, now=None):
    """The cookie's value for this card on ``day`` (a date)."""
    data = json.dumps({"day": day.isoformat(), "card": number, "reversed": reversed_})
    return _fernet().encrypt_at_time(data.encode(), int(now or time.time())).decode()


def unseal(value, day, now=None):
    """The SealedCard in ``value`` if it is genuine, recent and for ``day``; else None."""
    try:
        raw = _fernet().decrypt_at_time(value.encode(), LIFETIME_SECONDS, int(now or time.time()))
        data = json.loads(raw)
        number, reversed_, sealed_day = data["card"], data["reversed"], data["day"]
    except (InvalidToken, ValueError, TypeError, KeyError, UnicodeError):
        return None
    valid = (
        type(number) is int and 0 <= number < DECK_SIZE
        and type(reversed_) is bool and sealed_day == day.isoformat()
    )
    return SealedCard(sealed_day, number, reversed_) if valid else None


def read(day):
    """(card or None, whether the request sent a cookie that was refused)."""
    value = request.cookies.get(COOKIE)
    if value is None:
        return None, False
    card = unseal(value, day)
    return card, card is None


def remember(response, day, number, reversed_, expires):
    """Keep the card in the cookie until ``expires`` (the day's end in Seoul)."""
    response.set_cookie(
        COOKIE, seal(day, number, reversed_), expires=expires, httponly=True, samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )


def forget(response):
    """Remove a refused cookie, so the browser stops sending it."""
    response.delete_cookie(
        COOKIE, httponly=True, samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"]
    )
