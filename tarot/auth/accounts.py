"""Accounts: find or create the user behind a provider profile, nicknames, sign-out, deletion."""

import secrets
import unicodedata
from urllib.parse import urlsplit

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..i18n import gettext as _
from ..models import NICKNAME_MAX, DailyCard, Reading, ReadingCard, User, utcnow
from .providers import Profile

# In the original's style ("웃고있는밀크티48213"), with the gloomier words softened.
NICKNAME_ADJECTIVES = (
    "웃고있는", "졸고있는", "설레는", "놀라는", "엉망진창", "콧노래하는", "두근거리는", "느긋한",
)
NICKNAME_DRINKS = (
    "홍차", "녹차", "보이차", "우롱차", "밀크티", "커피", "보리차", "유자차", "얼그레이", "캐모마일",
)

DEMO_PROFILE = Profile(provider="demo", provider_user_id="demo", nickname="데모밀크티")

# Bidirectional overrides and isolates can make a name display as something else.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})
# What continues the character before it (accents, joiners, emoji variation selectors).
COMBINING_CATEGORIES = frozenset({"Mn", "Me", "Mc"})
ZWJ = "\u200d"
CLUSTER_JOINERS = frozenset("\u200c\u200d\ufe0e\ufe0f")


class NicknameError(ValueError):
    """A nickname the user typed cannot be used; the message says why, in the page's language."""


def random_nickname():
    """A friendly random nickname such as "설레는밀크티48213"."""
    adjective = secrets.choice(NICKNAME_ADJECTIVES)
    drink = secrets.choice(NICKNAME_DRINKS)
    return f"{adjective}{drink}{10000 + secrets.randbelow(90000)}"


def _forbidden(ch):
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in FORBIDDEN_CATEGORIES


def provider_nickname(raw):
    """A provider's display name made fit for the column, or None if nothing usable is left.

    Unsafe characters are dropped, runs of spaces collapsed, and a long name is cut to
    NICKNAME_MAX characters without leaving a dangling combining mark or joiner.
    """
    if not isinstance(raw, str):
        return None
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    text = "".join(ch for ch in text if not _forbidden(ch)).strip()
    return _shorten(text, NICKNAME_MAX) or None


def _shorten(text, limit):
    """Cut ``text`` to ``limit`` characters, never through the middle of a character cluster."""
    if len(text) <= limit:
        return text
    end = limit
    while end > 0 and _joins_previous(text[end - 1], text[end]):
        end -= 1
    return text[:end].rstrip()


def _joins_previous(before, ch):
    """True when ``ch`` belongs to the same visible character as ``before``."""
    return (
        unicodedata.category(ch) in COMBINING_CATEGORIES
        or ch in CLUSTER_JOINERS
        or before == ZWJ
        or (_regional_indicator(before) and _regional_indicator(ch))
    )


def _regional_indicator(ch):
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def checked_nickname(raw):
    """The nickname a user typed, trimmed; raises NicknameError with a clear message."""
    text = unicodedata.normalize("NFC", raw or "").strip()
    if not text:
        raise NicknameError(_("닉네임을 한 글자 이상 적어 주세요."))
    if len(text) > NICKNAME_MAX:
        raise NicknameError(
            _("닉네임은 %(max)d자까지 쓸 수 있어요. 지금은 %(count)d자예요.", max=NICKNAME_MAX, count=len(text))
        )
    if any(_forbidden(ch) for ch in text):
        raise NicknameError(_("줄바꿈이나 보이지 않는 제어 문자는 닉네임에 쓸 수 없어요."))
    return text


def rename(user, raw):
    """Change the user's nickname after checking it."""
    user.nickname = checked_nickname(raw)
    db.session.commit()


def _find(provider, provider_user_id):
    return db.session.execute(
        select(User).filter_by(provider=provider, provider_user_id=provider_user_id)
    ).scalar_one_or_none()


def sign_in_account(profile):
    """The user for this provider account, created on the first sign-in.

    Accounts are keyed by (provider, provider user id) only, never by e-mail. Every sign-in
    refreshes the avatar and e-mail from the provider. The session token is kept, so signing
    in on a phone does not sign the laptop out; logout changes it (end_all_sessions).
    """
    for _attempt in range(2):
        user = _find(profile.provider, profile.provider_user_id)
        if user is None:
            user = User(
                provider=profile.provider,
                provider_user_id=profile.provider_user_id,
                nickname=provider_nickname(profile.nickname) or random_nickname(),
            )
            db.session.add(user)
        user.avatar_url = profile.avatar_url
        user.email = profile.email
        user.last_login_at = utcnow()
        try:
            db.session.commit()
        except IntegrityError:
            # Two first sign-ins of the same account at once: the other one created it.
            db.session.rollback()
            continue
        return user
    raise RuntimeError("could not create or find the account")


def new_session_token():
    """A fresh random session token (the user's Flask-Login id)."""
    return secrets.token_hex(16)


def end_all_sessions(user):
    """Invalidate every session of the user, on every device (Flask-Login ids change)."""
    user.session_token = new_session_token()
    db.session.commit()


def delete_account(user):
    """Delete the user, all their readings (with their notes and the cards the journal counts)
    and their cards of the day."""
    # The foreign key's ON DELETE CASCADE would take the readings too (tarot/database.py turns
    # SQLite's foreign keys on); deleting them here does not depend on that.
    db.session.execute(delete(ReadingCard).where(ReadingCard.user_id == user.id))
    db.session.execute(delete(Reading).where(Reading.user_id == user.id))
    db.session.execute(delete(DailyCard).where(DailyCard.user_id == user.id))
    db.session.delete(user)
    db.session.commit()


def safe_next(target, default="/"):
    """``target`` if it is a path on this site, else ``default``.

    Refuses anything a browser could read as another host: ``//host``, ``/\\host``,
    schemes, and control characters (browsers drop tabs and newlines from URLs).
    """
    if not isinstance(target, str) or not target.startswith("/") or len(target) > 2000:
        return default
    if target.startswith("//") or "\\" in target:
        return default
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    if parts.path.startswith(("/login", "/logout", "/auth/")):
        return default
    return target.rstrip("?") or default
