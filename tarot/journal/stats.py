"""My cards: what a user's saved readings keep saying, counted in the database.

Four small queries, whatever the number of readings:

- per card (at most 78 rows): how often it came up, how often reversed, and how often
  in the last RECENT_DAYS days, in one pass over ``reading_cards``' covering index
  (user, card, saved time, reading id, reversed);
- readings per topic, along ``ix_readings_user_topic_saved``;
- readings per month for the last MONTHS months (months in Seoul time), a range of
  ``ix_readings_user_saved``.

The most drawn cards, the cards that keep coming back, major against minor, the four
suits and the reversed share all follow from the 78 per-card rows. Cards are counted over
however many places each reading's spread has. The cards of the day (daily_cards) are
counted with them: each source in CARD_SOURCES gives the same (card, drawn, reversed,
recent) rows, and the counts are summed.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import case, func

from ..deck import MAJOR_COUNT, current_deck
from ..extensions import db
from ..models import DailyCard, Reading, ReadingCard, utcnow
from ..quota import SEOUL
from ..suits import MAJOR_LABEL, SUIT_LABELS, SUITS
from ..topics import TOPICS, topic_label

TOP_CARDS = 10
RECENT_DAYS = 90
RETURNING_AT_LEAST = 3
MONTHS = 12
# What a fair shuffle gives in the long run: 22 of 78 cards are major, 14 each suit, and a
# card lies reversed half the time (tarot/deck.py's deal).
EXPECTED_MAJOR = MAJOR_COUNT / 78
EXPECTED_SUIT = 14 / 78
EXPECTED_REVERSED = 0.5


@dataclass
class CardCount:
    """One card's numbers over the user's journal."""

    card: object  # tarot.deck.Card
    drawn: int = 0
    reversed: int = 0
    recent: int = 0


@dataclass(frozen=True)
class Share:
    """A group of cards (the majors, a suit): how many came up and the share a fair deck gives."""

    key: str
    label: str
    count: int
    share: float
    expected: float


@dataclass
class JournalStats:
    """Everything /archive/stats shows."""

    readings: int
    daily_cards: int
    cards_drawn: int
    reversed: int
    top: list
    returning: list
    groups: list
    topics: list  # [(key, label, count)] in TOPICS order
    months: list  # [(first day of the month, count)], oldest first

    @property
    def reversed_share(self):
        return self.reversed / self.cards_drawn if self.cards_drawn else 0.0


def _reading_cards(user_id, since):
    """(card, drawn, reversed, drawn since ``since``) per card of the user's saved readings."""
    drawn = ReadingCard
    return (
        db.select(
            drawn.card, func.count(),
            func.sum(case((drawn.reversed, 1), else_=0)),
            func.sum(case((drawn.saved_at >= since, 1), else_=0)),
        )
        .with_hint(drawn, "FORCE INDEX (ix_reading_cards_user_card_saved)", dialect_name="mysql")
        .where(drawn.user_id == user_id)
        .group_by(drawn.card)
    )


def _daily_cards(user_id, since):
    """(card, drawn, reversed, drawn since ``since``) per card of the user's cards of the day."""
    since_day = since.replace(tzinfo=UTC).astimezone(SEOUL).date()  # a card's day is Seoul's
    return (
        db.select(
            DailyCard.card, func.count(),
            func.sum(case((DailyCard.reversed, 1), else_=0)),
            func.sum(case((DailyCard.day >= since_day, 1), else_=0)),
        )
        .where(DailyCard.user_id == user_id)
        .group_by(DailyCard.card)
    )


# Each returns a SELECT of (card, drawn, reversed, recent) rows for (user id, since).
CARD_SOURCES = (_reading_cards, _daily_cards)


def daily_count(user_id):
    """How many cards of the day the user has drawn."""
    return db.session.execute(
        db.select(func.count()).select_from(DailyCard).where(DailyCard.user_id == user_id)
    ).scalar_one()


