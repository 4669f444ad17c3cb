#!/usr/bin/env python3
"""Screenshots of every page at 360, 768 and 1280 px into docs/screenshots/, to look at by eye.

The app runs on its embedded defaults (a temporary SQLite file, the offline interpreter, demo
sign-in) on a free 127.0.0.1 port, with a fake Overpass and tile server for the map, and
headless Chromium walks the same pages as the accessibility tests (tests/site_tour.py): home,
guide, a card page, login, the reading form before and after dealing, five cards picked, a
finished reading, the archive, My page, the map, the offline page and a 404.

    python tools/screenshots.py                    # all pages, all widths
    python tools/screenshots.py --widths 360 --out /tmp/shots

Each picture is one screen high (the viewport), named <page>-<width>.png. Run from the
repository root.
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
WIDTHS = (360, 768, 1280)
HEIGHTS = {360: 740, 768: 1024, 1280: 800}


def make_app(workdir, services):
    """The app on a fresh SQLite file, migrated, with the fake map services."""
    from flask_migrate import upgrade

    from tarot import create_app

    app = create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir}/shots.sqlite",
        "SECRET_KEY": "screenshots-only", "AUTO_MIGRATE": False, "RATELIMIT_ENABLED": False,
        **services,
    })
    with app.app_context():
        upgrade()
    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--widths", type=int, nargs="+", default=WIDTHS)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from tests.browser_support import CHROMIUM_ARGS
    from tests.fakes import serve
    from tests.site_tour import map_services, tour

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, map_services() as services:
        app = make_app(tmp, services)
        with serve(app) as served, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width in args.widths:
                viewport = {"width": width, "height": HEIGHTS.get(width, 800)}
                # a new demo user per width keeps each archive at one saved reading
                with app.app_context():
                    from tarot.extensions import db
                    from tarot.models import User

                    db.session.execute(db.delete(User))
                    db.session.commit()
                for name, page in tour(browser, app, served.url, viewport=viewport):
                    if name in ("reading-dealt", "reading-picked"):  # the cards, not the intro
                        page.locator("#deal").scroll_into_view_if_needed()
                    else:
                        page.evaluate("() => window.scrollTo(0, 0)")
                    page.wait_for_timeout(900)  # let entrance animations finish
                    path = args.out / f"{name}-{width}.png"
                    page.screenshot(path=str(path), animations="disabled")
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            browser.close()


if __name__ == "__main__":
    main()
