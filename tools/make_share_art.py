#!/usr/bin/env python3
"""Generate what the share image is drawn from into tarot/share/assets/.

The share image (tarot/share/image.py) is composed with Pillow, which cannot draw SVG and
knows no Korean font. So, once, at build time:

- headless Chromium (Playwright, as tools/make_icons.py) renders each card face of
  tarot/static/cards/ and the back at 300 x 510 px, the cards' own size, and the logo at
  64 px; each is stored as a 256-colour PNG (the art is flat, the difference invisible);
- fontTools cuts Noto Sans CJK KR Bold (Debian's fonts-noto-cjk, SIL Open Font Licence)
  down to ASCII, a little punctuation and the 2,350 Hangul syllables of KS X 1001, which
  every ordinary Korean word uses (about 270 KB instead of 20 MB).

    python tools/make_share_art.py            # cards, logo and font
    python tools/make_share_art.py --font     # the font only (no Chromium needed)

Run it again after changing tools/make_card_art.py's drawings; commit the output.
tests/test_share_image.py checks that every card has its picture and that the font has a
glyph for every text the image draws.
"""
import argparse
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CARDS = os.path.join(ROOT, "tarot", "static", "cards")
LOGO = os.path.join(ROOT, "tarot", "static", "img", "logo.svg")
OUT = os.path.join(ROOT, "tarot", "share", "assets")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CARD_SIZE = (300, 510)
LOGO_SIZE = 64

NOTO_CJK_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
NOTO_CJK_COPYRIGHT = "/usr/share/doc/fonts-noto-cjk/copyright"
NOTO_KR_INDEX = "Noto Sans CJK KR"
FONT_FILE = "share-sans-kr-bold.otf"
PUNCTUATION = "·…‘’“”–—→★☆♥"


def render_png(page, svg, width, height):
    """``svg`` as a width x height PNG (transparent outside the drawing), 256 colours."""
    from PIL import Image

    page.set_viewport_size({"width": width, "height": height})
    page.set_content(
        "<!doctype html><html><head><style>html,body{margin:0;background:transparent}"
        f"svg{{display:block;width:{width}px;height:{height}px}}</style></head><body>"
        + svg + "</body></html>"
    )
    shot = page.screenshot(omit_background=True,
                           clip={"x": 0, "y": 0, "width": width, "height": height})
    image = Image.open(io.BytesIO(shot)).convert("RGBA")
    out = io.BytesIO()
    image.quantize(256, method=Image.Quantize.FASTOCTREE).save(out, "PNG", optimize=True)
    return out.getvalue()


def make_pictures():
    from playwright.sync_api import sync_playwright

    os.makedirs(os.path.join(OUT, "cards"), exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(device_scale_factor=1)
            names = sorted(n for n in os.listdir(CARDS) if n.endswith(".svg"))
            for name in names:
                with open(os.path.join(CARDS, name), encoding="utf-8") as fh:
                    png = render_png(page, fh.read(), *CARD_SIZE)
                with open(os.path.join(OUT, "cards", name[:-4] + ".png"), "wb") as fh:
                    fh.write(png)
            print(f"wrote {len(names)} card pictures")
            with open(LOGO, encoding="utf-8") as fh:
                png = render_png(page, fh.read(), LOGO_SIZE, LOGO_SIZE)
            with open(os.path.join(OUT, "logo.png"), "wb") as fh:
                fh.write(png)
            print("wrote logo.png")
        finally:
            browser.close()


def font_characters():
    """ASCII, the punctuation above and the Hangul syllables of KS X 1001 (EUC-KR's two-byte
    ones; Python's codec spells the rest in eight bytes)."""
    hangul = [chr(c) for c in range(0xAC00, 0xD7A4) if len(chr(c).encode("euc-kr")) == 2]
    return [chr(c) for c in range(0x20, 0x7F)] + list(PUNCTUATION) + hangul


def make_font():
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(NOTO_CJK_BOLD)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == NOTO_KR_INDEX)
    options = subset.Options()
    options.layout_features = ["kern", "palt"]
    options.name_IDs = ["*"]
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(font_characters()))
    subsetter.subset(font)
    font.recalcTimestamp = False  # the same input gives the same bytes
    os.makedirs(os.path.join(OUT, "fonts"), exist_ok=True)
    path = os.path.join(OUT, "fonts", FONT_FILE)
    font.save(path)
    print(f"wrote {FONT_FILE} ({os.path.getsize(path) // 1024} KB)")
    with open(os.path.join(OUT, "fonts", "OFL.txt"), "w", encoding="utf-8") as fh:
        fh.write(f"{FONT_FILE}: a subset of Noto Sans CJK KR Bold (ASCII, KS X 1001 Hangul),\n"
                 f"made by tools/make_share_art.py.\n\n{font['name'].getDebugName(0)}\n\n"
                 + licence_text())


def licence_text():
    """The SIL Open Font Licence 1.1 as Debian's fonts-noto-cjk package states it."""
    with open(NOTO_CJK_COPYRIGHT, encoding="utf-8") as fh:
        text = fh.read()
    block = text.split("License: SIL-1.1\n", 2)[2].split("\nLicense:", 1)[0]
    lines = [line[1:] if line.startswith(" ") else line for line in block.splitlines()]
    return "\n".join("" if line == "." else line for line in lines).strip() + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--font", action="store_true", help="only the font")
    args = parser.parse_args()
    make_font()
    if not args.font:
        make_pictures()


if __name__ == "__main__":
    main()
