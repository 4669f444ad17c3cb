"""Migrations upgrade from nothing and downgrade back to nothing."""

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from tarot import create_app
from tarot.extensions import db


def _tables(app):
    with app.app_context():
        return set(inspect(db.engine).get_table_names())


def test_upgrade_from_empty_and_downgrade_to_base_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path}/migrate.sqlite"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "AUTO_MIGRATE": False, "TESTING": True})
    with app.app_context():
        upgrade()
    assert {"users", "readings", "alembic_version"} <= _tables(app)
    with app.app_context():
        downgrade(revision="base")
    assert _tables(app) <= {"alembic_version"}


def test_downgrade_to_base_and_back_on_the_suite_database(database_url, tmp_path):
    """The same round trip on the suite's own database (MariaDB in CI), left at the newest."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "AUTO_MIGRATE": False,
                      "TESTING": True, "SECRET_KEY": "test"})
    try:
        with app.app_context():
            downgrade(revision="base")
        assert _tables(app) <= {"alembic_version"}
    finally:
        with app.app_context():
            upgrade()
            db.engine.dispose()
    assert {"users", "readings"} <= _tables(app)


def test_models_match_migrations(app):
    """Autogenerate finds nothing to add: the models and the migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_embedded_database_is_created_and_migrated_on_start(tmp_path):
    url = f"sqlite:///{tmp_path}/fresh.sqlite"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "AUTO_MIGRATE": True})
    assert {"users", "readings"} <= _tables(app)


def test_korean_text_and_emoji_round_trip(app):
    from tarot.models import Reading, User

    with app.app_context():
        user = User(provider="demo", provider_user_id="1", nickname="웃고있는밀크티48213 🍵")
        db.session.add(user)
        db.session.flush()
        reading = Reading(
            user=user, topic="love", concern="그 사람 마음이 궁금해요 💌🃏",
            cards=[{"card": 0, "reversed": False, "position": "past"}],
        )
        db.session.add(reading)
        db.session.commit()
        db.session.expire_all()
        stored = db.session.get(Reading, reading.id)
        assert stored.concern == "그 사람 마음이 궁금해요 💌🃏"
        assert stored.user.nickname == "웃고있는밀크티48213 🍵"


def test_timestamps_keep_fractions_of_a_second(app):
    """Leases last seconds: a database that rounds to whole seconds would cut them short."""
    from datetime import datetime

    from tarot.models import Reading, User

    moment = datetime(2026, 11, 27, 9, 30, 15, 987654)
    with app.app_context():
        user = User(provider="demo", provider_user_id="fractions", nickname="초침")
        db.session.add(user)
        db.session.flush()
        reading = Reading(user=user, topic="love", concern="", lease_until=moment, saved_at=moment,
                          cards=[{"card": 0, "reversed": False, "position": "past"}])
        db.session.add(reading)
        db.session.commit()
        db.session.expire_all()
        stored = db.session.get(Reading, reading.id)
        assert stored.lease_until == moment
        assert stored.saved_at == moment


@pytest.mark.parametrize("where", ["sqlite", "suite"])
def test_the_hardening_revision_adds_its_tables_and_keeps_old_rows(request, tmp_path, where):
    """0003 (model_calls, used_deals) up and down, on SQLite and on the suite's database."""
    from sqlalchemy import text

    url = (f"sqlite:///{tmp_path}/hardening.sqlite" if where == "sqlite"
           else request.getfixturevalue("database_url"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "AUTO_MIGRATE": False, "TESTING": True,
                      "SECRET_KEY": "test"})
    rows = "SELECT u.nickname, r.public_id, r.concern FROM users u JOIN readings r ON r.user_id = u.id"
    try:
        with app.app_context():
            (upgrade if where == "sqlite" else downgrade)(revision="0002")
            assert not {"model_calls", "used_deals"} & _tables(app)
            with db.engine.begin() as conn:
                conn.execute(text("INSERT INTO users (provider, provider_user_id, nickname, session_token,"
                                  " created_at, last_login_at) VALUES ('demo', 'm3', '옛 사용자 🍵', 't',"
                                  " '2026-11-27 09:30:15', '2026-11-27 09:30:15')"))
                conn.execute(text("INSERT INTO readings (public_id, user_id, topic, concern, locale, spread,"
                                  " cards, status, attempts, created_at) SELECT 'old-reading', id, 'love',"
                                  " '그대로 남아요', 'ko', 'five-card', '[]', 'done', 1, '2026-11-27 09:30:16'"
                                  " FROM users WHERE provider_user_id = 'm3'"))
                before = conn.execute(text(rows)).all()
            upgrade()
            assert {"model_calls", "used_deals"} <= _tables(app)
            with db.engine.connect() as conn:
                assert conn.execute(text(rows)).all() == before
                assert conn.execute(text("SELECT COUNT(*) FROM model_calls")).scalar() == 0
            downgrade(revision="0002")
            assert not {"model_calls", "used_deals"} & _tables(app)
            with db.engine.connect() as conn:
                assert conn.execute(text(rows)).all() == before
    finally:
        with app.app_context():
            upgrade()
            with db.engine.begin() as conn:
                conn.execute(text("DELETE FROM readings WHERE public_id = 'old-reading'"))
                conn.execute(text("DELETE FROM users WHERE provider_user_id = 'm3'"))
            db.engine.dispose()


