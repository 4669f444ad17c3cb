"""Parts of pages rendered once and kept, with holes where the visitor's own values go.

A kept part is rendered with a marker in place of each personal value a template asks for
with ``personal(name)``: the signed-in visitor's nickname and avatar, and the CSRF token.
On each request the markers are filled, in one pass and escaped, with that request's
values. So one kept copy serves every signed-in visitor, and nothing personal is ever kept.

- ``{% call cached_fragment("header", a, b) %}…{% endcall %}`` in a template keeps its
  body per name, the values given (everything else it shows that can differ), the language,
  the mount point and the path. Requests with a query string (the sign-in link carries it)
  render it afresh.
- ``kept_page(key, render)`` in a view keeps a whole page that is the same for every
  signed-in visitor but for those personal values (the card guide, the home page): per
  key, language, mount point and site address. A query string or a message waiting
  renders it afresh; visitors who are not signed in have the page cache.
- ``{% call kept_part("archive-filter", …) %}…{% endcall %}`` keeps a part per the values
  given, the language and the mount point only: the values must cover everything the part
  shows. ``kept_each`` does the same for each item of a list (an archive row per reading,
  its note and mood, and the filter its links carry).

Debug mode always renders, so edited templates show at once. The markers carry a random
part chosen when the process starts, so no text a visitor writes can pass for one.
"""

import re
import secrets
from contextvars import ContextVar

from flask import current_app, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from .assets import static_url
from .urls import site_origin

# Entries per store; a full store starts again, so made-up paths cannot grow it without bound.
MAX_ENTRIES = {"frame": 2000, "parts": 1000}
PERSONAL = ("nickname", "avatar", "csrf")
_MARK = f"tarot-hole-{secrets.token_hex(8)}-"
_HOLE = re.compile(re.escape(_MARK) + "(" + "|".join(PERSONAL) + ")")
_leaving_holes = ContextVar("leaving_holes", default=False)


def _value(name):
    if name == "csrf":
        return generate_csrf()
    if name == "nickname":
        return current_user.nickname
    return current_user.avatar_url or static_url("img/avatar.svg")


def personal(name):
    """The visitor's own value for ``name``; its marker while a kept part is rendered."""
    if _leaving_holes.get():
        return Markup(_MARK + name)  # noqa: S704 - a fixed marker, filled escaped later
    return _value(name)


class _Kept:
    """A rendered part split at its holes: text, hole name, text, …, text."""

    __slots__ = ("parts",)

    def __init__(self, html):
        self.parts = _HOLE.split(html)

    def filled(self):
        parts = self.parts.copy()
        # Inside another kept part the holes stay, for that part to fill.
        leave = _leaving_holes.get()
        for i in range(1, len(parts), 2):
            parts[i] = _MARK + parts[i] if leave else escape(_value(parts[i]))
        return Markup("".join(parts))  # noqa: S704 - rendered by autoescaped Jinja, holes escaped


def _store(name):
    return current_app.extensions.setdefault("fragments", {}).setdefault(name, {})


def _keep(store_name, key, render, store=None):
    store = _store(store_name) if store is None else store
    kept = store.get(key)
    if kept is None:
        token = _leaving_holes.set(True)
        try:
            kept = _Kept(str(render()))
        finally:
            _leaving_holes.reset(token)
        if len(store) >= MAX_ENTRIES[store_name]:
            store.clear()
        store[key] = kept
    return kept.filled()


def cached_fragment(*key, caller):
    """The body's HTML for this key: rendered once per process, then filled from memory."""
    if request.query_string or current_app.debug:
        return caller()
    return _keep("frame", (*key, str(get_locale()), request.script_root, request.path), caller)


def kept_page(key, render):
    """The page ``render()`` makes, kept per key for everyone signed in, with each visitor's
    own values filled in; rendered afresh for a query string or a waiting message. Visitors
    who are not signed in get it from the page cache (tarot/pagecache.py) instead."""
    if (
        request.query_string or current_app.debug or "_flashes" in session
        or not current_user.is_authenticated
    ):
        return render()
    full_key = ("page", *key, str(get_locale()), request.script_root, site_origin())
    return _keep("frame", full_key, render)


def kept_part(*key, caller):
    """The body's HTML kept per the values given, the language and the mount point."""
    if current_app.debug:
        return caller()
    return _keep("parts", (*key, str(get_locale()), request.script_root), caller)


def kept_each(name, items, key, caller):
    """``caller(item)`` for each item, each kept per ``key(item)``, the language and the
    mount point (``{% call(reading) kept_each("archive-row", readings, row_key) %}``)."""
    if current_app.debug:
        return Markup("".join(caller(item) for item in items))  # noqa: S704 - autoescaped Jinja output
    store, common = _store("parts"), (str(get_locale()), request.script_root)
    return Markup("".join(  # noqa: S704 - autoescaped Jinja output
        _keep("parts", (name, *key(item), *common), lambda item=item: caller(item), store) for item in items
    ))


def init_app(app):
    app.jinja_env.globals.update(
        cached_fragment=cached_fragment, kept_part=kept_part, kept_each=kept_each, personal=personal,
    )
