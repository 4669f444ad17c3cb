"""Operations inside the app: request ids, access and error logs, the proxy, limits, leases."""

import io
import logging
import re
from datetime import timedelta

import pytest
from flask import request

from tarot import jobs, leases
from tarot.extensions import db
from tarot.models import Reading, ReadingStatus, utcnow
from tarot.reading.job import READING
from tarot.spreads import POSITIONS
from tests.helpers import make_user


class Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def access_records():
    handler = Records()
    logger = logging.getLogger("tarot.access")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


@pytest.fixture
def app_log_output():
    """What the app's own log handler writes (errors, jobs), formatted."""
    handler = next(h for h in logging.getLogger("tarot").handlers if h.get_name() == "tarot")
    buffer = io.StringIO()
    old = handler.setStream(buffer)
    yield buffer
    handler.setStream(old)


def test_request_id_is_made_and_sent_back(client):
    first = client.get("/").headers["X-Request-ID"]
    second = client.get("/").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_request_id_from_the_proxy_is_kept_and_a_forged_one_replaced(client):
    response = client.get("/", headers={"X-Request-ID": "0123456789abcdef0123456789abcdef"})
    assert response.headers["X-Request-ID"] == "0123456789abcdef0123456789abcdef"
    response = client.get("/", headers={"X-Request-ID": "forged id=1 user=7"})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_one_access_line_per_request_without_the_query_string(client, access_records):
    response = client.get("/reading?topic=love&concern=비밀스러운+고민")
    assert len(access_records) == 1
    line = access_records[0].getMessage()
    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(rf"GET /reading 200 \d+\.\dms id={request_id} user=-", line)
    assert "비밀" not in line and "concern" not in line


def test_access_line_names_the_signed_in_user(app, client, access_records, auth):
    user_id = make_user(app)
    auth.login(client, user_id)
    client.get("/reading/no-such-reading/answer")
    assert access_records[-1].getMessage().startswith("GET /reading/no-such-reading/answer 404 ")
    assert access_records[-1].getMessage().endswith(f" user={user_id}")


def test_an_error_is_logged_with_traceback_and_request_id_but_not_shown(
    make_app, app_log_output, access_records
):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("the kettle boiled dry")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "kettle" not in body and "Traceback" not in body
    request_id = response.headers["X-Request-ID"]
    logged = app_log_output.getvalue()
    assert f"ERROR tarot id={request_id}: Exception on /boom [GET]" in logged
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: the kettle boiled dry" in logged
    assert access_records[-1].getMessage().startswith("GET /boom 500 ")


def test_a_failed_job_is_logged_with_its_error_kind(make_app, app_log_output):
    from tarot.oracle import ErrorKind, InterpretationError

    class Refusing:
        name, model = "refusing", "none"

        def stream(self, request):
            raise InterpretationError(ErrorKind.BLOCKED, "the model said no")

    app = make_app(INTERPRETER_FACTORY=Refusing)
    user_id = make_user(app)
    with app.app_context():
        reading = Reading(user_id=user_id, topic="love", concern="", cards=_cards(),
                          status=ReadingStatus.PENDING, locale="ko")
        db.session.add(reading)
        db.session.commit()
        jobs.run(READING, reading.id)
        public_id = reading.public_id
    logged = app_log_output.getvalue()
    assert f"WARNING tarot.jobs id=-: reading {public_id} failed: {ErrorKind.BLOCKED}" in logged


def _cards():
    return [{"card": n, "reversed": False, "position": p} for n, p in zip(range(5), POSITIONS, strict=True)]


def _whoami(app):
    @app.get("/_whoami")
    def whoami():
        return {"addr": request.remote_addr, "scheme": request.scheme, "host": request.host}


FORWARDED = {
    "X-Forwarded-For": "203.0.113.9",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "tarot.example",
    "X-Forwarded-Port": "443",
}


def test_behind_one_proxy_the_client_address_scheme_and_host_are_taken_from_it(make_app):
    app = make_app(PROXY_COUNT=1)
    _whoami(app)
    seen = app.test_client().get("/_whoami", headers=FORWARDED).get_json()
    assert seen == {"addr": "203.0.113.9", "scheme": "https", "host": "tarot.example"}


def test_without_a_proxy_forwarded_headers_are_ignored(make_app):
    app = make_app()  # TAROT_PROXY_COUNT defaults to 0
    _whoami(app)
    seen = app.test_client().get("/_whoami", headers=FORWARDED).get_json()
    assert seen == {"addr": "127.0.0.1", "scheme": "http", "host": "localhost"}


def test_reading_creation_is_rate_limited_per_client_address(make_app):
    app = make_app(PROXY_COUNT=1, RATELIMIT_ENABLED=True, READING_RATE_LIMIT="2 per minute")
    client = app.test_client()
    first = {"X-Forwarded-For": "203.0.113.10"}
    other = {"X-Forwarded-For": "203.0.113.11"}
    assert [client.post("/reading", headers=first).status_code for _ in range(3)] == [303, 303, 429]
    assert "잠시 쉬어 갈까요?" in client.post("/reading", headers=first).get_data(as_text=True)
    assert client.post("/reading", headers=other).status_code == 303
    assert client.get("/reading", headers=first).status_code == 200  # only creating is limited


def test_the_lease_length_is_a_setting(make_app):
    app = make_app(READING_LEASE_SECONDS=7)
    user_id = make_user(app)
    with app.app_context():
        reading = Reading(user_id=user_id, topic="love", concern="", cards=_cards(),
                          status=ReadingStatus.PENDING, locale="ko")
        db.session.add(reading)
        db.session.commit()
        before = utcnow()
        assert leases.claim(Reading, reading.id) is not None
        db.session.refresh(reading)
        lease = reading.lease_until - before
    assert timedelta(seconds=6) < lease <= timedelta(seconds=8)


def test_serving_processes_leave_migration_and_sign_in_tooling_out(tmp_path):
    """A serving process loads Alembic (about 10 MB) only on the start that migrates its
    embedded database, and Authlib (about 16 MB with requests) only when someone signs in
    with a provider."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from tarot import create_app\n"
        f"app = create_app({{'MIGRATE_COMMANDS': False, 'AUTO_MIGRATE': True, 'SQLALCHEMY_DATABASE_URI': "
        f"'sqlite:///{tmp_path}/serve.sqlite', 'GITHUB_CLIENT_ID': 'id', 'GITHUB_CLIENT_SECRET': 'secret'}})\n"
        "print('alembic' in sys.modules, 'authlib' in sys.modules)\n"
        "app.test_client().get('/login/github')\n"
        "print('authlib' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parent.parent

    def start():
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60)
        assert result.returncode == 0, result.stderr
        return [word for word in result.stdout.split() if word in ("True", "False")]  # not the access log

    assert start() == ["True", "False", "True"]  # a new database: migrated on start
    assert start() == ["False", "False", "True"]  # already current: Alembic stays out
    assert "MIGRATE_COMMANDS" in (root / "wsgi.py").read_text()
