"""Engine settings that make the embedded SQLite database safe for several threads."""

from sqlalchemy import event
from sqlalchemy.engine import Engine


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """WAL lets readers (polls) and the writer (a reading job) work at the same time."""
    module = type(dbapi_connection).__module__
    if not module.startswith("sqlite3"):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # Writers wait their turn rather than fail: with several gunicorn processes on a busy
    # machine, 5 s was not always enough under load (bench/load), and a request that waits
    # is better than one that fails.
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
