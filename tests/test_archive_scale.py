"""With 10,000 saved readings the archive's queries walk an index, never sort or scan.

Not a timing test (bench/archive_page.py measures time): the database's own query plan is
the proof, on SQLite (EXPLAIN QUERY PLAN) and on MariaDB (EXPLAIN), plus the handler
counters on MariaDB, which show a deep page reads 21 index entries like the first page.
"""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from tarot.archive import service
from tarot.archive.filters import Filters
from tarot.extensions import db
from tarot.models import Reading, User
from tarot.topics import TOPICS as TOPIC_LABELS
from tests.archive_support import seed_saved
from tests.helpers import make_user

COUNT = 10_000
TOPICS = tuple(TOPIC_LABELS)


@pytest.fixture
def big_archive(app):
    """One user with 10,000 saved readings (three per second), another with a few."""
    user_id = make_user(app)
    seed_saved(app, user_id, COUNT, topics=TOPICS, step=timedelta(milliseconds=333))
    seed_saved(app, make_user(app, nickname="녹차라떼55555"), 50)
    with app.app_context():
        db.session.execute(text("ANALYZE TABLE readings, reading_cards" if db.engine.dialect.name == "mysql" else "ANALYZE"))
        db.session.commit()
    return user_id


def _plan(statement):
    sql = str(statement.compile(db.engine, compile_kwargs={"literal_binds": True}))
    if db.engine.dialect.name == "sqlite":
        return [row[-1] for row in db.session.execute(text("EXPLAIN QUERY PLAN " + sql))], sql
    rows = db.session.execute(text("EXPLAIN " + sql)).mappings().all()
    return rows, sql


def _handler_reads(sql):
    def counters():
        rows = db.session.execute(text("SHOW SESSION STATUS LIKE 'Handler_read%'"))
        return {name: int(value) for name, value in rows}

    before = counters()
    db.session.execute(text(sql)).all()
    after = counters()
    return sum(after[name] - before[name] for name in after)


def _walk(user, topic=None):
    """Every page of the user's archive: [(cursor it starts after, ids), ...]."""
    pages, after = [], None
    while True:
        page = service.saved_page(user, Filters(topic=topic), after)
        pages.append((after, [reading.id for reading in page.readings]))
        if page.next_cursor is None:
            return pages
        after = page.next_cursor


def test_archive_queries_use_the_indexes_with_10000_saved_readings(app, big_archive):
    with app.app_context():
        user = db.session.get(User, big_archive)
        assert service.saved_count(user) == COUNT
        pages = _walk(user)
        ids = [i for _, page in pages for i in page]
        assert len(pages) == COUNT // service.PAGE_SIZE
        assert len(ids) == len(set(ids)) == COUNT
        assert ids == sorted(ids, reverse=True)  # seeded in saved order

        cursors = {n: pages[n][0] for n in (0, 1, 199, 450, 499)}
        queries = [(f"page {n + 1}", service.page_query(user, after=c), "ix_readings_user_saved") for n, c in cursors.items()]
        queries += [(f"love, after page {n + 1}", service.page_query(user, Filters(topic="love"), after=c), "ix_readings_user_topic_saved") for n, c in cursors.items()]
        queries.append(("count", db.select(db.func.count()).where(*service._saved_by(user)), "ix_readings_user_saved"))
        for name, statement, index in queries:
            plan, sql = _plan(statement)
            if db.engine.dialect.name == "sqlite":
                assert any(f"USING INDEX {index}" in step or f"USING COVERING INDEX {index}" in step for step in plan), (name, plan)
                assert not any("TEMP B-TREE" in step or step.startswith("SCAN") for step in plan), (name, plan)
            else:
                (row,) = plan
                assert row["key"] == index, (name, row)
                assert row["type"] in ("ref", "range"), (name, row)
                assert "filesort" not in (row["Extra"] or ""), (name, row)
                if name != "count":
                    # one or two index dives and at most 21 entries walked, whatever the page
                    assert _handler_reads(sql) <= 25, (name, _handler_reads(sql))


def test_topic_pages_are_exact_with_10000_saved_readings(app, big_archive):
    with app.app_context():
        user = db.session.get(User, big_archive)
        ids = [i for _, page in _walk(user, "love") for i in page]
        assert len(ids) == len(set(ids)) == len(range(0, COUNT, len(TOPICS)))
        stored = db.session.execute(db.select(Reading.id).filter_by(user_id=user.id, topic="love").order_by(Reading.id.desc())).scalars().all()
        assert ids == stored


def test_card_pages_and_the_card_counts_walk_reading_cards_index_with_10000_saved_readings(app, big_archive):
    from tarot.journal import stats
    from tarot.models import ReadingCard

    with app.app_context():
        user = db.session.get(User, big_archive)
        ids, after = [], None
        while True:
            page = service.saved_page(user, Filters(card=0), after)
            ids += [reading.id for reading in page.readings]
            if page.next_cursor is None:
                break
            after = page.next_cursor
        stored = db.session.execute(
            db.select(ReadingCard.reading_id).filter_by(user_id=user.id, card=0).distinct()
        ).scalars().all()
        assert ids == sorted(stored, reverse=True) and len(ids) > 500
        since = datetime(2026, 1, 1)
        index = "ix_reading_cards_user_card_saved"
        for name, statement in (("card page", service.page_query(user, Filters(card=0), after=after)),
                                ("card counts", stats.CARD_SOURCES[0](user.id, since))):
            plan, _sql = _plan(statement)
            if db.engine.dialect.name == "sqlite":
                assert any(index in step for step in plan), (name, plan)
                assert not any("TEMP B-TREE" in step for step in plan), (name, plan)
            else:
                assert plan[0]["key"] == index, (name, plan)
                assert "filesort" not in (plan[0]["Extra"] or "") and "temporary" not in (plan[0]["Extra"] or ""), (name, plan)
