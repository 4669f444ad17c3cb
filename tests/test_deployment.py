"""Several hosts: real nginx (the shipped config) in front of two gunicorn instances that
share MariaDB and Redis, each started through the image's entrypoint.

Needs nginx, openssl, DATABASE_URL pointing to MariaDB (a database `tarot_multihost_*` is
created and dropped here) and REDIS_URL; .ci/run provides all of them. Elsewhere it skips,
unless TAROT_REQUIRE_DEPLOYMENT_TEST=1 (set by .ci/run) turns a missing piece into a failure.
"""

import os
import re
import secrets
import shutil
import ssl
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from tarot import create_app
from tests.deploy_support import NGINX, PROJECT_ROOT, Gunicorn, Nginx, self_signed_certificate
from tests.fakes.gemini import SIX_PART_ANSWER, Answer, FakeGemini
from tests.helpers import make_user

pytestmark = pytest.mark.deployment

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
USER_AGENT = "tarot-deployment-test"
LAST_WORDS = "또 들러 주세요"  # in the fake's answer's conclusion
READING_LIMIT = 5
REQUIRED = os.environ.get("TAROT_REQUIRE_DEPLOYMENT_TEST") == "1"


def _missing(reason):
    if REQUIRED:
        pytest.fail(f"deployment test required but {reason}")
    pytest.skip(reason)


def _redis_problem():
    if not REDIS_URL:
        return "needs REDIS_URL (a Redis server; .ci/run starts redis-server)"
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means: skip with the reason
        return f"Redis at REDIS_URL does not answer: {exc}"
    return None


def _cluster_problem():
    if NGINX is None:
        return "needs nginx (apt-get install nginx)"
    if shutil.which("openssl") is None:
        return "needs openssl for a test certificate"
    if not DATABASE_URL.startswith(("mysql", "mariadb")):
        return "needs DATABASE_URL pointing to MariaDB (the hosts share one database)"
    return _redis_problem()


