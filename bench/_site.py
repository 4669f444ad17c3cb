"""Shared pieces of the reading benchmarks: a database with a user, gunicorn, a session cookie."""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET_KEY = "bench-secret-key"
USER_AGENT = "tarot-bench/1.0"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(workdir):
    """DATABASE_URL when set (e.g. MariaDB), else a fresh SQLite file in ``workdir``."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/bench.sqlite"


def make_app(url, **config):
    """The app on ``url``, migrated to the newest revision."""
    from flask_migrate import upgrade

    from tarot import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET_KEY, "AUTO_MIGRATE": False, **config})
    with app.app_context():
        upgrade()
    return app


def make_user(app, nickname):
    """A user for the run (removed again by ``remove_user``); returns its id."""
    from tarot.extensions import db
    from tarot.models import User

    with app.app_context():
        user = User(provider="demo", provider_user_id=f"bench-{os.getpid()}-{time.time_ns()}", nickname=nickname)
        db.session.add(user)
        db.session.commit()
        return user.id


def remove_user(app, user_id):
    from tarot.extensions import db
    from tarot.models import User

    with app.app_context():
        db.session.delete(db.session.get(User, user_id))
        db.session.commit()


def session_cookie(app, user_id, **extra):
    """The ``session`` cookie a browser holds after signing in (and opening a form)."""
    from flask_login.utils import _create_identifier

    from tarot.extensions import db
    from tarot.models import User

    with app.app_context():
        token = db.session.get(User, user_id).session_token
    with app.test_request_context(headers={"User-Agent": USER_AGENT}, environ_base={"REMOTE_ADDR": "127.0.0.1"}):
        identifier = _create_identifier()
    data = {"_user_id": token, "_fresh": True, "_id": identifier, "csrf_token": "0" * 40, **extra}
    return "session=" + app.session_interface.get_signing_serializer(app).dumps(data)


class Server(str):
    """A running gunicorn: the base URL (it is the string) and the master's pid."""

    def __new__(cls, base, pid):
        server = super().__new__(cls, base)
        server.pid = pid
        return server

    def cpu_seconds(self):
        """CPU time used so far by the master and its workers (from /proc)."""
        pids = [self.pid]
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        if children.exists():
            pids += [int(p) for p in children.read_text().split()]
        total = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
        return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(url, workers=2, worker_class="gthread", threads=4, env=None, target="wsgi:app"):
    """Run ``gunicorn <target>`` (``wsgi:app``) on 127.0.0.1; yields a Server (the base URL)."""
    port = free_port()
    environment = {
        **os.environ, "SECRET_KEY": SECRET_KEY, "DATABASE_URL": url, "TAROT_ENV": "development",
        "GEMINI_API_KEY": "", **(env or {}),
    }
    command = [
        GUNICORN, "--workers", str(workers), "--worker-class", worker_class, "--bind", f"127.0.0.1:{port}",
        "--chdir", str(ROOT), "--pythonpath", str(ROOT / "bench"), "--log-level", "warning",
    ]
    if worker_class == "gthread":
        command += ["--threads", str(threads)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([*command, target], env=environment, stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, process, log)
            yield Server(base, process.pid)
        finally:
            process.terminate()
            process.wait(10)


def _wait_until_up(base, process, log):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise SystemExit("gunicorn exited:\n" + log.read().decode(errors="replace"))
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not answer /healthz in 30 s")


def get(url, cookie):
    """GET with the bench's cookie and user agent; returns (status, body text)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie, "User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read().decode()


def deal_five(client, base):
    """Deal and pick five cards as the reading page's htmx does (an httpx client signed in).

    Returns (form, headers): the form that POST /reading takes (topic, concern, CSRF token)
    and the htmx headers with the token, for the reading's later POSTs.
    """
    page = client.get(base + "/reading").text
    token = re.search(r'id="csrf-token" value="([^"]+)"', page)[1]
    headers = {"X-CSRFToken": token, "HX-Request": "true"}
    client.post(base + "/reading/deal", headers=headers)
    for slot in range(5):
        client.post(base + "/reading/pick", data={"slot": slot}, headers=headers)
    return {"topic": "love", "concern": "연락이 올까요?", "csrf_token": token}, headers
