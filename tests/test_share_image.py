"""The share image: 1200 x 630 PNG of a reading's cards (1, 3, 4, 5 or more places) and its
topic, drawn once and kept on disk, and never a word the owner wrote."""

import io
import os

import pytest
from PIL import Image

from tarot.extensions import db
from tarot.models import Reading
from tarot.share import image
from tests.helpers import make_user
from tests.reliability_support import seed_reading, seed_share

CONCERN = "비밀스러운 고민이에요"
PLACES = ("past", "present", "future", "advice1", "advice2")


@pytest.fixture
def site(make_app):
    app = make_app()
    app.owner = make_user(app, nickname="비밀닉네임777", provider_user_id="owner")
    app.reading = seed_reading(app, app.owner, concern=CONCERN)
    app.share = seed_share(app, app.reading)
    return app


def set_cards(app, count):
    cards = [{"card": n * 7, "reversed": n % 2 == 1, "position": PLACES[n % len(PLACES)]}
             for n in range(count)]
    with app.app_context():
        db.session.execute(db.update(Reading).values(cards=cards))
        db.session.commit()


def stored(app):
    folder = app.config["SHARE_IMAGE_DIR"]
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


@pytest.mark.parametrize("count", [1, 3, 4, 5])
def test_the_image_is_a_1200_by_630_png_for_every_spread_size(site, count):
    set_cards(site, count)
    response = site.test_client().get(f"/s/{site.share}/image.png")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    picture = Image.open(io.BytesIO(response.data))
    assert picture.format == "PNG" and picture.size == (1200, 630)
    assert len(response.data) < 400_000  # small enough for every link preview


@pytest.mark.parametrize("count", range(1, 13))
def test_the_cards_fit_the_picture_without_overlapping(count):
    rows, per_row, width, height, top = image.grid(count)
    assert rows * per_row >= count
    assert width >= 60  # still a card, not a speck
    assert per_row * width + (per_row - 1) * image.GAP <= image.WIDTH - 2 * image.MARGIN_X
    bottom = top + rows * (height + image.LABEL) + (rows - 1) * image.GAP
    assert top >= image.TOP and bottom <= image.HEIGHT - image.BOTTOM


@pytest.mark.parametrize("count", [1, 3, 4, 5])
def test_the_card_row_is_as_wide_as_the_readings_cards(site, count):
    """The drawing follows the reading: across the middle of the card row, ink runs from
    the first card's left edge to the last card's right edge, as many cards as there are."""
    set_cards(site, count)
    data = site.test_client().get(f"/s/{site.share}/image.png").data
    picture = Image.open(io.BytesIO(data)).convert("RGB")
    _rows, per_row, width, height, top = image.grid(count)
    cream = Image.new("RGB", (1, 1), image.CREAM).getpixel((0, 0))
    middle = top + height // 2
    ink = [x for x in range(image.WIDTH)
           if sum(abs(a - b) for a, b in zip(picture.getpixel((x, middle)), cream, strict=True)) > 12]
    row_width = per_row * width + (per_row - 1) * image.GAP
    left = (image.WIDTH - row_width) // 2
    assert abs(ink[0] - left) <= 3 and abs(ink[-1] - (left + row_width - 1)) <= 3


def test_the_image_is_drawn_once_and_then_served_from_disk(site, monkeypatch):
    client = site.test_client()
    first = client.get(f"/s/{site.share}/image.png")
    [name] = stored(site)
    assert first.headers["ETag"].strip('"') == name.removesuffix(".png")
    assert first.headers["Cache-Control"] == "public, no-cache"

    def no_drawing(_image):
        raise AssertionError("drawn again")

    monkeypatch.setattr(image, "render", no_drawing)
    again = client.get(f"/s/{site.share}/image.png")
    assert again.status_code == 200 and again.data == first.data
    not_modified = client.get(f"/s/{site.share}/image.png",
                              headers={"If-None-Match": first.headers["ETag"]})
    assert not_modified.status_code == 304
    # Another link of the same reading shows the same picture: one file serves both.
    other = seed_share(site, site.reading, show_concern=True)
    assert client.get(f"/s/{other}/image.png").data == first.data
    assert stored(site) == [name]


def test_other_cards_make_another_image(site):
    client = site.test_client()
    set_cards(site, 5)
    five = client.get(f"/s/{site.share}/image.png")
    set_cards(site, 3)
    three = client.get(f"/s/{site.share}/image.png")
    assert five.headers["ETag"] != three.headers["ETag"]
    assert len(stored(site)) == 2


def test_an_unwritable_folder_still_gives_the_image(make_app, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    app = make_app(SHARE_IMAGE_DIR=str(blocker / "images"))
    owner = make_user(app, provider_user_id="owner")
    token = seed_share(app, seed_reading(app, owner))
    response = app.test_client().get(f"/s/{token}/image.png")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.data)).size == (1200, 630)


def test_the_image_says_nothing_the_owner_wrote(site):
    from tarot.share.views import share_image

    seed_share(site, site.reading, show_concern=True, show_nickname=True)
    with site.test_request_context():
        reading = db.session.execute(db.select(Reading)).scalar_one()
        drawn = share_image(reading)
    words = " ".join([drawn.brand, drawn.title, drawn.subtitle, *(c[2] for c in drawn.cards)])
    assert CONCERN not in words and "비밀닉네임" not in words
    assert "애정운 타로 풀이" in words and "카드 5장" in words


def test_an_english_reading_has_an_english_image(site):
    from tarot.share.views import share_image

    with site.test_request_context():
        db.session.execute(db.update(Reading).values(locale="en"))
        reading = db.session.execute(db.select(Reading)).scalar_one()
        drawn = share_image(reading)
    assert drawn.title == "Love tarot reading"
    assert [c[2] for c in drawn.cards][:2] == ["Past", "Present · Reversed"]


def test_every_card_of_the_deck_has_its_picture(app):
    from tarot.deck import current_deck

    with app.app_context():
        slugs = [card.slug for card in current_deck().cards]
    assert len(slugs) == 78
    for name in [*slugs, "back"]:
        with Image.open(image.card_picture(name)) as picture:
            assert picture.size == (300, 510), name
    assert (image.ASSETS / "logo.png").is_file()


def test_the_font_draws_every_text_the_image_can_show(app):
    """Each character of every topic, place, count and brand text, in both languages, has a
    glyph of its own in the cut-down font (a missing one would draw the empty box)."""
    from flask_babel import force_locale
    from flask_babel import gettext as _
    from PIL import ImageDraw, ImageFont

    from tarot.spreads import PLACE_LABELS
    from tarot.topics import TOPICS

    font = ImageFont.truetype(str(image.FONT_PATH), 40)

    def drawn(character):
        canvas = Image.new("L", (60, 60))
        ImageDraw.Draw(canvas).text((5, 5), character, font=font, fill=255)
        return canvas.tobytes()

    missing_box = drawn("\ue000")  # a private-use character: no glyph
    texts = []
    with app.test_request_context():
        for lang in ("ko", "en"):
            with force_locale(lang):
                texts += [_("타로밀크티"), _("역방향"), " · 0123456789"]
                texts += [_("%(topic)s 타로 풀이", topic=str(label)) for label in TOPICS.values()]
                texts += [_("카드 %(count)d장으로 본 풀이", count=n) for n in range(1, 11)]
                texts += [str(label) for label in PLACE_LABELS.values()]
    characters = {c for text in texts for c in text if not c.isspace()}
    assert {c for c in characters if drawn(c) == missing_box} == set()
    assert drawn("\uac00") != missing_box
