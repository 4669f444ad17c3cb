"""gunicorn settings: `gunicorn --config gunicorn.conf.py wsgi:app`.

Readers poll their answer once a second or so while it is written, and the answers
themselves are written by reading jobs running in threads inside these workers, so the
workers are threaded (gthread) rather than one request per process. A job lives on its
lease in the database: if a worker or a whole host dies, a poll on any other takes over.
"""

import os
import runpy
import sys
from pathlib import Path


def _cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", min(2 * _cores() + 1, 8))
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 8)
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5

# The app writes one access line per request with its request id (tarot/logs.py), so
# gunicorn's own access log stays off; its error log (starts, stops, worker deaths) goes
# to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# gunicorn's own X-Forwarded-Proto handling only from the proxy; the app trusts it through
# ProxyFix (TAROT_PROXY_COUNT). In compose the proxy is another container: "*" there, since
# only nginx can reach the app's port.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn 25.1+ opens a control socket under $HOME for gunicornc; the image's home is
# read-only and nothing here uses it (stop and reload with signals, as compose does).
control_socket_disable = True

# Heartbeat files on a RAM disk: a container's overlay file system can stall them.
# (gunicorn makes them with mkstemp, so a shared directory is safe.)
SHM = "/dev/shm"  # noqa: S108
if os.path.isdir(SHM):
    worker_tmp_dir = SHM


def post_worker_init(worker):
    """Import the Gemini client while the worker boots, not inside a reading's lease.

    The import takes a second or more; on the first reading of a fresh worker it would
    otherwise eat into the lease before the job's first write.
    """
    if os.environ.get("GEMINI_API_KEY"):
        import tarot.oracle.gemini  # noqa: F401


def on_starting(server):
    """Refuse to start, once and before listening, when the app's settings are unusable.

    The reason goes to stderr on one line (``tarot: …``) and gunicorn exits 1. The check is
    tarot/config.py run on its own (it needs only the standard library): importing the tarot
    package here would keep the app's code in the master, and workers forked after a reload
    (HUP) would go on running the old code. Without this file (``gunicorn wsgi:app`` from
    another folder) wsgi.py makes the workers exit 3 instead, which halts gunicorn too.
    """
    config = runpy.run_path(str(Path(__file__).resolve().parent / "tarot" / "config.py"))
    try:
        config["check_environment"](os.environ)
    except config["ConfigError"] as exc:
        sys.exit(f"tarot: {exc}")
