"""Shared fixtures: app, client, runner and auth (the flaskr pattern), on SQLite or DATABASE_URL."""

import os
import re

import pytest
from sqlalchemy import create_engine, inspect, text

from tarot import create_app
from tarot.extensions import db
from tarot.models import User

SERVER_URL = os.environ.get("DATABASE_URL")

# live_server, browser and page for browser tests (tests/browser_support.py).
pytest_plugins = ["tests.browser_support"]


def _test_database_url(tmp_path_factory):
    """The suite's database: DATABASE_URL when given (e.g. MariaDB), else a SQLite file."""
    if SERVER_URL:
        return SERVER_URL
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")


def _empty_database(url):
    """Drop every table (including alembic_version) so the suite starts from nothing."""
    engine = create_engine(url)
    with engine.begin() as conn:
        if engine.dialect.name == "mysql":
            conn.execute(text("SET FOREIGN_KEY_CHECKS=0"))
        for table in inspect(conn).get_table_names():
            conn.execute(text(f"DROP TABLE {engine.dialect.identifier_preparer.quote(table)}"))
        if engine.dialect.name == "mysql":
            conn.execute(text("SET FOREIGN_KEY_CHECKS=1"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A database migrated once to the newest revision for the whole session."""
    from flask_migrate import upgrade

    url = _test_database_url(tmp_path_factory)
    _empty_database(url)
    app = create_app(_base_config(url, tmp_path_factory.mktemp("instance-migrate")))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


def _base_config(url, instance_path=None):
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": url,
        "AUTO_MIGRATE": False,
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": None,
        # Each test's app keeps its cache and rate counts in memory, even when REDIS_URL is
        # set for the deployment test: a shared Redis would carry answers from one test (or
        # an earlier run) into the next. tests/test_deployment.py covers Redis.
        "REDIS_URL": None,
        "CACHE_TYPE": "SimpleCache",
        "RATELIMIT_STORAGE_URI": "memory://",
    }


@pytest.fixture
def make_app(database_url, tmp_path):
    """Build an app on the session database, tables emptied for each test."""
    apps = []

    def factory(**overrides):
        config = _base_config(database_url)
        config["SHARE_IMAGE_DIR"] = str(tmp_path / "share-images")
        config.update(overrides)
        app = create_app(config)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    engine = create_engine(database_url)
    with engine.begin() as conn:
        for table in reversed(db.metadata.sorted_tables):
            conn.execute(table.delete())
    engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def csrf_app(make_app):
    """An app with CSRF protection on, as in production."""
    return make_app(WTF_CSRF_ENABLED=True)


class AuthActions:
    """Signing a test client in the way a visitor does: the demo sign-in form, a real POST.

    The session is then the site's own: Flask-Login's "strong" protection ties it to the
    client's address and User-Agent, so requests with another User-Agent are signed out.
    """

    def __init__(self, default_client=None):
        self._default_client = default_client

    def login(self, client=None, user_id=None):
        """Sign ``client`` (the ``client`` fixture by default) in; return the user's id.

        ``user_id`` (an account from tests.helpers.make_user) becomes the demo account
        before the POST, so the demo sign-in signs in as it; whoever held the demo account
        keeps their sessions. Without ``user_id``, the demo account itself.
        """
        client = client or self._default_client()
        app = client.application
        if user_id is not None:
            _lend_demo_account(app, user_id)
        form = {"next": "/"}
        if app.config.get("WTF_CSRF_ENABLED", True):
            page = client.get("/login").get_data(as_text=True)
            form["csrf_token"] = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        # Followed like a browser does, so the welcome message is shown (and gone) on "/".
        response = client.post("/login/demo", data=form, follow_redirects=True)
        assert [r.status_code for r in response.history] == [302], "demo sign-in failed"
        with app.app_context():
            return db.session.execute(
                db.select(User.id).filter_by(provider="demo", provider_user_id="demo")
            ).scalar_one()


def _lend_demo_account(app, user_id):
    with app.app_context():
        holder = db.session.execute(
            db.select(User).filter_by(provider="demo", provider_user_id="demo")
        ).scalar_one_or_none()
        if holder is not None and holder.id != user_id:
            holder.provider_user_id = f"lent-{holder.id}"
            db.session.flush()
        user = db.session.get(User, user_id)
        user.provider, user.provider_user_id = "demo", "demo"
        db.session.commit()


@pytest.fixture
def auth(request):
    """Sign-in through the demo sign-in: ``auth.login()``, ``auth.login(other_client, user_id)``."""
    return AuthActions(lambda: request.getfixturevalue("client"))
