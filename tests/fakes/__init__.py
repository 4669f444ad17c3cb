"""Small fake HTTP services for tests, served on 127.0.0.1 in a background thread.

A fake is any WSGI app (usually a tiny Flask app) that speaks the real service's protocol,
so the project's real client code talks to it over real HTTP.
"""

import threading
from contextlib import contextmanager

from werkzeug.serving import WSGIRequestHandler, make_server


class QuietHandler(WSGIRequestHandler):
    """Keeps test output free of one access-log line per request."""

    def log_request(self, code="-", size="-"):
        pass


class ServedApp:
    """A WSGI app served on 127.0.0.1:<free port> by a threaded werkzeug server."""

    def __init__(self, wsgi_app):
        self._server = make_server(
            "127.0.0.1", 0, wsgi_app, threaded=True, request_handler=QuietHandler
        )
        self.port = self._server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},  # so stop() returns quickly
            name=f"fake-server-{self.port}",
            daemon=True,
        )

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serve(wsgi_app):
    """Serve ``wsgi_app`` for the duration of the block; yields the running ServedApp."""
    served = ServedApp(wsgi_app).start()
    try:
        yield served
    finally:
        served.stop()
