"""Rate limits hold as written on one host, whatever the number of gunicorn workers.

Issue 18, item 2: without REDIS_URL each worker kept its own counts, so a limit of 10 a
minute let 15 through with two workers (and gunicorn.conf.py starts up to eight). The
counts now live in a SQLite file the host's workers share (tarot/rate_limits.py);
Redis stays the store across hosts (tests/test_deployment.py). Every 429 carries
Retry-After.
"""

import multiprocessing
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from types import SimpleNamespace

import httpx
import pytest
from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from tarot import rate_limits
from tarot.config import PROJECT_ROOT, load_settings
from tests.deploy_support import free_port, stop_process_group, wait_for_port, wait_until_healthy

SIGN_IN_LIMIT = 10  # tarot/auth/views.py: "10 per minute;60 per hour"


def _storage(path):
    return storage_from_string(f"tarot-sqlite://{path}")


# --- the storage ------------------------------------------------------------------------------

def test_counts_grow_within_a_window_and_start_again_after_it(tmp_path, monkeypatch):
    storage = _storage(tmp_path / "limits.sqlite")
    now = [1000.0]
    monkeypatch.setattr(rate_limits, "time", SimpleNamespace(time=lambda: now[0]))
    assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3]
    assert storage.get("k") == 3
    assert storage.get_expiry("k") == 1060.0
    assert storage.incr("k", 60, amount=2) == 5
    now[0] = 1060.0
    assert storage.get("k") == 0
    assert storage.incr("k", 60) == 1
    assert storage.get_expiry("k") == 1120.0
    assert storage.incr("other", 60) == 1
    storage.clear("k")
    assert storage.get("k") == 0 and storage.get("other") == 1
    assert storage.reset() == 1
    assert storage.check() is True


def test_two_storages_on_one_file_share_their_counts(tmp_path):
    first, second = _storage(tmp_path / "shared.sqlite"), _storage(tmp_path / "shared.sqlite")
    limiter_a, limiter_b = FixedWindowRateLimiter(first), FixedWindowRateLimiter(second)
    item = RateLimitItemPerMinute(5)
    results = [limiter_a.hit(item, "ip") for _ in range(3)] + [limiter_b.hit(item, "ip") for _ in range(3)]
    assert results == [True] * 5 + [False]


def _hammer(path, hits, results):
    limiter = FixedWindowRateLimiter(_storage(path))
    item = RateLimitItemPerMinute(100)
    results.put(sum(limiter.hit(item, "ip") for _ in range(hits)))


def test_processes_hitting_at_once_are_let_through_exactly_up_to_the_limit(tmp_path):
    path = tmp_path / "processes.sqlite"
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [context.Process(target=_hammer, args=(path, 60, results)) for _ in range(4)]
    for process in processes:
        process.start()
    allowed = sum(results.get(timeout=60) for _ in processes)
    for process in processes:
        process.join(30)
    assert allowed == 100


def test_expired_counts_are_purged(tmp_path, monkeypatch):
    storage = _storage(tmp_path / "purge.sqlite")
    now = [1000.0]
    monkeypatch.setattr(rate_limits, "time", SimpleNamespace(time=lambda: now[0]))
    for n in range(50):
        storage.incr(f"client-{n}", 60)
    now[0] += 3600
    storage.incr("fresh", 60)
    assert storage.rows() == 1


def test_the_file_is_private_to_the_app(tmp_path):
    path = tmp_path / "private.sqlite"
    _storage(path).incr("k", 60)
    assert path.stat().st_mode & 0o077 == 0


# --- settings ---------------------------------------------------------------------------------

def test_the_hosts_workers_share_a_file_in_the_instance_folder_by_default(tmp_path):
    settings = load_settings(tmp_path, {})
    assert settings["RATELIMIT_STORAGE_URI"] == f"tarot-sqlite://{tmp_path}/ratelimits.sqlite"


