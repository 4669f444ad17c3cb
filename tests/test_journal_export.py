"""Export: every saved reading with its note, as JSON and as a printable page, the user's own
only, written out in batches, escaped, and limited in rate."""

import base64
import hashlib
import json
import re

import pytest

from tarot.extensions import db
from tarot.journal import export
from tarot.models import Reading
from tarot.oracle.sections import SECTIONS
from tarot.spreads import SPREADS
from tests.archive_support import seed_saved
from tests.helpers import make_user
from tests.reliability_support import seed_reading


@pytest.fixture
def user_client(app, client, auth):
    client.user_id = make_user(app)
    auth.login(client, client.user_id)
    return client


def write(app, public_id, **fields):
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        for name, value in fields.items():
            setattr(reading, name, value)
        db.session.commit()


def test_json_holds_every_saved_reading_with_its_note_oldest_first(app, user_client, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_BATCH", 7)  # several batches, and a keyset across them
    ids = seed_saved(app, user_client.user_id, 23)
    unsaved = seed_reading(app, user_client.user_id, saved=False)
    seed_saved(app, make_user(app, nickname="녹차라떼55555"), 3)
    write(app, ids[4], note="연락이 왔어요 \"따옴표\" </script>", mood="hopeful")
    response = user_client.get("/archive/export.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert re.fullmatch(r'attachment; filename="tarot-milk-tea-journal-\d{4}-\d{2}-\d{2}\.json"',
                        response.headers["Content-Disposition"])
    assert "no-store" in response.headers["Cache-Control"]
    document = json.loads(response.get_data(as_text=True))
    assert document["format"] == "tarot-milk-tea-journal" and document["version"] == 1
    assert [entry["id"] for entry in document["readings"]] == ids
    assert unsaved not in response.get_data(as_text=True)
    entry = document["readings"][4]
    assert entry["note"] == "연락이 왔어요 \"따옴표\" </script>"
    assert (entry["mood"], entry["mood_label"]) == ("hopeful", "설레요")
    assert entry["noted_at"] is None and entry["saved_at"].endswith("Z")
    assert len(entry["cards"]) == 5 and entry["cards"][0]["name"]
    assert [section["section"] for section in entry["answer"]] == list(SECTIONS)
    assert document["readings"][0]["note"] is None


def test_json_of_an_empty_archive_is_valid(user_client):
    document = json.loads(user_client.get("/archive/export.json").get_data(as_text=True))
    assert document["readings"] == []


def test_readings_of_one_and_three_places_export_as_they_are(app, user_client):
    ids = seed_saved(app, user_client.user_id, 2)
    with app.app_context():
        rows = db.session.execute(db.select(Reading).order_by(Reading.id)).scalars().all()
        rows[0].spread, rows[0].cards = "one-card", [{**rows[0].cards[0], "position": "card"}]
        rows[1].spread, rows[1].cards = "three-card", rows[1].cards[:3]
        for row in rows:
            row.answer = {key: f"{key} 풀이" for key in SPREADS[row.spread].sections}
        db.session.commit()
    document = json.loads(user_client.get("/archive/export.json").get_data(as_text=True))
    one, three = document["readings"]
    assert (one["id"], three["id"]) == tuple(ids)
    assert [(card["place"], card["place_label"]) for card in one["cards"]] == [("card", "나의 카드")]
    assert [card["place_label"] for card in three["cards"]] == ["과거", "현재", "미래"]
    assert [section["section"] for section in one["answer"]] == ["greeting", "card", "conclusion"]
    assert [section["heading"] for section in three["answer"]] == ["인사", "과거", "현재", "미래", "마무리"]


def test_the_printable_page_is_self_contained_and_escaped(app, user_client):
    ids = seed_saved(app, user_client.user_id, 3)
    write(app, ids[1], note="<img src=x onerror=alert(1)> 메모", mood="down", concern="<b>고민</b>")
    response = user_client.get("/archive/export.html")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert response.headers["Content-Disposition"].endswith('.html"')
    html = response.get_data(as_text=True)
    assert html.count('<article class="entry"') == 3
    assert "&lt;img src=x onerror=alert(1)&gt; 메모" in html and "<img" not in html
    assert "&lt;b&gt;고민&lt;/b&gt;" in html and "속상해요" in html
    assert "<script" not in html and "<link" not in html and "@media print" in html
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response.headers["Content-Security-Policy"]
    assert html.index(ids[0]) < html.index(ids[1]) < html.index(ids[2])


def test_the_printable_page_in_english(app, user_client):
    seed_saved(app, user_client.user_id, 1)
    user_client.set_cookie("lang", "en")
    html = user_client.get("/archive/export.html").get_data(as_text=True)
    assert '<html lang="en">' in html and "journal" in html.lower()


def test_exports_are_limited_in_rate(make_app, auth):
    app = make_app(RATELIMIT_ENABLED=True, EXPORT_RATE_LIMIT="2 per hour")
    client = app.test_client()
    auth.login(client, make_user(app))
    assert [client.get("/archive/export.json").status_code for _ in range(2)] == [200, 200]
    refused = client.get("/archive/export.html")
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    other = app.test_client()
    auth.login(other, make_user(app, nickname="녹차라떼55555"))
    assert other.get("/archive/export.html").status_code == 200  # counted per account
