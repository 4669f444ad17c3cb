"""`wsgi:app` with gzip on the way out, as the shipped nginx sends it (nginx/tarot.conf.template:
level 5, text types, bodies of 512 bytes or more), for benchmarks run without nginx.

    gunicorn --pythonpath bench _gzip_wsgi:app
"""

import gzip

from wsgi import app as site

TYPES = {
    "text/html", "text/css", "text/plain", "text/xml", "application/javascript",
    "application/json", "application/manifest+json", "application/xml", "image/svg+xml",
}


def app(environ, start_response):
    """Call the site; compress a whole text response when the client accepts gzip."""
    captured = {}

    def capture(status, headers, exc_info=None):
        captured.update(status=status, headers=headers)
        return lambda data: None  # the site returns its body; nothing writes directly

    chunks = site(environ, capture)
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    headers = captured["headers"]
    names = {name.lower(): value for name, value in headers}
    kind = names.get("content-type", "").split(";")[0].strip()
    if ("gzip" in environ.get("HTTP_ACCEPT_ENCODING", "") and kind in TYPES
            and len(body) >= 512 and "content-encoding" not in names):
        body = gzip.compress(body, compresslevel=5)
        headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
        headers += [("Content-Encoding", "gzip"), ("Content-Length", str(len(body))),
                    ("Vary", "Accept-Encoding")]
    start_response(captured["status"], headers)
    return [body]
