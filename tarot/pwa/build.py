"""The release's build version and the list of URLs the service worker precaches."""

import hashlib
from pathlib import Path

from flask import current_app, url_for

from ..assets import static_url
from ..deck import current_deck

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The app shell: what every page needs, plus the offline page's picture. Our own scripts
# (static/js/*.js, a few KB each) are all added, so pages such as the guide's keep theirs.
SHELL_FILES = (
    "css/site.css",
    "vendor/htmx-2.0.11/htmx.min.js",
    "img/logo.svg",
    "img/teacup.svg",
    "icons/icon-192.png",
    "icons/favicon-32.png",
)


def compute_build_version(deck_path, package_dir=PACKAGE_DIR):
    """A short hash over the app's code, templates, static files and the deck file.

    Any change in a release gives a new version, so the worker gets a new cache name.
    """
    digest = hashlib.sha256()
    files = sorted(
        path for path in package_dir.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )
    for path in files:
        digest.update(path.relative_to(package_dir).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(hashlib.sha256(Path(deck_path).read_bytes()).digest())
    return digest.hexdigest()[:12]


def build_version():
    """The current version: the PWA_VERSION setting when given, else the computed hash."""
    return current_app.config.get("PWA_VERSION") or current_app.extensions["pwa_build"]


def guide_urls():
    """The guide index and its 78 card pages."""
    cards = current_deck().cards
    return [url_for("guide.index")] + [url_for("guide.card", slug=card.slug) for card in cards]


def precache_urls():
    """Everything the worker stores on install: shell, offline page, guide pages, card art."""
    deck = current_deck()
    scripts = sorted(p.name for p in (Path(current_app.static_folder) / "js").glob("*.js"))
    return (
        [static_url(name) for name in SHELL_FILES]
        + [static_url(f"js/{name}") for name in scripts]
        + [url_for("pwa.offline")]
        + guide_urls()
        + [static_url(card.image) for card in deck.cards]
        + [static_url("cards/back.svg")]
    )
