"""Database models: User, Reading and its follow-up questions, DailyCard, the job columns
they share, and the records behind quotas and deals."""

import enum
import secrets
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import JSON, Date, DateTime, Index, UniqueConstraint
from sqlalchemy.dialects import mysql

from .extensions import db

NICKNAME_MAX = 40
# Korean text and emoji need 4-byte UTF-8 on MySQL/MariaDB (the migrations say the same).
MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


# MySQL/MariaDB DATETIME drops fractions of a second unless asked for them; leases of a
# few seconds and the archive's newest-first order need them (migration 0002).
Timestamp = DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def utcnow():
    """Naive UTC now: stored naive so SQLite and MariaDB behave alike."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_public_id():
    """A random, unguessable id for URLs (about 128 bits)."""
    return secrets.token_urlsafe(16)


def new_share_token():
    """A random, unguessable token for a share link: 144 bits, 24 URL-safe characters."""
    return secrets.token_urlsafe(18)


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("provider", "provider_user_id"), MYSQL_TABLE)

    id = db.Column(db.Integer, primary_key=True)
    provider = db.Column(db.String(16), nullable=False)
    provider_user_id = db.Column(db.String(191), nullable=False)
    nickname = db.Column(db.String(NICKNAME_MAX), nullable=False)
    avatar_url = db.Column(db.String(500))
    email = db.Column(db.String(320))
    locale = db.Column(db.String(8))
    # Changing this token logs out every session of the user (Flask-Login id).
    session_token = db.Column(db.String(64), nullable=False, default=lambda: secrets.token_hex(16))
    created_at = db.Column(Timestamp, nullable=False, default=utcnow)
    last_login_at = db.Column(Timestamp, nullable=False, default=utcnow)

    readings = db.relationship(
        "Reading", back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )

    def get_id(self):
        """Flask-Login id: the session token, so logout and deletion end sessions everywhere."""
        return self.session_token


class JobStatus(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


# A reading's status is its job's; the reading code says ReadingStatus.
ReadingStatus = JobStatus


class JobColumns:
    """The columns of a row that an interpretation job writes (tarot/jobs.py, tarot/leases.py).

    Any model that has them (by inheriting this mixin) can be claimed, leased, streamed into,
    finished, taken over and retried. ``attempts`` is the fencing token; ``lease_until``
    is when the claim runs out unless renewed.
    """

    status = db.Column(db.String(16), nullable=False, default=JobStatus.PENDING)
    partial_text = db.Column(db.Text)
    interpreter = db.Column(db.String(16))
    model = db.Column(db.String(64))
    error_kind = db.Column(db.String(32))
    attempts = db.Column(db.Integer, nullable=False, default=0)
    lease_until = db.Column(Timestamp)
    started_at = db.Column(Timestamp)
    finished_at = db.Column(Timestamp)

    @property
    def finished(self):
        return self.status in (JobStatus.DONE, JobStatus.FAILED)


class Reading(JobColumns, db.Model):
    __tablename__ = "readings"
    __table_args__ = (
        Index("ix_readings_user_saved", "user_id", "saved_at"),
        Index("ix_readings_user_topic_saved", "user_id", "topic", "saved_at"),
        Index("ix_readings_saved_created", "saved_at", "created_at"),
        Index("ix_readings_user_mood_saved", "user_id", "mood", "saved_at"),
        MYSQL_TABLE,
    )

    id = db.Column(db.Integer, primary_key=True)
    public_id = db.Column(db.String(32), nullable=False, unique=True, default=new_public_id)
    user_id = db.Column(
        db.Integer, db.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    topic = db.Column(db.String(16), nullable=False)
    concern = db.Column(db.Text, nullable=False, default="")
    locale = db.Column(db.String(8), nullable=False, default="ko")
    spread = db.Column(db.String(32), nullable=False, default="five-card")
    # "drawn": the site dealt the cards; "own-deck": the user entered a reading of their own deck.
    source = db.Column(db.String(16), nullable=False, default="drawn", server_default="drawn")
    # [{"card": 0-77, "reversed": bool, "position": "past" | ...}, ...] in position order
    cards = db.Column(JSON, nullable=False)
    # The POST's idempotency key: the same submission twice yields one reading.
    request_key = db.Column(db.String(64), unique=True)
    # {"greeting": ..., "past": ..., ..., "conclusion": ...}; the job columns: JobColumns
    answer = db.Column(JSON)
    created_at = db.Column(Timestamp, nullable=False, default=utcnow)
    saved_at = db.Column(Timestamp)
    # The journal (issue 21): the owner's note on a saved reading, a mood key
    # (tarot/journal/notes.py) and when the note was last written.
    note = db.Column(db.Text)
    mood = db.Column(db.String(16))
    noted_at = db.Column(Timestamp)

    user = db.relationship("User", back_populates="readings")
    followups = db.relationship("FollowUp", back_populates="reading", order_by="FollowUp.number",
                                cascade="all, delete-orphan", passive_deletes=True)


class FollowUp(JobColumns, db.Model):
    """A question the owner asked about a finished reading's cards, and its answer.

    ``number`` is its place under the reading (1, 2, 3): shown in that order, and unique,
    so two requests at once cannot both take the same place.
    """

    __tablename__ = "followups"
    __table_args__ = (UniqueConstraint("reading_id", "number"), MYSQL_TABLE)

    id = db.Column(db.Integer, primary_key=True)
    reading_id = db.Column(db.Integer, db.ForeignKey("readings.id", ondelete="CASCADE"), nullable=False)
    number = db.Column(db.Integer, nullable=False)
    question = db.Column(db.Text, nullable=False)
    locale = db.Column(db.String(8), nullable=False, default="ko")
    answer = db.Column(db.Text)  # plain paragraphs; the job columns: JobColumns
    created_at = db.Column(Timestamp, nullable=False, default=utcnow)

    reading = db.relationship("Reading", back_populates="followups")


class ReadingCard(db.Model):
    """One card of a saved reading: what the journal counts and the archive's card filter finds.

    Written when the reading is saved (tarot/journal/cards.py), one row per place of its
    spread, and deleted with the reading or the account. ``saved_at`` repeats the reading's,
    so a card's readings page in the archive's order (saved time, reading id) along this
    table's own index.
    """

    __tablename__ = "reading_cards"
    __table_args__ = (
        Index("ix_reading_cards_user_card_saved", "user_id", "card", "saved_at", "reading_id", "reversed"),
        MYSQL_TABLE,
    )

    reading_id = db.Column(
        db.Integer, db.ForeignKey("readings.id", ondelete="CASCADE"), primary_key=True
    )
    place = db.Column(db.SmallInteger, primary_key=True, autoincrement=False)  # 0, 1, … in spread order
    user_id = db.Column(db.Integer, db.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    card = db.Column(db.SmallInteger, nullable=False)  # 0-77, as in Reading.cards
    reversed = db.Column(db.Boolean, nullable=False)
    saved_at = db.Column(Timestamp, nullable=False)


class ModelCall(db.Model):
    """One call to the AI model on a user's behalf: what the daily allowance counts.

    ``reading_id`` is deliberately not a foreign key: deleting a reading must leave its
    calls counted. Deleting the account deletes them (issue 18; see tarot/quota.py).
    """

    __tablename__ = "model_calls"
    __table_args__ = (
        Index("ix_model_calls_user_created", "user_id", "created_at"),
        Index("ix_model_calls_reading", "reading_id"),
        MYSQL_TABLE,
    )

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    kind = db.Column(db.String(16), nullable=False)  # "reading", "retry", …
    reading_id = db.Column(db.Integer)
    created_at = db.Column(Timestamp, nullable=False, default=utcnow)


class UsedDeal(db.Model):
    """A deal that has made its reading; the same deal is refused from then on.

    Kept a day (``flask purge``), long after the deal itself expires (tarot/reading/deals.py).
    """

    __tablename__ = "used_deals"
    __table_args__ = (MYSQL_TABLE,)

    deal_id = db.Column(db.String(32), primary_key=True)
    used_at = db.Column(Timestamp, nullable=False, default=utcnow, index=True)


class DailyCard(JobColumns, db.Model):
    """A signed-in user's card of the day (오늘의 카드) and the short note written for it.

    ``day`` is the date in Seoul; one row per user and day, so two devices drawing at the
    same moment get the same card (tarot/daily/service.py). The note is written by a job
    (tarot/daily/job.py) into the job columns, as a reading's answer is.
    """

    __tablename__ = "daily_cards"
    __table_args__ = (UniqueConstraint("user_id", "day"), MYSQL_TABLE)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    day = db.Column(Date, nullable=False)
    card = db.Column(db.Integer, nullable=False)  # 0-77
    reversed = db.Column(db.Boolean, nullable=False)
    locale = db.Column(db.String(8), nullable=False, default="ko")
    note = db.Column(db.Text)
    created_at = db.Column(Timestamp, nullable=False, default=utcnow)

    user = db.relationship("User")


class ReadingShare(db.Model):
    """A share link of a reading: a public, read-only page at ``/s/<token>`` (tarot/share/).

    What a link shows is fixed when it is made, so a link already sent never starts showing
    more; one link per choice of what to show (the unique constraint). Deleting the reading
    (or the account) deletes its links; revoking a link deletes its row.
    """

    __tablename__ = "reading_shares"
    __table_args__ = (
        UniqueConstraint("reading_id", "show_concern", "show_nickname", "indexable",
                         name="uq_reading_shares_choice"),
        MYSQL_TABLE,
    )

    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(32), nullable=False, unique=True, default=new_share_token)
    reading_id = db.Column(
        db.Integer, db.ForeignKey("readings.id", ondelete="CASCADE"), nullable=False
    )
    show_concern = db.Column(db.Boolean, nullable=False, default=False)
    show_nickname = db.Column(db.Boolean, nullable=False, default=False)
    indexable = db.Column(db.Boolean, nullable=False, default=False)
    created_at = db.Column(Timestamp, nullable=False, default=utcnow)

    reading = db.relationship("Reading")
