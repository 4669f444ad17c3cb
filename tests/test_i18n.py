"""English as a second language: the catalogue, the switch, caches, pages and readings.

The catalogue tests extract the messages from the code and templates again (into a
temporary .pot, with the same command README gives translators) and hold the committed
English catalogue to them. The page tests render every page in both languages and read
the visible text of the English ones: no Hangul may be left, apart from the language
switch's own "한국어" and Korean card names given as glosses.
"""

import json
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from tarot.extensions import db
from tarot.models import Reading, User
from tarot.oracle import ReadingRequest, SpreadCard
from tarot.oracle.offline import OfflineInterpreter, phrases_en
from tarot.oracle.sections import SECTIONS, parse_answer
from tarot.pagecache import PublicPageCache
from tarot.spreads import POSITIONS
from tests.fakes.gemini import Answer, FakeGemini
from tests.helpers import HX, make_user, public_id_of, start_reading, wait_for_reading

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "tarot" / "translations"
ENGLISH_PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
ENGLISH_MO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.mo"
HANGUL = re.compile(r"[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]+")
EN = {"Accept-Language": "en"}
KO = {"Accept-Language": "ko"}
THIS_SITE_NAMES = {"ko": "타로밀크티", "en": "Tarot Milk Tea"}
ENGLISH_SECTION_HEADINGS = ("Greeting", "Past", "Present", "Future", "Advice", "Closing")


# ---- the catalogue ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages in the code and templates now, extracted like README says."""
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "--no-location", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as fh:
        return read_po(fh)


def _ids(catalog):
    return {message.id for message in catalog if message.id}


def _english():
    with ENGLISH_PO.open("rb") as fh:
        return read_po(fh, locale="en")


def test_every_message_in_the_code_has_an_english_translation(extracted):
    english = _english()
    missing = sorted(i for i in _ids(extracted) if not (english.get(i) and english.get(i).string))
    assert not missing, f"not in the English catalogue (run pybabel update, translate): {missing}"
    fuzzy = sorted(m.id for m in english if m.id and m.fuzzy)
    assert not fuzzy, f"fuzzy entries in the English catalogue: {fuzzy}"


def test_the_catalogue_has_no_stale_entries_and_the_template_is_current(extracted):
    english = _english()
    assert not sorted(_ids(english) - _ids(extracted)), "entries no code uses any more"
    with (TRANSLATIONS / "messages.pot").open("rb") as fh:
        assert _ids(read_po(fh)) == _ids(extracted), "messages.pot is out of date: extract again"


def test_translations_keep_their_placeholders_and_say_no_korean():
    english = _english()
    for message in english:
        if not message.id:
            continue
        names = sorted(re.findall(r"%\((\w+)\)[sd]|\{(\w+)\}", message.id))
        assert sorted(re.findall(r"%\((\w+)\)[sd]|\{(\w+)\}", message.string)) == names, message.id
        assert not HANGUL.search(message.string), (message.id, message.string)
        assert not list(message.check(english)), message.id


def test_the_committed_compiled_catalogue_matches_the_po():
    """The .mo is committed so a fresh checkout's `flask run` speaks English at once."""
    english = _english()
    with ENGLISH_MO.open("rb") as fh:
        compiled = read_mo(fh)
    assert {m.id: m.string for m in compiled if m.id} == {
        m.id: m.string for m in english if m.id
    }, "messages.mo is stale: run pybabel compile -d tarot/translations"
    fresh = BytesIO()
    write_mo(fresh, english)  # and it compiles


def _korean_outside_gettext(source):
    source = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    source = re.sub(r"""_\(\s*(["'])(?:\\.|(?!\1).)*\1""", "_(", source, flags=re.S)
    return HANGUL.findall(source)


def test_templates_have_no_korean_outside_the_catalogue():
    found = {}
    for path in sorted((ROOT / "tarot" / "templates").rglob("*.html")):
        left = _korean_outside_gettext(path.read_text(encoding="utf-8"))
        # The Kakao Map link searches for the Korean word on purpose (a URL, not text).
        left = [word for word in left if not (path.name == "page.html" and word == "타로")]
        if left:
            found[str(path.relative_to(ROOT))] = left
    assert not found


