"""Faults: the database goes away and comes back; Gemini is busy for a while; the process
that started a reading is gone. Requests fail kindly and everything recovers by itself.

Already proven elsewhere, not repeated here: a reading whose worker died mid-answer is
taken over by the next poll (test_jobs.py::test_a_dead_workers_reading_is_finished_by_a_later_poll,
and across two real gunicorn hosts in test_deployment.py::test_a_reading_whose_instance_dies_is_finished_by_the_other);
one 429 is retried and a 429 that persists ends as a clear failure with a retry button
(test_gemini.py::test_a_transient_failure_is_retried / ..._that_persists_ends_failed).
"""


import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tarot.extensions import db
from tests.conftest import SERVER_URL
from tests.fakes.gemini import SIX_PART_ANSWER, Answer, Error, FakeGemini
from tests.fakes.tcpproxy import TcpProxy
from tests.helpers import make_user, public_id_of, start_reading, wait_for_reading
from tests.reliability_support import seed_reading

FRIENDLY = "잠시 문을 닫았어요"


def assert_outage(client):
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json == {"status": "error", "database": "unreachable"}
    for path in ("/archive", "/me", "/"):
        page = client.get(path)
        html = page.get_data(as_text=True)
        assert page.status_code == 503, path
        assert FRIENDLY in html and "Traceback" not in html and "Error" not in html, path
        assert page.headers["Content-Security-Policy"]
    htmx = client.get("/healthz", headers={"Accept": "application/json"})
    assert htmx.status_code == 503


def assert_serving(client, public_id):
    assert client.get("/healthz").status_code == 200
    assert client.get("/archive").status_code == 200
    assert client.get(f"/reading/{public_id}").status_code == 200


def test_sqlite_gone_and_back(make_app, tmp_path, auth):
    folder = tmp_path / "data"
    folder.mkdir()
    app = make_app(
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder}/tarot.sqlite",
        SQLALCHEMY_ENGINE_OPTIONS={"poolclass": NullPool},
        PROPAGATE_EXCEPTIONS=False,
    )
    with app.app_context():
        db.create_all()
    client = app.test_client()
    user_id = make_user(app)
    auth.login(client, user_id)
    public_id = seed_reading(app, user_id)
    assert_serving(client, public_id)

    folder.rename(tmp_path / "elsewhere")  # the volume is gone
    assert_outage(client)
    (tmp_path / "elsewhere").rename(folder)
    assert_serving(client, public_id)


@pytest.mark.skipif(not (SERVER_URL or "").startswith("mysql"), reason="needs DATABASE_URL of a MySQL/MariaDB")
def test_mariadb_unreachable_and_back(make_app, auth):
    url = make_url(SERVER_URL)
    with TcpProxy((url.host or "127.0.0.1", url.port or 3306)) as proxy:
        proxied = url.set(host="127.0.0.1", port=proxy.port)
        app = make_app(
            SQLALCHEMY_DATABASE_URI=proxied.render_as_string(hide_password=False),
            SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True, "connect_args": {"connect_timeout": 3}},
            PROPAGATE_EXCEPTIONS=False,
        )
        client = app.test_client()
        user_id = make_user(app)
        auth.login(client, user_id)
        public_id = seed_reading(app, user_id)
        assert_serving(client, public_id)

        proxy.cut()  # every pooled connection dies and new ones are refused
        assert_outage(client)
        proxy.restore()
        assert_serving(client, public_id)


def test_gemini_busy_for_a_while_then_the_reading_finishes(make_app, auth):
    script = [Error(429, "RESOURCE_EXHAUSTED")] * 3 + [Answer(SIX_PART_ANSWER)]
    with FakeGemini(script) as fake:
        app = make_app(GEMINI_API_KEY="k", GEMINI_BASE_URL=fake.url, GEMINI_TIMEOUT=3,
                       READING_RETRY_DELAYS=(0.05, 0.1, 0.2))
        client = app.test_client()
        auth.login(client, make_user(app))
        public_id = public_id_of(start_reading(client))
        reading = wait_for_reading(app, public_id, client=client)
    assert (reading.status, reading.attempts) == ("done", 1)
    assert len(fake.requests) == 4  # three refusals, each waited out, then the answer


def test_a_reading_started_before_a_restart_is_found_and_finished_after_it(make_app, auth):
    config = {"GEMINI_API_KEY": "k", "GEMINI_TIMEOUT": 3, "READING_LEASE_SECONDS": 1}
    before = make_app(**config, INTERPRETER_FACTORY=_never_answers)
    client = before.test_client()
    auth.login(client, make_user(before))
    public_id = public_id_of(start_reading(client))
    # The first process claimed the reading and died with it: running, lease left behind.
    assert wait_for_reading(before, public_id, statuses=("running",), timeout=5).attempts == 1

    with FakeGemini([Answer(SIX_PART_ANSWER)]) as fake:
        after = make_app(**config, GEMINI_BASE_URL=fake.url)  # a new process, same database
        browser = after.test_client()
        browser.set_cookie(**_session_cookie(client))  # the same visitor, still signed in
        assert browser.get(f"/reading/{public_id}").status_code == 200
        reading = wait_for_reading(after, public_id, client=browser)
    assert (reading.status, reading.interpreter, reading.attempts) == ("done", "gemini", 2)


def _never_answers():
    raise SystemExit("the process went away")


def _session_cookie(client):
    cookie = client.get_cookie("session")
    return {"key": cookie.key, "value": cookie.value, "domain": cookie.domain}


def test_proxy_cut_really_drops_connections():
    import socket

    with socket.create_server(("127.0.0.1", 0)) as server, TcpProxy(server.getsockname()) as proxy:
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=2) as conn:
            upstream, _ = server.accept()
            conn.sendall(b"ping")
            assert upstream.recv(4) == b"ping"
            proxy.cut()
            assert upstream.recv(4) == b""  # the far side sees the connection end
            upstream.close()
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=2) as refused:
            refused.settimeout(2)
            assert refused.recv(4) == b""
        proxy.restore()
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=2) as again:
            upstream, _ = server.accept()
            again.sendall(b"back")
            assert upstream.recv(4) == b"back"
            upstream.close()




def test_a_busy_database_does_not_fail_a_reading_that_is_being_written(make_app, auth):
    """Seen under load on SQLite ("database is locked"): a failed progress write used to end
    the reading as failed. Now a progress write is skipped and the result write waits."""
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    failures = {"progress": 2, "result": 2}

    def busy(conn, cursor, statement, parameters, context, executemany):
        if not statement.startswith("UPDATE readings SET"):
            return
        kind = "result" if "answer=" in statement else "progress" if "partial_text=" in statement else None
        if kind and failures[kind] > 0 and "attempts=" not in statement.split("WHERE")[0]:
            failures[kind] -= 1
            raise OperationalError(statement, parameters, Exception("database is locked"))

    with FakeGemini([Answer(SIX_PART_ANSWER, delay=0.3)]) as fake:
        app = make_app(GEMINI_API_KEY="k", GEMINI_BASE_URL=fake.url, GEMINI_TIMEOUT=3)
        client = app.test_client()
        auth.login(client, make_user(app))
        with app.app_context():
            event.listen(db.engine, "before_cursor_execute", busy)
        try:
            public_id = public_id_of(start_reading(client))
            reading = wait_for_reading(app, public_id, timeout=20)
        finally:
            with app.app_context():
                event.remove(db.engine, "before_cursor_execute", busy)
    assert failures == {"progress": 0, "result": 0}
    assert (reading.status, reading.attempts, len(fake.requests)) == ("done", 1, 1)