def test_the_file_can_be_placed_elsewhere_and_redis_takes_over_when_set(tmp_path):
    moved = load_settings(tmp_path, {"TAROT_RATELIMIT_PATH": "/dev/shm/tarot-limits.sqlite"})
    assert moved["RATELIMIT_STORAGE_URI"] == "tarot-sqlite:///dev/shm/tarot-limits.sqlite"
    both = load_settings(tmp_path, {"TAROT_RATELIMIT_PATH": "/tmp/x.sqlite", "REDIS_URL": "redis://r:6379/0"})
    assert both["RATELIMIT_STORAGE_URI"] == "redis://r:6379/0"


# --- Retry-After ------------------------------------------------------------------------------

def test_a_refused_sign_in_says_when_to_come_back(make_app):
    app = make_app(RATELIMIT_ENABLED=True, DEMO_LOGIN=True)
    client = app.test_client()
    statuses = [client.post("/login/demo") for _ in range(SIGN_IN_LIMIT + 1)]
    refused = statuses[-1]
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    htmx = client.post("/login/demo", headers={"HX-Request": "true"})
    assert htmx.status_code == 429 and 1 <= int(htmx.headers["Retry-After"]) <= 60


# --- gunicorn with several workers ------------------------------------------------------------

@pytest.fixture
def gunicorn_workers(tmp_path):
    """gunicorn.conf.py with three workers, no Redis; its access log names each worker's pid."""
    port = free_port()
    log = tmp_path / "access.log"
    env = {
        "PATH": f"{os.path.dirname(sys.executable)}:/usr/bin:/bin", "HOME": str(tmp_path),
        "LANG": "C.UTF-8", "SECRET_KEY": "rate-limit-test-" + "k" * 32,
        "DATABASE_URL": f"sqlite:///{tmp_path}/app.sqlite",
        "TAROT_RATELIMIT_PATH": str(tmp_path / "ratelimits.sqlite"),
        "GITHUB_CLIENT_ID": "test-client", "GITHUB_CLIENT_SECRET": "test-secret",
        "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "3", "GUNICORN_THREADS": "2",
    }
    server_log = (tmp_path / "gunicorn.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
         "--access-logfile", str(log), "--access-logformat", "%(p)s %(s)s %(U)s", "wsgi:app"],
        cwd=PROJECT_ROOT, env=env, stdout=server_log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_port(port, process, lambda: (tmp_path / "gunicorn.log").read_text(), timeout=60)
        wait_until_healthy(f"http://127.0.0.1:{port}/healthz", timeout=60)
        yield f"http://127.0.0.1:{port}", log
    finally:
        stop_process_group(process)
        server_log.close()


def _served_by(log):
    """{pid: [status, ...]} of the sign-in starts in gunicorn's access log."""
    served = {}
    for line in log.read_text().splitlines():
        pid, status, path = line.split()
        if path == "/login/github":
            served.setdefault(pid, []).append(int(status))
    return served


def test_several_workers_let_through_exactly_the_limit(gunicorn_workers):
    base, log = gunicorn_workers
    statuses = []
    lock = threading.Lock()

    def visitor():
        # A new connection each time, so any worker may take it.
        for _ in range(10):
            response = httpx.get(f"{base}/login/github", headers={"Connection": "close"}, timeout=10)
            with lock:
                statuses.append((response.status_code, response.headers.get("Retry-After")))

    threads = [threading.Thread(target=visitor) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    counts = Counter(status for status, _ in statuses)
    assert counts == {302: SIGN_IN_LIMIT, 429: 40 - SIGN_IN_LIMIT}, counts
    assert all(retry and 1 <= int(retry) <= 60 for status, retry in statuses if status == 429)
    deadline = time.monotonic() + 5
    while sum(map(len, _served_by(log).values())) < 40 and time.monotonic() < deadline:
        time.sleep(0.1)  # gunicorn writes its access line after the response
    served = _served_by(log)
    assert len(served) >= 2, f"one worker served everything, nothing was proven: {served}"
    assert sum(codes.count(302) for codes in served.values()) == SIGN_IN_LIMIT
