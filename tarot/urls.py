"""Absolute URLs of this site, built from TAROT_PUBLIC_URL and never from the Host header.

A forged Host (or X-Forwarded-Host) must not reach a page: not its Open Graph and canonical
links, not the sign-in callback, and so not the page caches either. Only where no public URL
is configured, which production refuses, does the request's own address stand in.
"""

from flask import current_app, request


def site_origin():
    """The site's origin without a trailing slash, e.g. ``https://tarotmilktea.example``."""
    return current_app.config.get("PUBLIC_URL") or request.host_url.rstrip("/")


def absolute_url(path):
    """``path`` (``/guide``, a static URL …) as an absolute URL on this site."""
    return site_origin() + path


def init_app(app):
    """Let templates build absolute URLs: ``{{ absolute_url(request.path) }}``."""
    app.jinja_env.globals["absolute_url"] = absolute_url
