"""Rate-limit counts in a SQLite file that every worker process of a host shares.

Flask-Limiter keeps its counts in a `limits` storage. The in-memory one belongs to a
single process, so with N gunicorn workers a limit let N times as much through; Redis is
shared, but it is one more service to run. This storage keeps fixed-window counters in a
small SQLite file (WAL, one short statement per hit, no fsync per hit). It is registered
under its own URI scheme: ``tarot-sqlite:///absolute/path/ratelimits.sqlite``. Several
hosts share Redis instead (REDIS_URL); bench/README.md gives the cost of a hit on each.
"""

import os
import threading
import time
from urllib.parse import urlsplit

from limits.storage import Storage

SCHEME = "tarot-sqlite"
PURGE_EVERY = 60.0  # seconds between sweeps of expired counters, per process
BUSY_TIMEOUT_MS = 5000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS counters (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    expires_at REAL NOT NULL
) WITHOUT ROWID
"""
# One statement: a new key starts at the amount; an expired key starts a new window.
# (In UPDATE, every expression reads the row as it was before the update.)
_INCREMENT = """
INSERT INTO counters (key, count, expires_at) VALUES (:key, :amount, :now + :expiry)
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN expires_at <= :now THEN :amount ELSE count + :amount END,
    expires_at = CASE WHEN expires_at <= :now THEN :now + :expiry ELSE expires_at END
RETURNING count
"""


class SQLiteStorage(Storage):
    """A `limits` storage in a SQLite file; safe across processes and threads."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri, wrap_exceptions=False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = urlsplit(uri).path
        self._lock = threading.Lock()
        self._connection = None
        self._pid = None
        self._next_purge = 0.0

    @property
    def base_exceptions(self):
        """What `limits` treats as this storage failing."""
        return _sqlite3().Error

    def _connect(self):
        """This process's connection (a forked worker opens its own)."""
        if self._connection is None or self._pid != os.getpid():
            sqlite3 = _sqlite3()
            if not os.path.exists(self.path):
                # Counts are keyed by client address: the file is the app's alone.
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                         timeout=BUSY_TIMEOUT_MS / 1000)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def _run(self, sql, parameters=()):
        with self._lock:
            return self._connect().execute(sql, parameters).fetchall()

    def incr(self, key, expiry, amount=1):
        """Add ``amount`` to the key's count in its window; return the new count."""
        now = time.time()
        ((count,),) = self._run(_INCREMENT, {"key": key, "amount": amount, "now": now, "expiry": expiry})
        if now >= self._next_purge:
            self._next_purge = now + PURGE_EVERY
            self._run("DELETE FROM counters WHERE expires_at <= ?", (now,))
        return count

    def get(self, key):
        """The key's count in its current window (0 when none)."""
        rows = self._run("SELECT count FROM counters WHERE key = ? AND expires_at > ?", (key, time.time()))
        return rows[0][0] if rows else 0

    def get_expiry(self, key):
        """When the key's window ends (now, when it has none)."""
        now = time.time()
        rows = self._run("SELECT expires_at FROM counters WHERE key = ? AND expires_at > ?", (key, now))
        return rows[0][0] if rows else now

    def check(self):
        """True when the file answers."""
        try:
            self._run("SELECT 1")
        except _sqlite3().Error:
            return False
        return True

    def reset(self):
        """Forget every count; return how many keys there were."""
        return len(self._run("DELETE FROM counters RETURNING 1"))

    def clear(self, key):
        """Forget one key's count."""
        self._run("DELETE FROM counters WHERE key = ?", (key,))

    def rows(self):
        """How many counters the file holds (expired ones included, until they are swept)."""
        return self._run("SELECT COUNT(*) FROM counters")[0][0]


def _sqlite3():
    # Imported when first used: a site on MariaDB and Redis never loads it (about 2 MB a worker).
    import sqlite3

    return sqlite3


def seconds_until_reset(reset_at, now=None):
    """Retry-After for a refused request: whole seconds until its window ends, at least 1."""
    return max(1, int(reset_at - (now if now is not None else time.time())))