# Modules whose Korean is language-specific text by design: the interpreters' own words in
# each language, the Korean words the concern reader looks for, the particle helper, the
# parser's Korean section names, and the switch's language names.
KOREAN_BY_DESIGN = {
    "i18n.py", "korean.py", "oracle/prompt.py", "oracle/sections.py", "oracle/concern.py",
    "oracle/offline/phrases_ko.py", "oracle/offline/phrases_ko_conclusion.py", "oracle/offline/cardtext.py",
    "oracle/spread_prompts.py", "oracle/offline/phrases_ko_spreads.py", "oracle/offline/writer.py",
    "oracle/followup.py", "oracle/followup_prompt.py",  # the follow-up's reader, in each language
    "oracle/daily.py",
}


def _korean_data():
    """Korean that is data, not interface: generated nicknames, Korean map search words, and
    the words the deck's validator looks for in a Korean reversal paragraph."""
    from tarot import deck_schema, places
    from tarot.auth import accounts
    from tarot.share import service as share

    return {
        *accounts.NICKNAME_ADJECTIVES, *accounts.NICKNAME_DRINKS, accounts.DEMO_PROFILE.nickname,
        places.KAKAO_QUERY, places.OSM_NAME_PATTERN, "목적지",  # a directions link's label
        *deck_schema.REVERSAL_MARKERS["ko"], share.HONORIFIC,
    }


def test_python_modules_pass_user_visible_korean_through_gettext():
    import ast

    found = []
    data = _korean_data()
    for path in sorted((ROOT / "tarot").rglob("*.py")):
        relative = str(path.relative_to(ROOT / "tarot"))
        if relative in KOREAN_BY_DESIGN:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrapped, docstrings = set(), set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "_l"):
                wrapped.update(id(arg) for arg in ast.walk(node) if isinstance(arg, ast.Constant))
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                docstrings.add(id(body[0].value))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant) and isinstance(node.value, str)
                and HANGUL.search(node.value) and id(node) not in wrapped | docstrings
                and node.value not in data
            ):
                found.append((relative, node.lineno, node.value[:40]))
    assert not found


# ---- choosing the language ----------------------------------------------------------------


def _lang_of(html):
    return re.search(r'<html lang="(\w+)"', html).group(1)


def test_korean_is_the_default_and_accept_language_chooses_english(client):
    assert _lang_of(client.get("/").get_data(as_text=True)) == "ko"
    response = client.get("/", headers={"Accept-Language": "en-US"})
    assert _lang_of(response.get_data(as_text=True)) == "en"
    assert response.headers["Content-Language"] == "en"
    assert {"Cookie", "Accept-Language"} <= set(response.vary)
    assert client.get("/", headers={"Accept-Language": "ko,en;q=0.5"}).headers["Content-Language"] == "ko"


def test_the_switch_sets_a_cookie_and_goes_back_to_a_local_page(client):
    response = client.get("/lang/en?next=/guide/cards/the-fool")
    assert response.status_code == 303
    assert response.headers["Location"] == "/guide/cards/the-fool"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=en;") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Max-Age=31536000" in cookie
    html = client.get("/guide/cards/the-fool", headers=KO).get_data(as_text=True)
    assert _lang_of(html) == "en" and "The Fool" in html  # the cookie beats Accept-Language
    client.get("/lang/ko?next=/")
    assert _lang_of(client.get("/", headers=EN).get_data(as_text=True)) == "ko"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"])
def test_the_switch_never_leaves_the_site(client, target):
    response = client.get("/lang/en", query_string={"next": target})
    assert response.status_code == 303 and response.headers["Location"] == "/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/lang/fr?next=/").status_code == 404
    assert "Set-Cookie" not in client.get("/lang/fr?next=/").headers


