"""Versioned static URLs, so static files can be cached for a year."""

import hashlib
from functools import cache
from pathlib import Path

from flask import url_for


@cache
def _file_version(path, mtime):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def static_url(filename):
    """URL of a static file with a content hash, e.g. /static/css/site.css?v=1a2b3c4d5e."""
    from flask import current_app

    path = Path(current_app.static_folder) / filename
    version = _file_version(str(path), path.stat().st_mtime_ns)
    return url_for("static", filename=filename, v=version)


def init_app(app):
    app.jinja_env.globals["static_url"] = static_url
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
