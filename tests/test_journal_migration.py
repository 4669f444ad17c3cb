"""Migration 0008_journal on a database with readings: old rows stay as they were, the cards
of saved readings (of any number of places) are written, and the downgrade takes only what
it added."""

import json
from datetime import datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from tarot import create_app
from tarot.extensions import db

SAVED = datetime(2026, 10, 1, 9, 30, 15, 123456)


def _cards(numbers):
    return [{"card": number, "reversed": number % 2 == 1, "position": f"p{n}"} for n, number in enumerate(numbers)]


def _insert_readings(conn):
    conn.execute(text(
        "INSERT INTO users (id, provider, provider_user_id, nickname, created_at, last_login_at, session_token)"
        " VALUES (1, 'demo', 'm1', '마이그레이션', :now, :now, 'tok')"
    ), {"now": SAVED})
    rows = [
        ("a1", _cards([5]), SAVED),
        ("a3", _cards([0, 21, 77]), SAVED),
        ("a5", _cards([1, 2, 3, 4, 70]), SAVED),
        ("u5", _cards([9, 10, 11, 12, 13]), None),  # never saved: not counted
    ]
    for public_id, cards, saved_at in rows:
        conn.execute(text(
            "INSERT INTO readings (public_id, user_id, topic, concern, locale, spread, cards, status,"
            " attempts, created_at, saved_at) VALUES (:pid, 1, 'love', '고민 ✨', 'ko', 'five-card',"
            " :cards, 'done', 1, :saved, :saved_at)"
        ), {"pid": public_id, "cards": json.dumps(cards), "saved": SAVED, "saved_at": saved_at})


def _snapshot(conn):
    return [tuple(row) for row in conn.execute(text(
        "SELECT public_id, topic, concern, cards, created_at, saved_at FROM readings ORDER BY public_id"
    ))]


def _round_trip(url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "AUTO_MIGRATE": False, "TESTING": True,
                      "SECRET_KEY": "test"})
    with app.app_context():
        downgrade(revision="base")
        upgrade(revision="0003")
        with db.engine.begin() as conn:
            _insert_readings(conn)
            before = _snapshot(conn)
        upgrade(revision="0008")
        with db.engine.begin() as conn:
            assert _snapshot(conn) == before
            counted = conn.execute(text(
                "SELECT r.public_id, c.place, c.card, c.reversed, c.saved_at FROM reading_cards c"
                " JOIN readings r ON r.id = c.reading_id ORDER BY r.public_id, c.place"
            )).all()
            notes = conn.execute(text("SELECT note, mood, noted_at FROM readings")).all()
        assert [(row[0], row[1], row[2], bool(row[3])) for row in counted] == [
            ("a1", 0, 5, True),
            ("a3", 0, 0, False), ("a3", 1, 21, True), ("a3", 2, 77, True),
            ("a5", 0, 1, True), ("a5", 1, 2, False), ("a5", 2, 3, True), ("a5", 3, 4, False), ("a5", 4, 70, False),
        ]
        assert {str(row[4]) for row in counted} == {str(SAVED)}
        assert set(notes) == {(None, None, None)}
        downgrade(revision="0003")
        with db.engine.begin() as conn:
            assert _snapshot(conn) == before
        columns = {column["name"] for column in inspect(db.engine).get_columns("readings")}
        assert "reading_cards" not in inspect(db.engine).get_table_names()
        assert not {"note", "mood", "noted_at"} & columns
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM readings"))
            conn.execute(text("DELETE FROM users"))
        upgrade()
        db.engine.dispose()


def test_journal_migration_on_sqlite(tmp_path):
    _round_trip(f"sqlite:///{tmp_path}/journal.sqlite")


@pytest.mark.usefixtures("app")
def test_journal_migration_on_the_suite_database(database_url):
    _round_trip(database_url)
