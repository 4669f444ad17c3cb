#!/usr/bin/env python3
"""Generate the app icons and the install-dialog screenshots into tarot/static/icons/.

The icon is the site's logo (a teacup with a star and a crescent) in front of a tarot card
back, on the brewed-brown theme colour. Headless Chromium (Playwright) renders the SVG at
each exact size, so the output only changes when the drawing or Chromium does.

    python tools/make_icons.py                  # icons and screenshots
    python tools/make_icons.py --icons-only     # no app needed
    python tools/make_icons.py --svg            # print the icon SVG and stop

Outputs: icon-96/192/512.png (rounded, transparent corners), maskable-512.png (full bleed,
drawing inside the 80 % safe zone), apple-touch-icon.png (180, opaque), favicon-32.png
(the small logo), screenshot-narrow.jpg (750x1334) and screenshot-wide.jpg (1280x800).
"""
import argparse
import os
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "tarot", "static", "icons")
LOGO = os.path.join(ROOT, "tarot", "static", "img", "logo.svg")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

BREW_LIGHT = "#9c6a48"
BREW = "#8a5a3b"
BREW_DARK = "#5e3a24"
NIGHT = "#2f3550"
CREAM = "#fbf6ef"
FOAM = "#f3e7d7"
MILK_TEA = "#c49a6c"
GOLD = "#d8a84e"


def star(cx, cy, r, fill):
    """A four-pointed sparkle like the logo's."""
    k = r * 0.35
    return (f'<path d="M{cx} {cy - r}L{cx + k} {cy - k}L{cx + r} {cy}L{cx + k} {cy + k}'
            f'L{cx} {cy + r}L{cx - k} {cy + k}L{cx - r} {cy}L{cx - k} {cy - k}z" fill="{fill}"/>')


def artwork():
    """The drawing on a 512 x 512 canvas, centred, without background."""
    card = (
        '<g transform="rotate(-10 256 230)">'
        f'<rect x="160" y="70" width="192" height="300" rx="20" fill="{NIGHT}" '
        f'stroke="{FOAM}" stroke-width="8"/>'
        f'<rect x="178" y="88" width="156" height="264" rx="12" fill="none" '
        f'stroke="{GOLD}" stroke-width="4"/>'
        + star(256, 150, 30, GOLD) + star(214, 120, 9, FOAM) + star(300, 196, 11, FOAM)
        + "</g>"
    )
    # The logo's cup (64-unit grid), scaled up and drawn in cream on the brown.
    cup = (
        '<g transform="translate(256 338) scale(6.4) translate(-31.5 -41)">'
        f'<path d="M14 28h32v6a16 16 0 0 1-16 16h0a16 16 0 0 1-16-16z" fill="{CREAM}"/>'
        f'<path d="M14 28h32v3.4H14z" fill="{MILK_TEA}"/>'
        f'<path d="M46 31h3a5 5 0 0 1 0 10h-4" fill="none" stroke="{CREAM}" stroke-width="3" '
        'stroke-linecap="round"/>'
        f'<path d="M18 54h26" stroke="{CREAM}" stroke-width="3" stroke-linecap="round"/>'
        f'<path d="M23 34a9 9 0 0 0 14 8 7 7 0 1 1-14-8z" fill="{GOLD}"/>'
        "</g>"
    )
    return card + cup


def icon_svg(size, shape):
    """The icon as SVG. ``shape``: "rounded" (transparent corners) or "square" (full bleed,
    drawing shrunk into the maskable safe zone) or "plain" (full bleed, normal size)."""
    gradient = (
        '<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{BREW_LIGHT}"/><stop offset="1" stop-color="{BREW_DARK}"/>'
        "</linearGradient></defs>"
    )
    if shape == "rounded":
        background = '<rect x="16" y="16" width="480" height="480" rx="108" fill="url(#bg)"/>'
        art = f'<g transform="translate(256 256) scale(.86) translate(-256 -256)">{artwork()}</g>'
    elif shape == "square":
        background = '<rect width="512" height="512" fill="url(#bg)"/>'
        art = f'<g transform="translate(256 256) scale(.72) translate(-256 -256)">{artwork()}</g>'
    else:
        background = '<rect width="512" height="512" fill="url(#bg)"/>'
        art = f'<g transform="translate(256 256) scale(.9) translate(-256 -256)">{artwork()}</g>'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="{size}" '
            f'height="{size}">{gradient}{background}{art}</svg>')


ICONS = (
    # file, size, shape
    ("icon-96.png", 96, "rounded"),
    ("icon-192.png", 192, "rounded"),
    ("icon-512.png", 512, "rounded"),
    ("maskable-512.png", 512, "square"),
    ("apple-touch-icon.png", 180, "plain"),
)


def render_svg(browser, svg, size, path):
    """Screenshot ``svg`` at exactly size x size pixels, keeping transparency."""
    page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
    page.set_content(
        "<!doctype html><html><head><style>html,body{margin:0;background:transparent}"
        "svg{display:block}</style></head><body>" + svg + "</body></html>"
    )
    page.screenshot(path=path, omit_background=True,
                    clip={"x": 0, "y": 0, "width": size, "height": size})
    page.close()


def make_icons(browser):
    os.makedirs(OUT, exist_ok=True)
    for name, size, shape in ICONS:
        render_svg(browser, icon_svg(size, shape), size, os.path.join(OUT, name))
        print("wrote", name)
    with open(LOGO, encoding="utf-8") as fh:
        logo = fh.read().replace("<svg ", '<svg width="32" height="32" ', 1)
    render_svg(browser, logo, 32, os.path.join(OUT, "favicon-32.png"))
    print("wrote favicon-32.png")


def make_screenshots(browser):
    """Screenshots of the home page, served by the app on a free local port."""
    sys.path.insert(0, ROOT)
    from werkzeug.serving import WSGIRequestHandler, make_server

    from tarot import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({
            "SQLALCHEMY_DATABASE_URI": "sqlite:///" + os.path.join(tmp, "shots.sqlite"),
            "SECRET_KEY": "screenshots",
        })
        quiet = type("Quiet", (WSGIRequestHandler,), {"log_request": lambda *a, **k: None})
        server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=quiet)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_port}/"
        try:
            for name, viewport, scale in (
                ("screenshot-narrow.jpg", {"width": 375, "height": 667}, 2),
                ("screenshot-wide.jpg", {"width": 1280, "height": 800}, 1),
            ):
                context = browser.new_context(viewport=viewport, device_scale_factor=scale,
                                              locale="ko-KR", reduced_motion="reduce",
                                              service_workers="block")
                page = context.new_page()
                page.goto(url, wait_until="networkidle")
                page.screenshot(path=os.path.join(OUT, name), type="jpeg", quality=70)
                context.close()
                print("wrote", name)
        finally:
            server.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--icons-only", action="store_true", help="skip the screenshots")
    parser.add_argument("--svg", action="store_true", help="print the icon SVG and stop")
    args = parser.parse_args()
    if args.svg:
        print(icon_svg(512, "rounded"))
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            make_icons(browser)
            if not args.icons_only:
                make_screenshots(browser)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
