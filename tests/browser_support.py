"""Fixtures for browser tests: the app on a live server, and headless Chromium (Playwright).

Import the fixtures into a test module (``from tests.browser_support import browser,
live_server, page``). Browser tests are marked ``browser`` and skip when Chromium or
Playwright is missing.
"""

import os
import threading

import pytest
from werkzeug.serving import make_server

from tarot.extensions import db
from tarot.models import User

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# A fixed user agent: Flask-Login's session protection hashes it with the address.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) TarotTests/1.0"


@pytest.fixture
def live_server():
    """``live_server(app)`` serves the app on 127.0.0.1 in a thread; returns the base URL."""
    servers = []

    def serve(app):
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need Playwright")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context (cookies, storage); ``page.errors`` collects console errors."""
    context = browser.new_context(user_agent=USER_AGENT, locale="ko-KR", viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10000)
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def sign_in(page, app, base_url, user_id):
    """Give the page the session cookie a sign-in would have set for the user."""
    from flask_login.utils import _create_identifier

    with app.app_context():
        token = db.session.get(User, user_id).session_token
    environ = {"REMOTE_ADDR": "127.0.0.1"}
    with app.test_request_context(headers={"User-Agent": USER_AGENT}, environ_base=environ):
        identifier = _create_identifier()
    value = app.session_interface.get_signing_serializer(app).dumps(
        {"_user_id": token, "_fresh": True, "_id": identifier}
    )
    page.context.add_cookies([{"name": app.config["SESSION_COOKIE_NAME"], "value": value, "url": base_url}])
