"""WSGI entry point for gunicorn: `gunicorn --config gunicorn.conf.py wsgi:app`."""

import sys

from tarot import create_app

# gunicorn stops the whole server when a worker exits with 3 (its WORKER_BOOT_ERROR); with
# any other code it starts the worker again, forever. create_app has printed nothing yet:
# its SystemExit carries the one-line reason.
WORKER_BOOT_ERROR = 3

try:
    # Serving processes never run `flask db`: leave Alembic out of their memory. (The embedded
    # SQLite database is still migrated on start when AUTO_MIGRATE is on.)
    app = create_app({"MIGRATE_COMMANDS": False})
except SystemExit as refusal:
    print(refusal, file=sys.stderr, flush=True)
    sys.exit(WORKER_BOOT_ERROR)
