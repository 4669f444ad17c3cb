"""My cards (/archive/stats): the numbers from known readings of 1, 3 and 5 places, the charts
and their tables, both languages, the empty state, and only the user's own readings."""

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert

from tarot.extensions import db
from tarot.journal import stats
from tarot.models import Reading
from tests.archive_support import add_saved_cards, reading_row
from tests.helpers import make_user

NOW = datetime(2026, 12, 6, 3, 0)  # 12:00 in Seoul


def _drawn(*cards):
    """Cards as a reading stores them: numbers, a trailing "r" for reversed."""
    return [{"card": int(str(card).rstrip("r")), "reversed": str(card).endswith("r"), "position": f"p{n}"}
            for n, card in enumerate(cards)]


def seed(app, user_id, readings):
    """readings: [(days before NOW, topic, cards)] saved at those times; returns public ids."""
    rows = []
    for index, (days, topic, cards) in enumerate(readings):
        row = reading_row(user_id, index, topic=topic, saved_at=NOW - timedelta(days=days),
                          created_at=NOW - timedelta(days=days))
        row["cards"] = _drawn(*cards)
        rows.append(row)
    with app.app_context():
        db.session.execute(insert(Reading), rows)
        add_saved_cards(user_id, rows)
        db.session.commit()
    return [row["public_id"] for row in rows]


JOURNAL = [
    (1, "love", (0, "13r", 21, 40, 77)),   # five places
    (10, "love", (0, "13r", 30)),           # three places
    (20, "money", ("0r",)),                 # one place
    (100, "work", (13, 50, 64, 70, "1r")),  # outside the last 90 days
    (400, "love", (2,)),                    # outside the last 12 months
]


@pytest.fixture
def user_client(app, client, auth):
    client.user_id = make_user(app)
    auth.login(client, client.user_id)
    return client


def test_the_numbers_from_readings_of_any_number_of_places(app, user_client):
    seed(app, user_client.user_id, JOURNAL)
    seed(app, make_user(app, nickname="녹차라떼55555"), [(1, "love", (0, 0, 0, 0, 0))])  # not counted
    with app.test_request_context():
        from tarot.models import User
        numbers = stats.journal_stats(db.session.get(User, user_client.user_id), now=NOW)
    assert numbers.readings == 5 and numbers.cards_drawn == 15 and numbers.reversed == 4
    assert [(entry.card.number, entry.drawn) for entry in numbers.top[:3]] == [(0, 3), (13, 3), (1, 1)]
    assert len(numbers.top) == 10
    assert [(entry.card.number, entry.recent) for entry in numbers.returning] == [(0, 3)]  # 13 once was 100 days ago
    groups = {group.key: (group.count, round(group.expected, 4)) for group in numbers.groups}
    # Wands are 22-35, cups 36-49, swords 50-63, pentacles 64-77.
    assert groups == {"major": (9, round(22 / 78, 4)), "wands": (1, round(14 / 78, 4)),
                      "cups": (1, round(14 / 78, 4)), "swords": (1, round(14 / 78, 4)),
                      "pentacles": (3, round(14 / 78, 4))}
    assert round(numbers.reversed_share, 4) == round(4 / 15, 4)
    assert [(key, count) for key, _label, count in numbers.topics][:5] == [
        ("newyear", 0), ("love", 3), ("money", 1), ("study", 0), ("work", 1)]
    months = dict(numbers.months)
    assert len(numbers.months) == 12 and numbers.months[-1][0].isoformat() == "2026-12-01"
    assert months[numbers.months[-1][0]] == 1  # Dec 5
    assert months[numbers.months[-2][0]] == 2  # Nov 26 and Nov 16
    assert months[numbers.months[-5][0]] == 1  # Aug 28 (100 days before)
    assert sum(months.values()) == 4


def test_the_page_draws_svg_charts_with_tables(app, user_client):
    seed(app, user_client.user_id, JOURNAL)
    response = user_client.get("/archive/stats")
    assert response.status_code == 200 and "no-store" in response.headers["Cache-Control"]
    html = response.get_data(as_text=True)
    assert html.count('<svg class="chart-svg') == 5
    assert html.count("<table>") == 5 and html.count("표로 보기") == 5
    assert 'role="img" aria-label="가장 많이 나온 카드: 바보 3' in html
    assert "자꾸 돌아오는 카드" in html and 'href="/archive?card=the-fool"' in html
    assert "27%" in html and "28%" in html and "18%" in html  # reversed share, expected shares
    assert 'href="/archive?topic=love"' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]


def test_the_page_in_english(app, user_client):
    seed(app, user_client.user_id, JOURNAL)
    user_client.set_cookie("lang", "en")
    html = user_client.get("/archive/stats").get_data(as_text=True)
    assert "The Fool" in html and "Most drawn cards" in html and "Dec" in html


def test_an_empty_journal_invites_a_reading(user_client):
    html = user_client.get("/archive/stats").get_data(as_text=True)
    assert "아직 셀 카드가 없어요" in html and '<svg class="chart-svg' not in html
    assert 'href="/reading"' in html


def test_only_my_readings_count(app, user_client):
    seed(app, make_user(app, nickname="녹차라떼55555"), JOURNAL)
    html = user_client.get("/archive/stats").get_data(as_text=True)
    assert "아직 셀 카드가 없어요" in html


def test_the_archive_links_to_stats_and_the_numbers_drop_with_a_deleted_reading(app, user_client):
    ids = seed(app, user_client.user_id, JOURNAL[:2])
    assert 'href="/archive/stats"' in user_client.get("/archive").get_data(as_text=True)
    user_client.post(f"/archive/{ids[0]}/delete")
    html = user_client.get("/archive/stats").get_data(as_text=True)
    assert re.search(r"보관한 풀이 1개에서 카드 3장이 나왔어요", html)


def test_cards_of_the_day_are_counted_with_the_readings(app, user_client):
    from tarot.models import DailyCard, User

    seed(app, user_client.user_id, [(1, "love", (0, "13r"))])
    with app.app_context():
        for days, card, reversed_ in ((0, 13, True), (2, 13, False), (95, 40, False)):
            db.session.add(DailyCard(user_id=user_client.user_id, day=(NOW - timedelta(days=days)).date(),
                                     card=card, reversed=reversed_, locale="ko"))
        db.session.commit()
    with app.test_request_context():
        numbers = stats.journal_stats(db.session.get(User, user_client.user_id), now=NOW)
    assert numbers.readings == 1 and numbers.daily_cards == 3 and numbers.cards_drawn == 5
    assert numbers.reversed == 2
    assert [(entry.card.number, entry.drawn, entry.recent) for entry in numbers.top[:3]] == [
        (13, 3, 3), (0, 1, 1), (40, 1, 0)]  # the card of 95 days ago is not recent
    assert [entry.card.number for entry in numbers.returning] == [13]
    assert sum(months for _start, months in numbers.months) == 1  # months count readings only
    page = user_client.get("/archive/stats").get_data(as_text=True)
    assert "보관한 풀이 1개와 오늘의 카드 3장에서 카드 5장이 나왔어요." in page


def test_cards_of_the_day_alone_fill_the_page(app, user_client):
    from tarot.models import DailyCard

    with app.app_context():
        db.session.add(DailyCard(user_id=user_client.user_id, day=NOW.date(), card=7, reversed=False,
                                 locale="ko"))
        db.session.commit()
    page = user_client.get("/archive/stats").get_data(as_text=True)
    assert "아직 셀 카드가 없어요" not in page and 'id="chart-top"' in page