def _columns(app, table):
    from sqlalchemy import inspect

    return {column["name"] for column in inspect(db.engine).get_columns(table)}


@pytest.mark.parametrize("where", ["sqlite", "suite"])
def test_the_spreads_revision_marks_old_readings_drawn_and_keeps_them(request, tmp_path, where):
    """0004 (readings.source) up and down, on SQLite and on the suite's database: an old
    reading keeps every column as it was and reads as dealt by the site."""
    from sqlalchemy import text

    url = (f"sqlite:///{tmp_path}/spreads.sqlite" if where == "sqlite"
           else request.getfixturevalue("database_url"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "AUTO_MIGRATE": False, "TESTING": True,
                      "SECRET_KEY": "test"})
    rows = ("SELECT u.nickname, r.public_id, r.topic, r.concern, r.locale, r.spread, r.cards, r.status,"
            " r.answer, r.created_at FROM users u JOIN readings r ON r.user_id = u.id ORDER BY r.public_id")
    try:
        with app.app_context():
            (upgrade if where == "sqlite" else downgrade)(revision="0003")
            assert "source" not in _columns(app, "readings")
            with db.engine.begin() as conn:
                conn.execute(text("INSERT INTO users (provider, provider_user_id, nickname, session_token,"
                                  " created_at, last_login_at) VALUES ('demo', 'm4', '옛 사용자 🍵', 't4',"
                                  " '2026-11-27 09:30:15', '2026-11-27 09:30:15')"))
                conn.execute(text("INSERT INTO readings (public_id, user_id, topic, concern, locale, spread,"
                                  " cards, status, answer, attempts, created_at) SELECT 'old-five', id, 'love',"
                                  " '그대로 남아요', 'ko', 'five-card',"
                                  " '[{\"card\": 3, \"reversed\": true, \"position\": \"past\"}]', 'done',"
                                  " '{\"greeting\": \"안녕하세요\"}', 1, '2026-11-27 09:30:16'"
                                  " FROM users WHERE provider_user_id = 'm4'"))
                before = conn.execute(text(rows)).all()
            upgrade()
            assert "source" in _columns(app, "readings")
            with db.engine.connect() as conn:
                assert conn.execute(text(rows)).all() == before
                assert conn.execute(text("SELECT source FROM readings WHERE public_id = 'old-five'")).scalar() == "drawn"
            downgrade(revision="0003")
            assert "source" not in _columns(app, "readings")
            with db.engine.connect() as conn:
                assert conn.execute(text(rows)).all() == before
    finally:
        with app.app_context():
            upgrade()
            with db.engine.begin() as conn:
                conn.execute(text("DELETE FROM readings WHERE public_id = 'old-five'"))
                conn.execute(text("DELETE FROM users WHERE provider_user_id = 'm4'"))
            db.engine.dispose()


@pytest.mark.parametrize("where", ["sqlite", "suite"])
def test_the_share_revision_adds_its_table_and_keeps_old_rows(request, tmp_path, where):
    """0007 (reading_shares) up and down, on SQLite and on the suite's database."""
    from sqlalchemy import text

    url = (f"sqlite:///{tmp_path}/share.sqlite" if where == "sqlite"
           else request.getfixturevalue("database_url"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "AUTO_MIGRATE": False, "TESTING": True,
                      "SECRET_KEY": "test"})
    rows = "SELECT u.nickname, r.public_id, r.concern, r.saved_at FROM users u JOIN readings r ON r.user_id = u.id"
    try:
        with app.app_context():
            (upgrade if where == "sqlite" else downgrade)(revision="0003")
            assert "reading_shares" not in _tables(app)
            with db.engine.begin() as conn:
                conn.execute(text("INSERT INTO users (provider, provider_user_id, nickname, session_token,"
                                  " created_at, last_login_at) VALUES ('demo', 'm4', '옛 사용자 🍵', 't',"
                                  " '2026-11-27 09:30:15', '2026-11-27 09:30:15')"))
                conn.execute(text("INSERT INTO readings (public_id, user_id, topic, concern, locale, spread,"
                                  " cards, status, attempts, created_at) SELECT 'old-share-reading', id,"
                                  " 'love', '그대로 남아요', 'ko', 'five-card', '[]', 'done', 1,"
                                  " '2026-11-27 09:30:16' FROM users WHERE provider_user_id = 'm4'"))
                before = conn.execute(text(rows)).all()
            upgrade()
            assert "reading_shares" in _tables(app)
            with db.engine.begin() as conn:
                assert conn.execute(text(rows)).all() == before
                conn.execute(text("INSERT INTO reading_shares (token, reading_id, show_concern,"
                                  " show_nickname, indexable, created_at) SELECT 'tok-old-share', id,"
                                  " 0, 0, 0, '2026-11-27 09:31:00' FROM readings"
                                  " WHERE public_id = 'old-share-reading'"))
            downgrade(revision="0003")
            assert "reading_shares" not in _tables(app)
            with db.engine.connect() as conn:
                assert conn.execute(text(rows)).all() == before
    finally:
        with app.app_context():
            upgrade()
            with db.engine.begin() as conn:
                conn.execute(text("DELETE FROM readings WHERE public_id = 'old-share-reading'"))
                conn.execute(text("DELETE FROM users WHERE provider_user_id = 'm4'"))
            db.engine.dispose()
