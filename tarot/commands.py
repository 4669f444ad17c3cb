"""CLI commands and the automatic migration of the embedded SQLite database."""

import fcntl
from pathlib import Path

from flask_migrate import upgrade


def upgrade_embedded_database(app):
    """Bring the embedded SQLite database to the newest migration on start.

    Only SQLite (the zero-configuration default) is migrated automatically; a server
    database is migrated by `flask --app tarot db upgrade` in the deployment. A file lock
    keeps several workers starting at once from racing each other.
    """
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("sqlite:") or url in ("sqlite://", "sqlite:///:memory:"):
        return
    lock_path = Path(app.instance_path) / "migrate.lock"
    with open(lock_path, "w") as lock, app.app_context():
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            upgrade()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def init_app(app):
    """Register the project's CLI commands."""
