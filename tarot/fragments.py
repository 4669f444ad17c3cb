"""Parts of the page frame rendered once and kept: the header and the footer.

In a template, ``{% call cached_fragment("header", a, b) %}…{% endcall %}`` renders its body
the first time for its key and then returns the stored HTML. The key is the fragment's name,
the values given (everything else the body shows that can differ: for the header, whether
someone is signed in and their nickname and avatar), the language, the mount point and the
path. Requests with a query string (the sign-in link carries it) and debug mode always
render. The frame of a signed-in page was a third of its time; nothing personal beyond the
values in the key may be inside a cached fragment (the CSRF token and messages stay out).
"""

from flask import current_app, request
from flask_babel import get_locale

MAX_FRAGMENTS = 2000


def cached_fragment(*key, caller):
    """The body's HTML for this key: rendered once per process, then served from memory."""
    app = current_app._get_current_object()
    if request.query_string or app.debug:
        return caller()
    store = app.extensions.setdefault("fragments", {})
    full_key = (*key, str(get_locale()), request.script_root, request.path)
    html = store.get(full_key)
    if html is None:
        html = caller()
        if len(store) >= MAX_FRAGMENTS:  # made-up paths cannot grow it without bound
            store.clear()
        store[full_key] = html
    return html


def init_app(app):
    app.jinja_env.globals["cached_fragment"] = cached_fragment
