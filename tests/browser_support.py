"""Browser tests: the app served live on 127.0.0.1 and headless Chromium through Playwright.

tests/conftest.py registers these fixtures for every test module; mark browser tests
``pytestmark = pytest.mark.browser``.

``live_server`` serves the module's ``app`` fixture (define ``app`` in the module to change
settings) and has ``.url``. ``page`` is a fresh 1280x900 page in its own browser context;
``console_errors(page)`` starts collecting the page's console errors (CSP violations among
them). Without /usr/bin/chromium the tests are skipped, saying so.
"""

import contextlib
import re
from pathlib import Path

import pytest

from tests.fakes import serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def live_server(app):
    """The ``app`` fixture served by a threaded werkzeug server on 127.0.0.1:<free port>."""
    with serve(app) as served:
        yield served


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}, which is not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page (own cookies and storage) at desktop size; resize with set_viewport_size."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def console_errors(page):
    """A list that fills with the page's console errors and uncaught exceptions."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"browser tests need Chromium at {CHROMIUM}"
)


@contextlib.contextmanager
def serve_app(app):
    """Serve ``app`` on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    with serve(app) as served:
        yield served.url


@pytest.fixture
def tour_site(make_app):
    """(app, base URL): the default app (offline interpreter) with the fake map services of
    tests/site_tour.py, served; for the tests that walk the tour."""
    from tests.site_tour import map_services  # site_tour imports this module

    with map_services() as settings:
        app = make_app(**settings)
        with serve_app(app) as base:
            yield app, base



def sign_in_demo(context, app, base_url):
    """Sign the browser context in to the demo account (a real POST); returns its user id.

    The request shares the context's cookies, so every page of the context is signed in.
    """
    from tarot.extensions import db
    from tarot.models import User

    login_page = context.request.get(base_url + "/login").text()
    token = re.search(r'name="csrf_token" value="([^"]+)"', login_page)
    form = {"next": "/", **({"csrf_token": token.group(1)} if token else {})}
    response = context.request.post(base_url + "/login/demo", form=form)
    assert response.ok, response.status
    with app.app_context():
        return db.session.execute(
            db.select(User.id).filter_by(provider="demo", provider_user_id="demo")
        ).scalar_one()
