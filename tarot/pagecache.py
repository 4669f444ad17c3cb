"""The site's one page cache: public pages kept as bytes in front of the Flask app.

The rule: a response the app marks shareable (status 200, ``Cache-Control: public`` with a
``max-age``, an ``ETag``, no ``Set-Cookie``) is kept for that max-age and served, without
entering Flask, to every GET or HEAD of the same page that could not be shown anything else:
no query string, no ``Authorization``, and no cookie except those in ``key_cookies`` (the
language choice, part of the key), those whose test in ``shared_cookies`` passes (a
session that signs nobody in and holds no message) and, when the app names every cookie it
reads (``read_cookies``), cookies it never reads, which cannot change the page.
Conditional requests get 304. Headers that belong to one request (the request id) are made
anew for each answer by ``fresh_headers``.
Everything else goes to the app, which renders it. See docs/architecture.md.
"""

import re
import threading
import time

from itsdangerous import BadSignature
from werkzeug.http import parse_date

MAX_ENTRIES = 2000
_MAX_AGE = re.compile(r"max-age=(\d+)")
# The request headers a cached page may depend on (the app lists them in Vary).
KEY_HEADERS = (
    "HTTP_HOST", "HTTP_ACCEPT_LANGUAGE", "HTTP_HX_REQUEST", "HTTP_HX_BOOSTED",
    "HTTP_HX_HISTORY_RESTORE_REQUEST", "wsgi.url_scheme",
)
_NOT_MODIFIED_DROPS = {"content-length", "content-type"}


class PublicPageCache:
    """WSGI middleware: serve stored public pages; ask the wrapped app for everything else."""

    def __init__(
        self, app, max_entries=MAX_ENTRIES, clock=time.monotonic, key_cookies=(),
        shared_cookies=None, key_host=True, read_cookies=None, fresh_headers=None,
    ):
        self.app = app
        # With a configured public URL no page depends on the Host header: leaving it out of
        # the key means made-up hosts can neither poison nor multiply the entries.
        self.key_headers = KEY_HEADERS if key_host else tuple(h for h in KEY_HEADERS if h != "HTTP_HOST")
        self.max_entries = max_entries
        self.clock = clock
        self.key_cookies = frozenset(key_cookies)
        self.shared_cookies = dict(shared_cookies or {})
        # None: the app may read any cookie, so an unknown one always reaches it.
        self.read_cookies = None if read_cookies is None else frozenset(read_cookies)
        self.fresh_headers = fresh_headers
        self._entries = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        if (
            environ["REQUEST_METHOD"] not in ("GET", "HEAD")
            or environ.get("QUERY_STRING")
            or environ.get("HTTP_AUTHORIZATION")
        ):
            return self.app(environ, start_response)
        cookies = self._key_cookies(environ.get("HTTP_COOKIE"))
        if cookies is None:
            return self.app(environ, start_response)
        key = (environ.get("PATH_INFO", ""), *(environ.get(name) for name in self.key_headers), cookies)
        entry = self._entries.get(key)
        if entry is not None and entry[0] > self.clock():
            return self._answer(entry, environ, start_response)
        return self._fetch(key, environ, start_response)

    def _key_cookies(self, header):
        """The request's key cookies, sorted; None when another cookie may change the page."""
        if not header:
            return ()
        found = []
        for part in header.split(";"):
            name, _, value = part.strip().partition("=")
            if name in self.key_cookies:
                found.append((name, value))
            elif name in self.shared_cookies:
                if not self.shared_cookies[name](value):
                    return None
            elif self.read_cookies is None or name in self.read_cookies:
                return None
        return tuple(sorted(found))

    def _fetch(self, key, environ, start_response):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        body = self.app(environ, capture)
        if not self._storable(captured):
            return body
        try:
            chunks = list(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        content = b"".join(chunks)
        if environ["REQUEST_METHOD"] == "GET":
            self._store(key, captured["headers"], content)
        return [content]

    def _storable(self, captured):
        if not captured.get("status", "").startswith("200"):
            return False
        headers = {name.lower(): value for name, value in captured["headers"]}
        cache_control = headers.get("cache-control", "")
        return (
            "public" in cache_control
            and _MAX_AGE.search(cache_control) is not None
            and "etag" in headers
            and "set-cookie" not in headers
        )

    def _store(self, key, headers, content):
        lookup = {name.lower(): value for name, value in headers}
        max_age = int(_MAX_AGE.search(lookup["cache-control"]).group(1))
        last_modified = parse_date(lookup.get("last-modified"))
        entry = (self.clock() + max_age, headers, content, lookup["etag"], last_modified)
        with self._lock:
            if key in self._entries or len(self._entries) < self.max_entries:
                self._entries[key] = entry
            else:  # full: forget expired entries, and store only if that made room
                now = self.clock()
                self._entries = {k: e for k, e in self._entries.items() if e[0] > now}
                if len(self._entries) < self.max_entries:
                    self._entries[key] = entry

    def _answer(self, entry, environ, start_response):
        _, headers, content, etag, last_modified = entry
        if self.fresh_headers is not None:
            fresh = self.fresh_headers(environ)
            names = {name.lower() for name, _ in fresh}
            headers = [h for h in headers if h[0].lower() not in names] + fresh
        if _not_modified(environ, etag, last_modified):
            start_response(
                "304 Not Modified", [h for h in headers if h[0].lower() not in _NOT_MODIFIED_DROPS]
            )
            return []
        start_response("200 OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [content]


def _not_modified(environ, etag, last_modified):
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or etag in tags
    since = parse_date(environ.get("HTTP_IF_MODIFIED_SINCE"))
    return since is not None and last_modified is not None and since >= last_modified


def anonymous_session_test(app):
    """A test of the app's session cookie: True when it signs nobody in and holds no message.

    Such a visitor sees what a visitor without the cookie sees. A cookie that does not
    verify counts as empty, as Flask treats it.
    """
    serializer = app.session_interface.get_signing_serializer(app)
    # The answer depends on the cookie's text alone, and a visitor sends the same cookie
    # request after request: each answer is kept (a bounded number of them).
    answers = {}

    def is_anonymous(value):
        answer = answers.get(value)
        if answer is None:
            try:
                data = serializer.loads(value)
            except BadSignature:
                answer = True
            else:
                answer = isinstance(data, dict) and "_user_id" not in data and "_flashes" not in data
            if len(answers) >= MAX_ENTRIES:
                answers.clear()
            answers[value] = answer
        return answer

    return is_anonymous