def test_the_switch_links_sit_in_header_and_footer_and_come_back_here(client):
    html = client.get("/guide?q=star").get_data(as_text=True)
    links = [urlsplit(unescape(href)) for href in re.findall(r'href="(/lang/[^"]+)"', html)]
    assert sorted(link.path for link in links) == ["/lang/en", "/lang/en", "/lang/ko", "/lang/ko"]
    assert {parse_qs(link.query)["next"][0] for link in links} == {"/guide?q=star"}
    assert 'lang="ko" hreflang="ko" hx-boost="false" aria-current="true">한국어</a>' in html


def test_the_switch_changes_nothing_stored(app, client, auth):
    user_id = make_user(app)
    auth.login(client, user_id)
    response = client.get("/lang/en?next=/me")
    assert response.status_code == 303 and response.headers["Set-Cookie"].startswith("lang=en;")
    with app.app_context():
        assert db.session.get(User, user_id).locale is None


def test_my_page_saves_the_language_and_it_follows_the_user(app, client, auth):
    user_id = make_user(app)
    auth.login(client, user_id)
    me = client.get("/me", headers=KO).get_data(as_text=True)
    assert 'action="/me/language"' in me and 'name="locale" value="en"' in me
    response = client.post("/me/language", data={"locale": "en"}, headers=KO)
    assert response.status_code == 303 and response.headers["Location"] == "/me"
    assert response.headers["Set-Cookie"].startswith("lang=en;")  # this browser shows it now
    with app.app_context():
        assert db.session.get(User, user_id).locale == "en"
    page = client.get("/me", headers=KO).get_data(as_text=True)
    assert _lang_of(page) == "en" and "Language changed." in page
    other_device = app.test_client()  # no lang cookie: the account's preference decides
    auth.login(other_device, user_id)
    assert _lang_of(other_device.get("/me", headers=KO).get_data(as_text=True)) == "en"
    other_device.set_cookie("lang", "ko")  # a cookie on this device still wins
    assert _lang_of(other_device.get("/me", headers=EN).get_data(as_text=True)) == "ko"


@pytest.mark.parametrize("value", ["fr", "", "en; DROP TABLE", "ko" * 50])
def test_my_page_refuses_a_language_it_does_not_have(app, client, value, auth):
    user_id = make_user(app)
    auth.login(client, user_id)
    response = client.post("/me/language", data={"locale": value}, headers=KO)
    assert response.status_code == 303 and response.headers["Location"] == "/me#language"
    assert "Set-Cookie" not in response.headers or "lang=" not in response.headers["Set-Cookie"]
    with app.app_context():
        assert db.session.get(User, user_id).locale is None
    assert "고를 수 있는 언어가 아니에요" in client.get("/me", headers=KO).get_data(as_text=True)


def test_saving_the_language_needs_a_csrf_token_and_a_sign_in(csrf_app, auth):
    client = csrf_app.test_client()
    assert client.post("/me/language", data={"locale": "en"}).status_code == 400
    user_id = make_user(csrf_app)
    auth.login(client, user_id)
    assert client.post("/me/language", data={"locale": "en"}).status_code == 400
    with csrf_app.app_context():
        assert db.session.get(User, user_id).locale is None


# ---- caches never give the wrong language -------------------------------------------------


def test_the_public_page_cache_keeps_languages_apart(app):
    cache = app.wsgi_app
    assert isinstance(cache, PublicPageCache)
    client = app.test_client()
    korean = client.get("/guide/cards/the-star", headers=KO)
    assert korean.headers["Content-Language"] == "ko" and "Cache-Control" in korean.headers
    assert "public" in korean.headers["Cache-Control"]
    assert any(key[0] == "/guide/cards/the-star" for key in cache._entries)  # stored
    english = client.get("/guide/cards/the-star", headers=EN)
    assert english.headers["Content-Language"] == "en"
    assert "The Star" in english.get_data(as_text=True)
    # The language cookie is part of the key: it beats Accept-Language, from memory too.
    client.set_cookie("lang", "en")
    for _ in range(2):
        chosen = client.get("/guide/cards/the-star", headers=KO)
        assert chosen.headers["Content-Language"] == "en"
    assert any(key[-1] == (("lang", "en"),) for key in cache._entries)
    client.set_cookie("lang", "ko")
    assert client.get("/guide/cards/the-star", headers=EN).headers["Content-Language"] == "ko"
    client.delete_cookie("lang")
    again = client.get("/guide/cards/the-star", headers=KO)
    assert again.headers["Content-Language"] == "ko"


