"""Guide pages are the same for every visitor: render once per deck and locale, serve bytes.

A page is kept as bytes when the request is shared: nobody signed in, no flashed message
waiting and no query string, so the page cannot differ from anyone else's. Such pages carry
ETag and Last-Modified, are public for five minutes (then served stale while revalidating),
and conditional requests get 304. Signed-in visitors see their own header and a CSRF token
that changes with every render, so their pages are rendered each time, private, and never
stored without asking again; their page's content (everything inside <main>) still comes
from memory, so only the thin frame around it is rendered.
"""

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from flask import current_app, make_response, request, session
from flask_login import current_user
from markupsafe import Markup

from ..deck import current_deck
from ..i18n import current_lang
from ..urls import site_origin

PUBLIC_CACHE = "public, max-age=300, stale-while-revalidate=86400"
# Entries are keyed by the site's origin too (pages carry absolute Open Graph URLs). That is
# TAROT_PUBLIC_URL in production; only in development is it the Host header, and the cap
# stops a stream of made-up hosts from growing the cache without end.
MAX_ENTRIES = 600


def _site_last_modified(app):
    """The newest modification time of the code, templates, static files and deck."""
    if "guide_last_modified" not in app.extensions:
        package = Path(app.root_path)
        newest = max(
            [p.stat().st_mtime for p in package.rglob("*") if p.is_file()]
            + [Path(app.config["DECK_PATH"]).stat().st_mtime]
        )
        app.extensions["guide_last_modified"] = datetime.fromtimestamp(int(newest), UTC)
    return app.extensions["guide_last_modified"]


def is_shared_request():
    """True when the page would be the same for anyone who asks."""
    return (
        not request.query_string
        and not current_user.is_authenticated
        and "_flashes" not in session
    )


def _etag(body):
    return hashlib.sha256(body).hexdigest()[:20]


def cached_fragment(name, render):
    """Page content that is the same for everyone: ``render()`` once per deck and locale."""
    fragments = current_app.extensions.setdefault("guide_fragments", {})
    key = (current_deck().version, current_lang(), name)
    if key not in fragments:
        fragments[key] = Markup(render())  # noqa: S704 - a rendered, autoescaped template
    return fragments[key]


def page_response(name, render):
    """The response for the guide page ``name``; ``render()`` makes its HTML when needed."""
    app = current_app._get_current_object()
    if is_shared_request():
        pages = app.extensions.setdefault("guide_pages", {})
        key = (current_deck().version, current_lang(), site_origin(), name)
        entry = pages.get(key)
        if entry is None:
            body = render().encode()
            entry = (body, _etag(body))
            if len(pages) < MAX_ENTRIES:
                pages[key] = entry
        response = make_response(entry[0])
        response.set_etag(entry[1])
        response.last_modified = _site_last_modified(app)
        response.headers["Cache-Control"] = PUBLIC_CACHE
    else:
        response = make_response(render())
        response.headers["Cache-Control"] = "private, no-cache"
    response.vary.update(("Cookie", "Accept-Language"))
    return response.make_conditional(request)
