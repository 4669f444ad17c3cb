"""CLI commands and the automatic migration of the embedded SQLite database."""

import fcntl
import re
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext


def migrates_on_start(app):
    """True when the app brings an embedded SQLite file to the newest migration itself."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    embedded = url.startswith("sqlite:") and url not in ("sqlite://", "sqlite:///:memory:")
    return bool(app.config["AUTO_MIGRATE"]) and embedded


def upgrade_embedded_database(app):
    """Bring the embedded SQLite database to the newest migration on start.

    Only SQLite (the zero-configuration default) is migrated automatically; a server
    database is migrated by `flask --app tarot db upgrade` in the deployment. A file lock
    keeps several workers starting at once from racing each other. A database already at
    the newest migration is recognised without Alembic, so a serving process imports
    Alembic (about 10 MB) only on the start that migrates.
    """
    lock_path = Path(app.instance_path) / "migrate.lock"
    with open(lock_path, "w") as lock, app.app_context():
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not _database_is_current():
                from flask_migrate import Migrate, upgrade

                from . import MIGRATIONS_DIR
                from .extensions import db

                if "migrate" not in app.extensions:
                    Migrate(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
                upgrade()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


_REVISION = re.compile(r"""^(down_revision|revision) = (?:["']([^"']+)["']|None)""", re.MULTILINE)


def migration_heads():
    """The newest revisions in migrations/versions: those no other revision follows."""
    from . import MIGRATIONS_DIR

    revisions, followed = set(), set()
    for path in (Path(MIGRATIONS_DIR) / "versions").glob("*.py"):
        fields = dict((name, value) for name, value in _REVISION.findall(path.read_text(encoding="utf-8")))
        revisions.add(fields["revision"])
        if fields.get("down_revision"):
            followed.add(fields["down_revision"])
    return revisions - followed


def _database_is_current():
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from .extensions import db

    try:
        stamped = set(db.session.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except SQLAlchemyError:  # no table yet: a new database
        return False
    finally:
        db.session.remove()
    return stamped == migration_heads()


@click.command("purge")
@click.option(
    "--days", type=click.IntRange(min=1), default=None,
    help="Delete unsaved readings older than this many days (default: RETENTION_DAYS).",
)
@with_appcontext
def purge_command(days):
    """Delete unsaved readings older than the retention period (run daily).

    Also forgets used deals older than a day and model calls older than the same period.
    """
    from . import quota
    from .models import utcnow
    from .reading.service import purge_unsaved, purge_used_deals

    if days is None:
        days = current_app.config["RETENTION_DAYS"]
        if days < 1:
            raise click.UsageError(f"RETENTION_DAYS must be at least 1, got {days}")
    deleted = purge_unsaved(days)
    click.echo(f"Deleted {deleted} unsaved reading(s) older than {days} day(s).")
    deals = purge_used_deals()
    calls = quota.purge_calls(utcnow() - timedelta(days=days))
    click.echo(f"Forgot {deals} used deal(s) older than a day and {calls} model call(s) older than {days} day(s).")


def init_app(app):
    """Register the project's CLI commands."""
    app.cli.add_command(purge_command)