def test_guide_pages_vary_on_the_language_inputs(client):
    response = client.get("/guide", headers=EN)
    assert {"Cookie", "Accept-Language"} <= set(response.vary)
    assert response.headers["Content-Language"] == "en"


def test_the_service_worker_keys_guide_pages_by_language(client):
    worker = client.get("/sw.js").get_data(as_text=True)
    assert 'const LANGUAGES = ["ko", "en"];' in worker
    assert "Content-Language" in worker and '"Accept-Language"' in worker


# ---- every page in both languages ---------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a visitor can see or hear, skipping scripts and anything marked lang="ko"."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    SPOKEN = ("alt", "title", "aria-label", "placeholder")

    def __init__(self):
        super().__init__()
        self.stack = []
        self.parts = []
        self.json_script = False

    def _hidden(self):
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = (attrs.get("lang") == "ko" and tag != "html") or tag in ("script", "style")
        self.json_script = tag == "script" and attrs.get("type") == "application/json"
        if not self._hidden() and not skip:
            self.parts.extend(attrs[name] for name in self.SPOKEN if attrs.get(name))
            # data-* attributes carry the messages scripts show (and URLs, which have no Hangul)
            self.parts.extend(v for name, v in attrs.items() if name.startswith("data-") and v)
            if tag == "meta" and attrs.get("content") and (
                attrs.get("name") in ("description", "apple-mobile-web-app-title")
                or (attrs.get("property") or "").startswith("og:")
            ):
                self.parts.append(attrs["content"])
        if tag not in self.VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.json_script and self.stack and self.stack[-1][0] == "script":
            self.parts.extend(_strings(json.loads(data)))  # messages a script shows
        elif not self._hidden():
            self.parts.append(data)


def _strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def korean_left(app, html):
    parser = VisibleText()
    parser.feed(html)
    text = "\n".join(parser.parts)
    for card in app.extensions["deck"]:  # card-name glosses
        text = text.replace(card.name("ko"), "")
    return sorted(set(HANGUL.findall(text)))


@pytest.fixture
def site(app, auth):
    """A signed-in client with a saved, finished reading (offline interpreter)."""
    user_id = make_user(app, nickname="Milk")
    client = app.test_client()
    auth.login(client, user_id)
    client.set_cookie("lang", "en")
    public_id = public_id_of(start_reading(client, topic="love", concern="Will we talk again?"))
    wait_for_reading(app, public_id)
    client.post(f"/reading/{public_id}/save")
    client.delete_cookie("lang")
    return client, public_id


PUBLIC_PAGES = (
    "/", "/guide", "/guide?q=star", "/guide?q=zzzz", "/guide/cards/the-fool",
    "/guide/cards/queen-of-cups", "/reading", "/reading?topic=love", "/map", "/privacy",
    "/terms", "/login", "/offline", "/no-such-page",
)


def _pages(public_id):
    return tuple(p for p in PUBLIC_PAGES if p != "/login") + (
        "/me", "/archive", "/archive?topic=love", "/archive?topic=health",
        f"/reading/{public_id}", f"/reading/{public_id}/answer", f"/archive/{public_id}/delete",
    )


def _own_part(html):
    """What the page itself shows: its <main>, or the whole of a partial."""
    match = re.search(r"<main\b.*?</main>", html, re.S)
    return match.group(0) if match else html


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_renders_in_both_languages(app, site, lang):
    client, public_id = site
    client.set_cookie("lang", lang)
    for path in _pages(public_id):
        response = client.get(path)
        assert response.status_code == (404 if path == "/no-such-page" else 200), path
        html = response.get_data(as_text=True)
        if "<html" in html:
            assert _lang_of(html) == lang, path
        if lang == "en":
            left = korean_left(app, html)
            assert not left, (path, left)
        else:  # the page's own words are Korean (the header and footer are on every page)
            assert korean_left(app, _own_part(html)), path


