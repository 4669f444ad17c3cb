"""The share image: a 1200 x 630 PNG of a reading's cards and topic, made once, kept on disk.

Link previews (KakaoTalk, X, messengers) show it. It is composed with Pillow from pictures
made at build time by tools/make_share_art.py (the card faces and back, rendered from our
SVG art by Chromium, and the logo) and a Korean font cut down from Noto Sans CJK KR, all in
``assets/``, so nothing here depends on the machine's fonts or an SVG renderer.

Pillow is imported only when an image is drawn: a worker that never draws one never pays
for it (the worker memory budget is 100 MB).

An image is stored under a key made of everything it shows (the cards with their places and
orientations, the topic, the language, the texts) and of the versions of the deck, the
pictures and this layout, so a change to any of them draws a new image.
"""

import hashlib
import io
import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
# Change when the drawing below changes, so stored images are drawn again.
LAYOUT_VERSION = "1"
ASSETS = Path(__file__).resolve().parent / "assets"
FONT_PATH = ASSETS / "fonts" / "share-sans-kr-bold.otf"
CREAM, FOAM, BREW, BREW_DARK, INK_SOFT, GOLD = (
    "#fbf6ef", "#f3e7d7", "#8a5a3b", "#5e3a24", "#5f4b3e", "#d8a84e")
MARGIN_X, TOP, BOTTOM, GAP, LABEL = 48, 158, 26, 20, 40
CARD_RATIO = 300 / 510

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShareImage:
    """What one image shows: the card pictures in order with their place labels, and texts."""

    cards: tuple  # ((slug, reversed, place label), ...)
    brand: str
    title: str
    subtitle: str

    def key(self, deck_version):
        """The name this image is stored under (hex), for the deck version given."""
        payload = json.dumps(
            {"layout": LAYOUT_VERSION, "art": assets_version(), "deck": deck_version,
             "cards": self.cards, "texts": [self.brand, self.title, self.subtitle]},
            ensure_ascii=False, sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:32]


@cache
def assets_version():
    """A hash over the pictures and the font, read once per process."""
    digest = hashlib.sha256()
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(ASSETS).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def card_picture(slug):
    """The path of a card's picture (``back`` for the back)."""
    return ASSETS / "cards" / f"{slug}.png"


def grid(count):
    """(rows, per row, card width, card height, top) that fit ``count`` cards below the title,
    in rows of at most six, as large as the space allows and centred in it."""
    rows = max(1, math.ceil(count / 6))
    per_row = math.ceil(count / rows)
    height = (HEIGHT - TOP - BOTTOM - (rows - 1) * GAP) / rows - LABEL
    width = int(min(height * CARD_RATIO, (WIDTH - 2 * MARGIN_X - (per_row - 1) * GAP) / per_row))
    height = int(width / CARD_RATIO)
    block = rows * (height + LABEL) + (rows - 1) * GAP
    return rows, per_row, width, height, TOP + (HEIGHT - TOP - BOTTOM - block) // 2


def _fonts(ImageFont, rows):
    size = {"brand": 26, "title": 56, "subtitle": 26, "label": 24 if rows == 1 else 20}
    return {name: ImageFont.truetype(str(FONT_PATH), px) for name, px in size.items()}


def _draw_header(draw, logo, canvas, fonts, image):
    canvas.paste(logo, (MARGIN_X, 34), logo)
    draw.text((MARGIN_X + 54, 50), image.brand, font=fonts["brand"], fill=BREW, anchor="lm")
    draw.text((MARGIN_X, 118), image.title, font=fonts["title"], fill=BREW_DARK, anchor="ls")
    draw.text((WIDTH - MARGIN_X, 118), image.subtitle, font=fonts["subtitle"], fill=INK_SOFT,
              anchor="rs")
    draw.line((MARGIN_X, 142, WIDTH - MARGIN_X, 142), fill=FOAM, width=3)


def _draw_cards(Image, draw, canvas, fonts, cards):
    _rows, per_row, width, height, first_top = grid(len(cards))
    for index, (slug, reversed_, label) in enumerate(cards):
        row, column = divmod(index, per_row)
        in_row = min(per_row, len(cards) - row * per_row)
        left = (WIDTH - in_row * width - (in_row - 1) * GAP) // 2 + column * (width + GAP)
        top = first_top + row * (height + LABEL + GAP)
        with Image.open(card_picture(slug)) as source:
            picture = source.convert("RGBA").resize((width, height), Image.Resampling.LANCZOS)
        if reversed_:
            picture = picture.rotate(180)
        canvas.paste(picture, (left, top), picture)
        draw.text((left + width // 2, top + height + LABEL // 2 + 2), label, font=fonts["label"],
                  fill=BREW if not reversed_ else BREW_DARK, anchor="mm")


def render(image):
    """The image as PNG bytes."""
    from PIL import Image, ImageDraw, ImageFont

    rows = grid(len(image.cards))[0]
    canvas = Image.new("RGB", (WIDTH, HEIGHT), CREAM)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, HEIGHT - 10, WIDTH, HEIGHT), fill=GOLD)
    fonts = _fonts(ImageFont, rows)
    with Image.open(ASSETS / "logo.png") as source:
        logo = source.convert("RGBA").resize((40, 40), Image.Resampling.LANCZOS)
    _draw_header(draw, logo, canvas, fonts, image)
    _draw_cards(Image, draw, canvas, fonts, image.cards)
    out = io.BytesIO()
    canvas.quantize(256, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def stored_png(folder, image, deck_version):
    """``(key, path or None, bytes or None)``: the stored image, drawn and stored if new.

    When the folder cannot be written (a read-only disk), the drawn bytes are returned
    instead of a path, and the next request draws them again.
    """
    key = image.key(deck_version)
    path = Path(folder) / f"{key}.png"
    if path.is_file():
        return key, path, None
    png = render(image)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as fh:
            fh.write(png)
        try:
            os.replace(fh.name, path)  # atomic: a reader sees the whole file or none
        finally:
            if os.path.exists(fh.name):
                os.unlink(fh.name)
    except OSError as exc:
        log.warning("share image not stored in %s: %s", folder, exc)
        return key, None, png
    return key, path, None
