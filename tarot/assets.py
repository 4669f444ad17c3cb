"""Versioned static URLs, so static files can be cached for a year."""

import hashlib
from functools import cache
from pathlib import Path

from flask import request, url_for

ONE_YEAR = 365 * 24 * 3600


@cache
def _file_version(path, mtime):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def static_url(filename):
    """URL of a static file with a content hash, e.g. /static/css/site.css?v=1a2b3c4d5e.

    Worked out once per process and mount point (a page names a dozen files, and the stat
    and URL building were a tenth of a signed-in page's time); in debug mode every time,
    so edited files show at once. A deploy restarts the workers.
    """
    from flask import current_app

    urls = current_app.extensions.setdefault("static_urls", {})
    key = (request.script_root, filename)
    url = urls.get(key)
    if url is None or current_app.debug:
        path = Path(current_app.static_folder) / filename
        version = _file_version(str(path), path.stat().st_mtime_ns)
        url = urls[key] = url_for("static", filename=filename, v=version)
    return url


def _cache_versioned_static(response):
    """A static file asked for with its current ?v= hash never changes: cache it for a year.

    Any other static request keeps Flask's default (revalidate every time), so a stale or
    made-up version cannot pin old content in caches.
    """
    if request.endpoint != "static" or response.status_code not in (200, 304):
        return response
    from flask import current_app

    filename = request.view_args.get("filename", "")
    path = Path(current_app.static_folder) / filename
    try:
        current = _file_version(str(path), path.stat().st_mtime_ns)
    except OSError:
        return response
    if request.args.get("v") == current:
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
        response.headers.pop("Expires", None)
    return response


def init_app(app):
    app.after_request(_cache_versioned_static)
    app.jinja_env.globals["static_url"] = static_url
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