def test_english_pages_have_no_korean_for_anonymous_visitors(app, client):
    client.set_cookie("lang", "en")
    for path in PUBLIC_PAGES:
        html = client.get(path).get_data(as_text=True)
        assert not korean_left(app, html), path
    html = client.post("/reading/deal", headers=HX).get_data(as_text=True)
    assert not korean_left(app, html)
    assert "Shuffle the cards" in html


def test_english_error_and_form_messages(app, client, auth):
    client.set_cookie("lang", "en")
    user_id = make_user(app, nickname="Milk")
    auth.login(client, user_id)
    response = client.post("/reading", data={"topic": "", "concern": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Please choose the kind of reading you&#39;d like." in html
    assert not korean_left(app, html)
    response = client.post("/reading/pick", data={"slot": 0}, headers=HX)
    assert "Please shuffle the cards first." in response.get_data(as_text=True)
    response = client.get("/map/shops.json?lat=x&lng=1", headers={"Accept": "application/json"})
    assert response.get_json()["error"].startswith("Please give the latitude")


def test_dates_follow_the_language_in_seoul_time(app, site):
    client, public_id = site
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        from datetime import datetime

        reading.created_at = datetime(2026, 3, 1, 15, 5)  # UTC; 3 Mar 00:05 in Seoul
        db.session.commit()
    client.set_cookie("lang", "en")
    assert "March 2, 2026, 12:05 AM" in client.get("/archive").get_data(as_text=True)
    assert "Mar 2, 2026, 12:05 AM" in client.get(f"/reading/{public_id}").get_data(as_text=True)
    client.set_cookie("lang", "ko")
    assert "2026년 3월 2일 오전 12:05" in client.get("/archive").get_data(as_text=True)


def test_counts_are_formatted_for_the_language(app):
    from flask import render_template

    for headers, expected in ((KO, "보관한 풀이 12,345개"), (EN, "Saved readings: 12,345")):
        with app.test_request_context(headers=headers):
            assert expected in render_template("archive/_count.html", total=12345, oob=False)


# ---- a whole reading in English -----------------------------------------------------------


def test_a_whole_reading_in_english_with_the_offline_interpreter(app, client, auth):
    auth.login(client, make_user(app, nickname="Milk"))
    client.get("/lang/en?next=/reading")
    form = client.get("/reading").get_data(as_text=True)
    assert "Write down what's on your mind." in form and "Love" in form
    public_id = public_id_of(start_reading(client, topic="love", concern="Will we talk again?"))
    reading = wait_for_reading(app, public_id)
    assert (reading.status, reading.locale, reading.interpreter) == ("done", "en", "offline")
    sections = reading.answer
    assert list(sections) == list(SECTIONS)
    assert sections and not HANGUL.search(json.dumps(reading.answer, ensure_ascii=False))
    assert "Milk" in sections["greeting"] and "love" in sections["greeting"].lower()
    deck = app.extensions["deck"]
    past = deck[reading.cards[0]["card"]]
    assert phrases_en.in_sentence(past.name("en")) in sections["past"]  # "the Fool" inside a sentence
    html = client.get(f"/reading/{public_id}/answer").get_data(as_text=True)
    for heading in ENGLISH_SECTION_HEADINGS:
        assert f">{heading}<" in html
    assert "Offline reading" in html
    assert not korean_left(app, html)


def test_a_whole_reading_in_english_asks_gemini_for_english(make_app, auth):
    with FakeGemini([Answer(["[[greeting]]\nHello, Milk.\n\n[[past]]\nA past.\n\n[[present]]\nNow.\n\n"
                             "[[future]]\nLater.\n\n[[advice]]\nTry this.\n\n[[conclusion]]\nTake care.\n"])]) as fake:
        app = make_app(GEMINI_API_KEY="test-key", GEMINI_BASE_URL=fake.url, GEMINI_TIMEOUT=2)
        client = app.test_client()
        auth.login(client, make_user(app, nickname="Milk"))
        client.set_cookie("lang", "en")
        public_id = public_id_of(start_reading(client, topic="money", concern="Should I change jobs?"))
        reading = wait_for_reading(app, public_id)
        assert (reading.status, reading.locale, reading.interpreter) == ("done", "en", "gemini")
        (sent,) = fake.requests
    system = "".join(p["text"] for p in sent["body"]["systemInstruction"]["parts"])
    assert "Answer in English" in system and "Kkamnyang" in system
    assert "Milk" not in system.replace("Tarot Milk Tea", "")  # the nickname is data, not instruction
    assert not HANGUL.search(system)
    data = json.loads(sent["body"]["contents"][0]["parts"][0]["text"])
    assert (data["topic"], data["nickname"]) == ("Money", "Milk")
    assert [c["place"] for c in data["cards"]] == ["Past", "Present", "Future", "Advice 1", "Advice 2"]
    deck = app.extensions["deck"]
    assert [c["name"] for c in data["cards"]] == [deck[c["card"]].name("en") for c in reading.cards]
    assert not HANGUL.search(json.dumps(data, ensure_ascii=False))
    html = client.get(f"/reading/{public_id}").get_data(as_text=True)
    assert "Hello, Milk." in html and ">Greeting<" in html


@pytest.mark.parametrize("topic", ["newyear", "love", "money", "study", "work", "health", "today"])
def test_the_offline_interpreter_writes_every_topic_in_english(app, topic):
    deck = app.extensions["deck"]
    for seed in range(6):
        cards = tuple(
            SpreadCard(position, deck[(seed * 13 + i * 17) % 78], (seed + i) % 2 == 1)
            for i, position in enumerate(POSITIONS)
        )
        request = ReadingRequest(topic=topic, concern="" if seed % 2 else "My worry", nickname="Milk",
                                 lang="en", cards=cards, seed=seed)
        with app.test_request_context():
            text = "".join(OfflineInterpreter().stream(request))
        sections = parse_answer(text)
        assert sections and list(sections) == list(SECTIONS)
        assert not HANGUL.search(text), text
        for spread_card in cards:
            assert phrases_en.in_sentence(spread_card.card.name("en")) in text
        for body in sections.values():  # every sentence starts as English sentences do
            for sentence in re.split(r"(?<=[.!?…])\s+", body.strip()):
                assert sentence[:1].isupper() or sentence[:1] in "“\"0123456789", sentence


def test_the_manifest_is_korean_and_has_an_english_variant(client):
    korean = client.get("/manifest.webmanifest")
    assert korean.get_json()["short_name"] == "타로밀크티" and korean.get_json()["lang"] == "ko"
    english = client.get("/manifest.webmanifest", headers=EN)
    assert english.get_json()["short_name"] == "Tarot Milk Tea" and english.get_json()["lang"] == "en"
    assert {"Cookie", "Accept-Language"} <= set(english.vary)


def test_remembered_translations_follow_force_locale_and_lazy_strings(app):
    """The request's translations are kept for speed, yet a forced language still wins."""
    from flask import render_template_string
    from flask_babel import force_locale

    from tarot.i18n import gettext, lazy_gettext

    label = lazy_gettext("카드 설명")
    with app.test_request_context("/", headers=KO):
        assert gettext("카드 설명") == str(label) == "카드 설명"
        with force_locale("en"):
            assert gettext("카드 설명") == str(label) == "Card Guide"
            assert render_template_string("{{ _('카드 설명') }}") == "Card Guide"
        assert render_template_string("{{ _('카드 설명') }}") == "카드 설명"
        assert gettext("보관한 풀이 %(n)s개", n=3) == "보관한 풀이 3개"
    with app.test_request_context("/", headers=EN):
        assert str(label) == "Card Guide"