@pytest.fixture(scope="module")
def shared_database():
    """A MariaDB database of its own, dropped afterwards: (url, engine)."""
    url = make_url(DATABASE_URL).set(database=f"tarot_multihost_{secrets.token_hex(4)}")
    server = create_engine(DATABASE_URL)  # the suite's database, to reach the server
    try:
        with server.begin() as conn:
            conn.execute(text(f"CREATE DATABASE `{url.database}` "
                              "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
    except SQLAlchemyError as exc:
        server.dispose()
        _missing(f"cannot create {url.database} with DATABASE_URL's user "
                    f"(grant it tarot_multihost_% as .ci/run does): {exc}")
    engine = create_engine(url)
    yield url.render_as_string(hide_password=False), engine
    engine.dispose()
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS `{url.database}`"))
    server.dispose()


@pytest.fixture(scope="module")
def cluster(request, tmp_path_factory):
    problem = _cluster_problem()
    if problem:
        _missing(problem)
    url, engine = request.getfixturevalue("shared_database")
    directory = tmp_path_factory.mktemp("cluster")
    secret = secrets.token_hex(32)
    fake = FakeGemini([Answer(SIX_PART_ANSWER)])
    fake.__enter__()
    env = {
        "PATH": f"{os.path.dirname(sys.executable)}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(directory),
        "LANG": "C.UTF-8",
        "TAROT_ENV": "production",
        "SECRET_KEY": secret,
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "REDIS_KEY_PREFIX": f"tarot-test-{secrets.token_hex(4)}",  # a fresh count for each run
        "TAROT_PROXY_COUNT": "1",
        "GEMINI_API_KEY": "fake-key",
        "GEMINI_BASE_URL": fake.url,
        "READING_LEASE_SECONDS": "5",
        "READING_RATE_LIMIT": f"{READING_LIMIT} per minute",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "4",
    }
    if os.environ.get("TAROT_DECK_PATH"):
        env["TAROT_DECK_PATH"] = os.environ["TAROT_DECK_PATH"]
    hosts = {
        "a": Gunicorn("a", {**env, "MIGRATE_ON_START": "1"}, directory),  # migrates first
        "b": Gunicorn("b", {**env, "MIGRATE_ON_START": "0"}, directory),  # as a second host would
    }
    cert, key = self_signed_certificate(directory)
    nginx = Nginx(directory, [f"127.0.0.1:{h.port}" for h in hosts.values()], cert, key)
    for host in hosts.values():
        host.env["TAROT_PUBLIC_URL"] = nginx.url("").rstrip("/")  # https://localhost:<its port>
    try:
        for host in hosts.values():
            host.start()
        nginx.start()
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": secret, "AUTO_MIGRATE": False})
        yield Cluster(hosts, nginx, app, engine, fake, cert)
    finally:
        nginx.stop()
        for host in hosts.values():
            host.stop()
        fake.__exit__(None, None, None)


class Cluster:
    def __init__(self, hosts, nginx, app, engine, fake, cert):
        self.a, self.b = hosts["a"], hosts["b"]
        self.nginx = nginx
        self.app = app
        self.engine = engine
        self.fake = fake
        self.tls = ssl.create_default_context(cafile=str(cert))

    def visitor(self, nickname=None):
        """A browser; signed in as a new user when a nickname is given."""
        cookie = _session_cookie(self.app, make_user(self.app, nickname)) if nickname else None
        return Visitor(cookie, verify=self.tls)

    def reading_row(self, public_id):
        with self.engine.connect() as conn:
            return conn.execute(
                text("SELECT status, attempts, partial_text FROM readings WHERE public_id = :p"),
                {"p": public_id},
            ).one()

    def logs(self):
        return self.a.log() + self.b.log()


def _session_cookie(app, user_id):
    """The session cookie Flask-Login makes at sign-in (demo sign-in is off in production)."""
    from flask_login.utils import _create_identifier

    from tarot.extensions import db
    from tarot.models import User

    with app.app_context():
        token = db.session.get(User, user_id).session_token
    # The identifier binds the session to the address and browser; behind nginx the app
    # sees the same 127.0.0.1 as a direct visitor on loopback.
    with app.test_request_context(headers={"User-Agent": USER_AGENT},
                                  environ_base={"REMOTE_ADDR": "127.0.0.1"}):
        identifier = _create_identifier()
    serializer = app.session_interface.get_signing_serializer(app)
    return serializer.dumps({"_user_id": token, "_fresh": True, "_id": identifier})


class Visitor:
    """A browser's cookie handling, kept by hand: the session cookie is Secure, and the
    same browser talks to nginx over HTTPS and to each instance over plain HTTP."""

    def __init__(self, cookie, verify):
        self.cookie = cookie
        self.http = httpx.Client(verify=verify, timeout=15, headers={"User-Agent": USER_AGENT})

    def request(self, method, url, headers=None, **kwargs):
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = f"session={self.cookie}"
        response = self.http.request(method, url, headers=headers, **kwargs)
        self.http.cookies.clear()
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            if name == "session":
                self.cookie = rest.split(";", 1)[0] or None
        return response

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, **kwargs):
        return self.request("POST", url, **kwargs)


def _create_reading(visitor, base, headers=None):
    """The whole form: shuffle, pick five, ask → the reading's public id."""
    page = visitor.get(f"{base}/reading", headers=headers)
    assert page.status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    # Behind HTTPS, Flask-WTF also wants a same-origin Referer, as browsers send.
    send = {**(headers or {}), "Referer": f"{base}/reading"}
    deal = visitor.post(f"{base}/reading/deal", data={"csrf_token": token},
                        headers={**send, "HX-Request": "true"})
    assert deal.status_code == 200, deal.text
    for slot in range(5):
        pick = visitor.post(f"{base}/reading/pick", data={"csrf_token": token, "slot": slot},
                            headers={**send, "HX-Request": "true"})
        assert pick.status_code == 200, pick.text
    created = visitor.post(f"{base}/reading", headers=send, data={
        "csrf_token": token, "topic": "love", "concern": "여러 서버에서도 제 고민이 이어질까요?",
    })
    assert created.status_code == 303, created.text
    match = re.fullmatch(r"/reading/([A-Za-z0-9_-]+)", created.headers["Location"])
    return match.group(1)


def _answer(visitor, base, public_id):
    response = visitor.get(f"{base}/reading/{public_id}/answer")
    assert response.status_code == 200, response.text
    return response.text


def _poll_until_done(visitor, base, public_id, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        html = _answer(visitor, base, public_id)
        if 'class="answer is-done"' in html:
            return html
        assert 'class="answer is-failed"' not in html, html
        time.sleep(0.3)
    raise AssertionError(f"reading {public_id} not done through {base} in {timeout}s")


def test_pages_load_through_nginx_over_https_with_one_request_id(cluster):
    response = httpx.get(cluster.nginx.url("/"), verify=cluster.tls)
    assert response.status_code == 200
    assert "타로밀크티" in response.text
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers.get_list("strict-transport-security") == ["max-age=31536000; includeSubDomains"]
    request_ids = response.headers.get_list("x-request-id")
    assert len(request_ids) == 1 and re.fullmatch(r"[0-9a-f]{32}", request_ids[0])
    # nginx's id reached the app: its access line carries it, and so does nginx's own line.
    assert re.search(rf"access GET / 200 [\d.]+ms id={request_ids[0]} user=-", cluster.logs())
    assert f"id={request_ids[0]}" in cluster.nginx.access_log.read_text()
    health = httpx.get(cluster.nginx.url("/healthz"), verify=cluster.tls)
    assert health.json() == {"status": "ok", "database": "ok"}
    guide = httpx.get(cluster.nginx.url("/guide"), verify=cluster.tls).text
    assert f'<meta property="og:url" content="{cluster.nginx.url("/guide")}">' in guide


def test_both_instances_serve_through_nginx(cluster):
    before = {h: len(re.findall(r"access GET /healthz ", h.log())) for h in (cluster.a, cluster.b)}
    for _ in range(6):
        assert httpx.get(cluster.nginx.url("/healthz"), verify=cluster.tls).status_code == 200
    after = {h: len(re.findall(r"access GET /healthz ", h.log())) for h in (cluster.a, cluster.b)}
    assert all(after[h] > before[h] for h in after)


def test_query_strings_reach_the_app(cluster):
    html = httpx.get(cluster.nginx.url("/reading?topic=money&concern=%EB%8F%88"), verify=cluster.tls).text
    assert re.search(r'value="money"\s+checked', html)
    assert ">돈</textarea>" in html


def test_static_files_come_from_nginx_with_long_cache(cluster):
    logged_before = cluster.logs().count("/static/")
    response = httpx.get(cluster.nginx.url("/static/css/site.css?v=abc"), verify=cluster.tls)
    assert response.status_code == 200
    assert response.text == (PROJECT_ROOT / "tarot" / "static" / "css" / "site.css").read_text()
    cache = ", ".join(response.headers.get_list("cache-control"))
    assert "max-age=31536000" in cache and "immutable" in cache and "public" in cache
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["content-type"].startswith("text/css")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")
    assert cluster.logs().count("/static/") == logged_before  # gunicorn never saw it
    missing = httpx.get(cluster.nginx.url("/static/css/nothing.css"), verify=cluster.tls)
    assert missing.status_code == 404 and "immutable" not in missing.headers.get("cache-control", "")


def test_service_worker_and_manifest_are_the_apps_and_not_long_cached(cluster):
    for path in ("/sw.js", "/manifest.webmanifest"):
        response = httpx.get(cluster.nginx.url(path), verify=cluster.tls)
        assert "Content-Security-Policy" in response.headers  # answered by the app
        cache = ", ".join(response.headers.get_list("cache-control"))
        assert "immutable" not in cache and "max-age=31536000" not in cache


def test_http_redirects_to_https_keeping_the_query_and_serves_acme_challenges(cluster):
    response = httpx.get(cluster.nginx.url("/reading?topic=love&concern=a%20b", scheme="http"))
    assert response.status_code == 301
    assert response.headers["location"] == cluster.nginx.url("/reading?topic=love&concern=a%20b")
    challenge = cluster.nginx.acme_root / ".well-known" / "acme-challenge" / "token123"
    challenge.write_text("token123.key")
    response = httpx.get(cluster.nginx.url("/.well-known/acme-challenge/token123", scheme="http"))
    assert (response.status_code, response.text) == (200, "token123.key")


def test_other_host_names_are_refused(cluster):
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(cluster.nginx.url("/", scheme="http"), headers={"Host": "evil.example"})
    with pytest.raises(httpx.ConnectError):  # no certificate is offered for an unknown name
        httpx.get(f"https://127.0.0.1:{cluster.nginx.https_port}/", verify=False)


def test_request_bodies_are_limited(cluster):
    response = httpx.post(cluster.nginx.url("/reading"), content=b"x" * 200_000, verify=cluster.tls)
    assert response.status_code == 413


def test_nginx_limits_sign_in_attempts(cluster):
    statuses = [httpx.get(cluster.nginx.url("/login"), verify=cluster.tls).status_code
                for _ in range(30)]
    assert 429 not in statuses[:20]
    assert 429 in statuses
    refused = httpx.get(cluster.nginx.url("/login"), verify=cluster.tls)
    assert refused.status_code == 429
    assert refused.headers.get_list("retry-after") == ["60"]  # nginx's own 429
    assert httpx.get(cluster.nginx.url("/"), verify=cluster.tls).headers.get("retry-after") is None


def test_a_reading_created_through_nginx_is_polled_through_either_instance(cluster):
    visitor = cluster.visitor("여러서버밀크티1")
    public_id = _create_reading(visitor, cluster.nginx.url("").rstrip("/"))
    for base in (cluster.a.url, cluster.b.url, cluster.nginx.url("").rstrip("/")):
        assert LAST_WORDS in _poll_until_done(visitor, base, public_id)
    assert cluster.reading_row(public_id).status == "done"


def test_a_reading_created_on_one_instance_is_polled_on_the_other(cluster):
    visitor = cluster.visitor("여러서버밀크티2")
    public_id = _create_reading(visitor, cluster.a.url)
    assert LAST_WORDS in _poll_until_done(visitor, cluster.b.url, public_id)


def test_rate_limits_are_shared_between_instances(cluster):
    visitor = cluster.visitor()  # anonymous: creating sends to sign-in, but it is counted
    client = {"X-Forwarded-For": "203.0.113.20"}  # this test's own client address
    page = visitor.get(f"{cluster.a.url}/reading", headers=client)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def create(host):
        return visitor.post(f"{host.url}/reading", headers=client,
                            data={"csrf_token": token, "topic": "love"}).status_code

    statuses = [create(cluster.a) for _ in range(3)] + [create(cluster.b) for _ in range(2)]
    assert statuses == [303] * READING_LIMIT
    assert create(cluster.b) == 429  # B saw only two, but A's three count too
    assert create(cluster.a) == 429
    refused = visitor.post(f"{cluster.b.url}/reading", headers=client, data={"csrf_token": token})
    assert 1 <= int(refused.headers["retry-after"]) <= 60


def test_the_image_health_check_reports_the_instance(cluster):
    def check(port):
        return subprocess.run(
            [sys.executable, str(PROJECT_ROOT / "docker" / "healthcheck.py")],
            env={**os.environ, "GUNICORN_BIND": f"0.0.0.0:{port}"}, capture_output=True, timeout=30,
        ).returncode

    assert check(cluster.a.port) == 0
    from tests.deploy_support import free_port

    assert check(free_port()) == 1


def test_a_reading_whose_instance_dies_is_finished_by_the_other(cluster):
    """Instance A is killed mid-answer; B's poll takes over once A's lease (5 s) runs out."""
    visitor = cluster.visitor("여러서버밀크티3")
    cluster.fake.script = [Answer(SIX_PART_ANSWER, first_delay=0.2, delay=0.7)]  # ~3 s an answer
    asked_before = len(cluster.fake.requests)
    public_id = _create_reading(visitor, cluster.a.url)

    deadline = time.monotonic() + 10
    while "안녕하세요" not in _answer(visitor, cluster.b.url, public_id):  # B only reads
        assert time.monotonic() < deadline, "no partial text from A"
        time.sleep(0.1)
    row = cluster.reading_row(public_id)
    assert (row.status, row.attempts) == ("running", 1)
    assert LAST_WORDS not in row.partial_text

    cluster.a.kill()

    html = _poll_until_done(visitor, cluster.b.url, public_id, timeout=30)
    assert LAST_WORDS in html
    row = cluster.reading_row(public_id)
    assert (row.status, row.attempts) == ("done", 2)  # claimed by A, then by B
    assert len(cluster.fake.requests) - asked_before == 2
    # nginx passes over the dead instance
    via_nginx = visitor.get(cluster.nginx.url(f"/reading/{public_id}/answer"))
    assert via_nginx.status_code == 200 and LAST_WORDS in via_nginx.text


@pytest.fixture
def redis_cache_apps(make_app):
    problem = _redis_problem()
    if problem:
        _missing(problem)
    prefix = f"tarot-test-{secrets.token_hex(4)}"
    shared = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": prefix + ":"}
    return make_app(**shared), make_app(**shared)


def test_the_cache_is_shared_through_redis(redis_cache_apps, make_app):
    """The shop search's cache is this same `cache` object, so hosts share its entries."""
    from tarot.extensions import cache

    first, second = redis_cache_apps
    with first.app_context():
        cache.set("shops:37.5668:126.9786", ["타로하우스"], timeout=30)
    with second.app_context():
        assert cache.get("shops:37.5668:126.9786") == ["타로하우스"]
        cache.delete("shops:37.5668:126.9786")
    # without Redis each process has its own (the control)
    alone, other = make_app(CACHE_TYPE="SimpleCache"), make_app(CACHE_TYPE="SimpleCache")
    with alone.app_context():
        cache.set("shops:x", 1)
    with other.app_context():
        assert cache.get("shops:x") is None
