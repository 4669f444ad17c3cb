"""WSGI entry point for gunicorn: `gunicorn --config gunicorn.conf.py wsgi:app`."""

from tarot import create_app

app = create_app()