def card_counts(user_id, since):
    """{card number: CardCount} over every source of drawn cards."""
    deck = current_deck()
    counts = {}
    for source in CARD_SOURCES:
        for number, drawn, reversed_, recent in db.session.execute(source(user_id, since)):
            entry = counts.setdefault(number, CardCount(deck[number]))
            entry.drawn += int(drawn)
            entry.reversed += int(reversed_ or 0)
            entry.recent += int(recent or 0)
    return counts


def topic_query(user_id):
    """Saved readings per topic."""
    return (
        db.select(Reading.topic, func.count())
        .with_hint(Reading, "FORCE INDEX (ix_readings_user_topic_saved)", dialect_name="mysql")
        .where(Reading.user_id == user_id, Reading.saved_at.is_not(None))
        .group_by(Reading.topic)
    )


def month_starts(today, months=MONTHS):
    """The first day of each of the last ``months`` months up to ``today``'s, oldest first."""
    starts = []
    year, month = today.year, today.month
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _utc(day, zone):
    """Midnight at the start of ``day`` in ``zone``, as the naive UTC time rows store."""
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def month_query(user_id, starts, zone):
    """One row: saved readings in each month that starts at ``starts`` (the last runs to now)."""
    bounds = [_utc(day, zone) for day in starts]
    columns = [
        func.sum(case(((Reading.saved_at >= low) & (Reading.saved_at < high), 1), else_=0))
        for low, high in zip(bounds, bounds[1:], strict=False)
    ]
    columns.append(func.sum(case((Reading.saved_at >= bounds[-1], 1), else_=0)))
    return (
        db.select(*columns)
        .with_hint(Reading, "FORCE INDEX (ix_readings_user_saved)", dialect_name="mysql")
        .where(Reading.user_id == user_id, Reading.saved_at >= bounds[0])
    )


def _groups(counts, total):
    """The majors and the four suits: count, share of all cards drawn, and a fair deck's share."""
    tally = {"major": 0, **{suit: 0 for suit in SUITS}}
    for entry in counts.values():
        tally["major" if entry.card.is_major else entry.card.suit] += entry.drawn
    labels = {"major": str(MAJOR_LABEL), **{suit: str(SUIT_LABELS[suit]) for suit in SUITS}}
    return [
        Share(key, labels[key], count, count / total if total else 0.0,
              EXPECTED_MAJOR if key == "major" else EXPECTED_SUIT)
        for key, count in tally.items()
    ]


def _topics(by_topic):
    """[(key, label, count)]: every topic in the form's order, then any the form no longer offers."""
    keys = list(TOPICS) + sorted(key for key in by_topic if key not in TOPICS)
    return [(key, topic_label(key), by_topic.get(key, 0)) for key in keys]


def journal_stats(user, now=None):
    """The user's JournalStats as of ``now`` (naive UTC; default: now)."""
    now = now or utcnow()
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    counts = card_counts(user.id, now - timedelta(days=RECENT_DAYS))
    by_topic = dict(db.session.execute(topic_query(user.id)).all())
    today = now.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date()
    starts = month_starts(today)
    per_month = db.session.execute(month_query(user.id, starts, zone)).one()
    drawn = sum(entry.drawn for entry in counts.values())
    ranked = sorted(counts.values(), key=lambda entry: (-entry.drawn, entry.card.number))
    returning = sorted(
        (entry for entry in counts.values() if entry.recent >= RETURNING_AT_LEAST),
        key=lambda entry: (-entry.recent, entry.card.number),
    )
    return JournalStats(
        readings=sum(by_topic.values()),
        daily_cards=daily_count(user.id),
        cards_drawn=drawn,
        reversed=sum(entry.reversed for entry in counts.values()),
        top=ranked[:TOP_CARDS],
        returning=returning,
        groups=_groups(counts, drawn),
        topics=_topics(by_topic),
        months=[(start, int(count or 0)) for start, count in zip(starts, per_month, strict=True)],
    )
