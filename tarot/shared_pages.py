"""Pages that are the same for everyone who asks: marked so the page cache keeps them.

A view returns ``respond(html)``: for a visitor who is not signed in, has no message
waiting and sent no query string, the response is ``Cache-Control: public`` with an ETag
and Last-Modified, and ``PublicPageCache`` (tarot/pagecache.py) serves it from memory to
the next visitors; anyone else's copy is private. See docs/architecture.md.
"""

from datetime import UTC, datetime
from pathlib import Path

from flask import current_app, make_response, request, session
from flask_login import current_user

# Shared pages: five minutes fresh, then served stale while the cache asks again.
PUBLIC_CACHE = "public, max-age=300, stale-while-revalidate=86400"


def site_last_modified():
    """The newest modification time of the code, templates, static files and deck."""
    app = current_app._get_current_object()
    if "shared_pages_last_modified" not in app.extensions:
        package = Path(app.root_path)
        newest = max(
            [p.stat().st_mtime for p in package.rglob("*") if p.is_file()]
            + [Path(app.config["DECK_PATH"]).stat().st_mtime]
        )
        app.extensions["shared_pages_last_modified"] = datetime.fromtimestamp(int(newest), UTC)
    return app.extensions["shared_pages_last_modified"]


def is_shared():
    """True when the page would be the same for anyone who asks: nobody signed in, no
    message waiting and no query string."""
    return not request.query_string and not current_user.is_authenticated and "_flashes" not in session


def respond(html, private="private, no-cache"):
    """The page's response, marked public when it is the same for everyone, else ``private``
    (None leaves it to the site's rule for signed-in pages, tarot/pwa/views.py)."""
    response = make_response(html)
    if is_shared():
        response.add_etag()
        response.last_modified = site_last_modified()
        response.headers["Cache-Control"] = PUBLIC_CACHE
    elif private:
        response.headers["Cache-Control"] = private
    response.vary.update(("Cookie", "Accept-Language"))
    return response.make_conditional(request)
