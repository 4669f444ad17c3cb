"""Time the archive page and the journal's stats page with 10,000 saved readings for one user.

    python bench/archive_page.py                  # SQLite file in a temporary folder
    DATABASE_URL=mysql+pymysql://... python bench/archive_page.py   # an EMPTY MariaDB database

It migrates the database, seeds one user with 10,000 saved readings (and another user with
a few, plus unsaved rows), then sends 200 requests each for page 1, a deep page (page 451,
reached through its cursor), a topic filter, a deep topic page and the htmx "more" partial
through the Flask test client, signed in, and prints p50/p95/max in milliseconds. The
figures include rendering the 20 rows (100 card thumbnails), not only the query. The
journal's cases: the card, mood and words filters and /archive/stats (a fifth of the
readings carry a mood and a note).

The database given by DATABASE_URL is emptied first: never point it at real data.
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from tarot import create_app  # noqa: E402
from tarot.archive import service  # noqa: E402
from tarot.archive.filters import Filters  # noqa: E402
from tarot.extensions import db  # noqa: E402
from tarot.models import Reading, User  # noqa: E402
from tarot.topics import TOPICS  # noqa: E402
from tests.archive_support import reading_row, seed_saved  # noqa: E402
from tests.conftest import AuthActions, _empty_database  # noqa: E402
from tests.helpers import make_user  # noqa: E402

SAVED = 10_000
REQUESTS = 200


def build_app():
    url = os.environ.get("DATABASE_URL")
    if not url:
        url = "sqlite:///" + str(Path(tempfile.mkdtemp(prefix="archive-bench-")) / "bench.sqlite")
    _empty_database(url)
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": url, "AUTO_MIGRATE": False, "SECRET_KEY": "bench",
        "RATELIMIT_ENABLED": False,
    })
    with app.app_context():
        upgrade()
    return app


def seed(app):
    user_id = make_user(app, nickname="벤치마크밀크티")
    seed_saved(app, user_id, SAVED, topics=tuple(TOPICS), step=timedelta(milliseconds=333))
    other = make_user(app, nickname="다른사람")
    seed_saved(app, other, 500)
    with app.app_context():
        db.session.execute(insert(Reading), [reading_row(user_id, i) for i in range(2_000)])
        db.session.execute(
            db.update(Reading).where(Reading.user_id == user_id, Reading.saved_at.is_not(None), Reading.id % 5 == 0)
            .values(mood="calm", note="산책하며 생각을 정리했어요")
        )
        analyze = "ANALYZE TABLE readings, reading_cards" if db.engine.dialect.name == "mysql" else "ANALYZE"
        db.session.execute(text(analyze))
        db.session.commit()
    return user_id


def deep_cursor(app, user_id, pages, topic=None):
    with app.app_context():
        user = db.session.get(User, user_id)
        after = None
        for _ in range(pages):
            after = service.saved_page(user, Filters(topic=topic), after).next_cursor
        return after.encode()


def measure(client, url, headers=None):
    """Wall-clock p50, p95, max and this process's median CPU time per request (ms).

    The CPU time is the app's own work (routing, queries' client side, rendering) and does
    not grow when other processes compete for the CPU; wall-clock time does.
    """
    client.get(url, headers=headers)  # warm-up
    times, cpu = [], []
    for _ in range(REQUESTS):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, headers=headers)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1], statistics.median(cpu)


def main():
    app = build_app()
    started = time.perf_counter()
    user_id = seed(app)
    print(f"database: {app.config['SQLALCHEMY_DATABASE_URI'].split('@')[-1]}")
    print(f"seeded {SAVED} saved readings in {time.perf_counter() - started:.1f}s")
    client = app.test_client()
    AuthActions().login(client, user_id)  # the demo sign-in, as the tests sign in
    deep = deep_cursor(app, user_id, 450)
    deep_love = deep_cursor(app, user_id, 60, "love")
    cases = [
        ("page 1", "/archive", None),
        ("page 451 (cursor)", f"/archive?cursor={deep}", None),
        ("topic filter, page 1", "/archive?topic=love", None),
        ("topic filter, page 61", f"/archive?topic=love&cursor={deep_love}", None),
        ("htmx more, page 451", f"/archive?cursor={deep}", {"HX-Request": "true"}),
        ("card filter, page 1", "/archive?card=the-fool", None),
        ("mood filter, page 1", "/archive?mood=calm", None),
        ("words in note, page 1", "/archive?q=산책", None),
        ("words, no match", "/archive?q=없는낱말", None),
        ("stats", "/archive/stats", None),
    ]
    print(f"{REQUESTS} requests each, milliseconds; load average before: {os.getloadavg()[0]:.2f}")
    print(f"{'case':24} {'p50':>7} {'p95':>7} {'max':>7} {'cpu p50':>8}")
    for name, url, headers in cases:
        p50, p95, worst, cpu = measure(client, url, headers)
        print(f"{name:24} {p50:7.2f} {p95:7.2f} {worst:7.2f} {cpu:8.2f}")


if __name__ == "__main__":
    main()
