"""Request ids and logs: one access line per request, errors with their traceback.

The request id comes from nginx (``X-Request-ID: $request_id``) or is made here, is sent
back in the response's ``X-Request-ID`` header and appears in the request's log lines, so
an nginx line, an access line and an error's traceback can be matched. Access lines go to
stdout through the ``tarot.access`` logger; everything else the app logs (errors with
their traceback, the reading jobs' failures with their error kind) goes to stderr through
the ``tarot`` logger. Neither ever reaches the visitor.
"""

import logging
import re
import sys
import time
import uuid

from flask import g, has_request_context, request
from flask.logging import wsgi_errors_stream

REQUEST_ID_HEADER = "X-Request-ID"
ACCESS_FORMAT = "%(asctime)s access %(message)s"
APP_FORMAT = "%(asctime)s %(levelname)s %(name)s id=%(request_id)s: %(message)s"

access_log = logging.getLogger("tarot.access")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")  # nothing that could forge a log line


class RequestIdFilter(logging.Filter):
    """Give every record a ``request_id`` attribute ('-' outside a request)."""

    def filter(self, record):
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


class _Stdout:
    """sys.stdout as it is at each write (servers and tests may replace it)."""

    def write(self, text):
        return sys.stdout.write(text)

    def flush(self):
        sys.stdout.flush()


def _handler(name, stream, fmt):
    handler = logging.StreamHandler(stream)
    handler.set_name(name)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(logging.Formatter(fmt))
    return handler


def configure_loggers():
    """Attach the two handlers once per process (several apps may be created)."""
    app_log = logging.getLogger("tarot")
    if not any(h.get_name() == "tarot" for h in app_log.handlers):
        # Flask adds its own handler to the app's logger only when none exists: this one
        # replaces it, with the request id. wsgi_errors_stream is gunicorn's error log
        # inside a request and stderr elsewhere (the reading jobs' threads).
        app_log.addHandler(_handler("tarot", wsgi_errors_stream, APP_FORMAT))
        app_log.setLevel(logging.INFO)  # the jobs' retries are worth seeing, not only failures
    if not any(h.get_name() == "tarot.access" for h in access_log.handlers):
        access_log.addHandler(_handler("tarot.access", _Stdout(), ACCESS_FORMAT))
        access_log.setLevel(logging.INFO)
        access_log.propagate = False


def request_id_headers(environ):
    """The request id header for a response made without Flask (the page cache's answers)."""
    incoming = environ.get("HTTP_X_REQUEST_ID", "")
    return [(REQUEST_ID_HEADER, incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex)]


def _start():
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish(response):
    if "request_id" not in g:  # a before_request function ahead of ours answered
        _start()
    response.headers[REQUEST_ID_HEADER] = g.request_id
    duration_ms = (time.perf_counter() - g.request_started) * 1000
    # Only a user the request already loaded is named: asking Flask-Login here would cost
    # a query on requests that never needed one. The query string is left out on purpose:
    # it can carry the visitor's concern.
    user = g.get("_login_user")
    user_id = user.id if user is not None and user.is_authenticated else "-"
    access_log.info(
        "%s %s %s %.1fms id=%s user=%s",
        request.method, request.path, response.status_code, duration_ms, g.request_id, user_id,
    )
    return response


def init_app(app):
    """Give each request an id, log it once when answered, and set up the app's loggers.

    Call it before the extensions are bound, so its hooks run first and answer last.
    """
    configure_loggers()
    app.before_request(_start)
    app.after_request(_finish)
