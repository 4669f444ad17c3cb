"""WSGI entry point for gunicorn: `gunicorn --config gunicorn.conf.py wsgi:app`."""

from tarot import create_app

# Serving processes never run `flask db`: leave Alembic out of their memory. (The embedded
# SQLite database is still migrated on start when AUTO_MIGRATE is on.)
app = create_app({"MIGRATE_COMMANDS": False})
