"""Tarot Milk Tea: the Flask application factory."""

import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import assets, database, fragments, i18n, logs, security, text, urls  # noqa: F401 - database sets engine pragmas
from .config import ConfigError, load_settings
from .daily.visitor import COOKIE as DAILY_COOKIE
from .extensions import babel, cache, csrf, db, limiter, login_manager
from .i18n import select_locale, select_timezone
from .pagecache import PublicPageCache, anonymous_session_test

BLUEPRINTS = ("main", "auth", "guide", "reading", "archive", "journal", "map", "pwa", "daily", "share")
MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def create_app(config=None):
    """Create and configure the app.

    ``config`` is a mapping applied over the environment's settings (tests use it).
    A production environment without SECRET_KEY stops with a one-line error.
    """
    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    try:
        app.config.from_mapping(load_settings(app.instance_path))
    except ConfigError as exc:
        raise SystemExit(f"tarot: {exc}") from None
    app.config.setdefault("AUTO_MIGRATE", True)
    # The `flask db` commands need Flask-Migrate (and Alembic, about 10 MB per process);
    # wsgi.py turns them off for the serving workers.
    app.config.setdefault("MIGRATE_COMMANDS", True)
    if config:
        app.config.from_mapping(config)

    _trust_proxies(app)
    logs.init_app(app)
    _init_extensions(app)
    _register_blueprints(app)
    security.init_app(app)
    assets.init_app(app)
    fragments.init_app(app)
    i18n.init_app(app)
    text.init_app(app)
    urls.init_app(app)

    from . import commands, deck

    deck.init_app(app)
    commands.init_app(app)
    if commands.migrates_on_start(app):
        commands.upgrade_embedded_database(app)
    app.wsgi_app = PublicPageCache(
        app.wsgi_app,
        key_cookies=(i18n.LOCALE_COOKIE,),
        shared_cookies={app.config["SESSION_COOKIE_NAME"]: anonymous_session_test(app)},
        key_host=not app.config.get("PUBLIC_URL"),
        read_cookies=_cookies_read(app),
        fresh_headers=logs.request_id_headers,
    )
    return app


def _cookies_read(app):
    """Every cookie the app reads: the language, the session, a visitor's card of the day and
    Flask-Login's remember cookie (never set here, but Flask-Login would honour a valid one).
    The page cache ignores all others."""
    return (i18n.LOCALE_COOKIE, app.config["SESSION_COOKIE_NAME"], DAILY_COOKIE,
            app.config.get("REMEMBER_COOKIE_NAME", "remember_token"))


def _trust_proxies(app):
    """Behind nginx, take the client's address, scheme, host and port from its headers.

    PROXY_COUNT is how many proxies stand in front (1 with the shipped nginx); 0 trusts none,
    so a visitor reaching gunicorn directly cannot forge an address.
    """
    count = app.config["PROXY_COUNT"]
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count, x_port=count)


def _init_extensions(app):
    db.init_app(app)
    if app.config["MIGRATE_COMMANDS"]:  # an embedded database migrated on start registers it then
        from flask_migrate import Migrate

        Migrate(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    cache.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.session_protection = "strong"
    login_manager.login_view = "auth.login"
    login_manager.login_message = None

    from .models import User

    # Built once: every request loads its user, and building the statement costs more
    # than running it.
    by_token = db.select(User).where(User.session_token == db.bindparam("token"))

    @login_manager.user_loader
    def load_user(token):
        return db.session.execute(by_token, {"token": token}).scalar_one_or_none()


def _register_blueprints(app):
    import importlib

    for name in BLUEPRINTS:
        module = importlib.import_module(f".{name}", __name__)
        app.register_blueprint(module.bp)
