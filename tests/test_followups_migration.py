"""The follow-up revision (0005) up and down on SQLite and the suite's database:
old rows stay as they were, and deleting a reading deletes its follow-ups."""

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from tarot import create_app
from tarot.extensions import db
from tests.test_migrations import _tables

ROWS = "SELECT u.nickname, r.public_id, r.concern, r.status FROM users u JOIN readings r ON r.user_id = u.id"


@pytest.mark.parametrize("where", ["sqlite", "suite"])
def test_the_followup_revision_adds_its_table_and_keeps_old_rows(request, tmp_path, where):
    url = (f"sqlite:///{tmp_path}/followup.sqlite" if where == "sqlite"
           else request.getfixturevalue("database_url"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "AUTO_MIGRATE": False, "TESTING": True,
                      "SECRET_KEY": "test"})
    try:
        with app.app_context():
            (upgrade if where == "sqlite" else downgrade)(revision="0003")
            assert "followups" not in _tables(app)
            with db.engine.begin() as conn:
                conn.execute(text("INSERT INTO users (provider, provider_user_id, nickname, session_token,"
                                  " created_at, last_login_at) VALUES ('demo', 'f4', '옛 사용자 🍵', 't',"
                                  " '2026-11-27 09:30:15', '2026-11-27 09:30:15')"))
                conn.execute(text("INSERT INTO readings (public_id, user_id, topic, concern, locale, spread,"
                                  " cards, status, attempts, created_at) SELECT 'old-reading-f4', id, 'love',"
                                  " '그대로 남아요', 'ko', 'five-card', '[]', 'done', 1, '2026-11-27 09:30:16'"
                                  " FROM users WHERE provider_user_id = 'f4'"))
                before = conn.execute(text(ROWS)).all()
            upgrade()
            assert "followups" in _tables(app)
            with db.engine.begin() as conn:
                assert conn.execute(text(ROWS)).all() == before
                conn.execute(text("INSERT INTO followups (reading_id, number, question, locale, status,"
                                  " attempts, created_at) SELECT id, 1, '언제쯤일까요? 🍵', 'ko', 'done', 1,"
                                  " '2026-11-27 09:31:00' FROM readings WHERE public_id = 'old-reading-f4'"))
                assert conn.execute(text("SELECT question FROM followups")).scalar() == "언제쯤일까요? 🍵"
            with db.engine.begin() as conn:  # on the connection the migration used, too
                conn.execute(text("DELETE FROM readings WHERE public_id = 'old-reading-f4'"))
                assert conn.execute(text("SELECT COUNT(*) FROM followups")).scalar() == 0
                before = conn.execute(text(ROWS)).all()
            downgrade(revision="0003")
            assert "followups" not in _tables(app)
            with db.engine.connect() as conn:
                assert conn.execute(text(ROWS)).all() == before
    finally:
        with app.app_context():
            upgrade()
            with db.engine.begin() as conn:
                conn.execute(text("DELETE FROM readings WHERE public_id = 'old-reading-f4'"))
                conn.execute(text("DELETE FROM users WHERE provider_user_id = 'f4'"))
            db.engine.dispose()
