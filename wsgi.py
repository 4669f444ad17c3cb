"""WSGI entry point for gunicorn: `gunicorn wsgi:app`."""

from tarot import create_app

app = create_app()
