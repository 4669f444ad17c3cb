"""The card guide: /guide, the card pages, search, and their caching headers."""

import re
from html import unescape

import pytest

from tarot.deck import get_deck
from tests.helpers import login, make_user


@pytest.fixture
def deck(app):
    return get_deck(app.config["DECK_PATH"])


def _section(html, start_marker, end_marker):
    start = html.index(start_marker)
    return html[start:html.index(end_marker, start)]


def _list_items(html, group_class):
    block = _section(html, f'<div class="keyword-group {group_class}">', "</ul>")
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", block)]


def _card_links(html):
    return re.findall(r'href="/guide/cards/([a-z-]+)"', html)


def test_every_card_page_shows_its_own_texts(client, deck):
    for card in deck:
        response = client.get(f"/guide/cards/{card.slug}")
        assert response.status_code == 200, card.slug
        html = response.get_data(as_text=True)
        text = card.t("ko")
        assert _list_items(html, "is-upright") == list(card.keywords("ko")), card.slug
        assert _list_items(html, "is-reversed") == list(card.keywords("ko", True)), card.slug
        page = unescape(html)
        for expected in (
            card.name("ko"), card.name("en"), text["numerology"], text["imagery"],
            card.advice("ko"), text["astrology"], *text["explanation"],
        ):
            assert expected in page, (card.slug, expected[:30])
        for topic in ("love", "money", "work", "study", "health"):
            assert card.topic_meaning(topic) in page
            assert card.topic_meaning(topic, reversed_=True) in page
        assert f'src="/static/{card.image}?v=' in html


ANSWER_LINES = {
    "ko": ("예/아니요로 묻는다면", "정방향 ‘{up}’, 역방향 ‘{down}’", {"yes": "예", "maybe": "글쎄요", "no": "아니요"}),
    "en": ("If you ask yes or no", "Upright ‘{up}’, reversed ‘{down}’", {"yes": "yes", "maybe": "maybe", "no": "no"}),
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_card_page_answers_yes_or_no_for_both_orientations_and_advises_both(client, deck, lang):
    label, line, words = ANSWER_LINES[lang]
    for card in deck:
        html = client.get(f"/guide/cards/{card.slug}", headers={"Accept-Language": lang}).get_data(as_text=True)
        answer = unescape(_section(html, '<div class="card-answer">', "</dd>"))
        expected = line.format(up=words[card.yes_no()], down=words[card.yes_no(reversed_=True)])
        assert f"<dt>{label}</dt>" in answer and answer.endswith(f"<dd>{expected}"), (card.slug, answer)
        advice = unescape(_section(html, '<dl class="advice-pair">', "</dl>"))
        upright = _section(advice, '<div class="is-upright">', "</div>")
        reversed_ = _section(advice, '<div class="is-reversed">', "</div>")
        assert f"<dd>{card.advice(lang)}</dd>" in upright, card.slug
        assert f"<dd>{card.advice(lang, reversed_=True)}</dd>" in reversed_, card.slug


def test_the_answer_line_names_each_orientation(client):
    korean = unescape(client.get("/guide/cards/the-tower").get_data(as_text=True))
    assert "<dt>예/아니요로 묻는다면</dt>" in korean and "<dd>정방향 ‘아니요’, 역방향 ‘글쎄요’</dd>" in korean
    english = client.get("/guide/cards/four-of-cups", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "<dd>Upright ‘maybe’, reversed ‘yes’</dd>" in unescape(english)


def test_a_major_card_is_numbered_and_a_minor_names_its_suit(client):
    fool = client.get("/guide/cards/the-fool").get_data(as_text=True)
    assert '<h1 id="card-title">0번 바보</h1>' in fool
    assert "메이저 아르카나 · 0번" in fool
    queen = client.get("/guide/cards/queen-of-cups").get_data(as_text=True)
    assert '<h1 id="card-title">컵 퀸</h1>' in queen
    assert "컵 (물) · 퀸" in queen


def test_walking_next_from_the_fool_visits_every_card_and_comes_back(client, deck):
    slug, seen = "the-fool", []
    for _ in range(len(deck)):
        seen.append(slug)
        html = client.get(f"/guide/cards/{slug}").get_data(as_text=True)
        slug = re.search(r'rel="next" href="/guide/cards/([a-z-]+)"', html).group(1)
    assert slug == "the-fool"
    assert seen == [card.slug for card in deck]


def test_the_fools_previous_card_is_the_last_one(client, deck):
    html = client.get("/guide/cards/the-fool").get_data(as_text=True)
    assert re.search(r'rel="prev" href="/guide/cards/([a-z-]+)"', html).group(1) == deck[77].slug
    html = client.get("/guide/cards/the-world").get_data(as_text=True)
    assert re.search(r'rel="next" href="/guide/cards/([a-z-]+)"', html).group(1) == deck[22].slug


def test_the_index_of_all_cards_links_every_card_and_marks_this_one(client, deck):
    html = client.get("/guide/cards/the-star").get_data(as_text=True)
    index = _section(html, '<details class="card-index">', "</details>")
    assert _card_links(index) == [card.slug for card in deck]
    assert 'href="/guide/cards/the-star" aria-current="page"' in index


def test_an_unknown_card_is_a_404_page(client):
    response = client.get("/guide/cards/the-joker")
    assert response.status_code == 404
    assert "페이지를 찾을 수 없어요" in response.get_data(as_text=True)


def test_card_pages_have_their_own_title_description_and_open_graph(client):
    html = client.get("/guide/cards/the-lovers").get_data(as_text=True)
    assert "<title>6번 연인 (The Lovers) · 카드 설명 · 타로밀크티</title>" in html
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert "사랑과 조화" in description and "불균형" in description
    assert '<meta property="og:title" content="6번 연인 (The Lovers) · 타로밀크티">' in html
    assert '<meta property="og:url" content="http://localhost/guide/cards/the-lovers">' in html
    assert re.search(
        r'<meta property="og:image" content="http://localhost/static/cards/the-lovers.svg\?v=\w+">', html
    )
    other = client.get("/guide/cards/the-star").get_data(as_text=True)
    assert re.search(r"<title>(.*?)</title>", other).group(1) != "6번 연인 (The Lovers) · 카드 설명 · 타로밀크티"


def test_guide_has_the_introduction_with_a_contents_list(client, deck):
    html = client.get("/guide").get_data(as_text=True)
    for section in deck.intro["ko"]["sections"]:
        assert f'href="#intro-{section["id"]}"' in html
        assert f'id="intro-{section["id"]}"' in html
        assert section["title"] in html
        for paragraph in section["paragraphs"]:
            assert unescape(paragraph) in unescape(html)
    for anchor in ("about", "majors", "minors"):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


def test_major_table_and_minor_grid_link_every_card_exactly_once(client, deck):
    html = client.get("/guide").get_data(as_text=True)
    table = _section(html, '<table class="major-table">', "</table>")
    assert _card_links(table) == [card.slug for card in deck.majors]
    for card in deck.majors:
        assert ", ".join(card.keywords("ko", True)) in unescape(table)
    grid = _section(html, '<div class="minor-grid">', '<footer class="site-footer">')
    assert sorted(_card_links(grid)) == sorted(card.slug for card in deck.cards[22:])
    placed = {
        slug: (suit, int(rank))
        for suit, cells in re.findall(r'<section class="minor-suit suit-(\w+)"(.*?)</section>', grid, re.S)
        for rank, slug in re.findall(r'class="minor-cell rank-(\d+)">\s*<a class="minor-link" href="/guide/cards/([a-z-]+)"', cells)
    }
    for card in deck.cards[22:]:
        assert placed[card.slug] == (card.suit, card.rank)
        cell = _section(grid, f'href="/guide/cards/{card.slug}"', "</a>")
        assert " · ".join(card.keywords("ko")) in unescape(cell)


@pytest.mark.parametrize(
    ("query", "slug"),
    [("연인", "the-lovers"), ("lovers", "the-lovers"), ("LOVERS", "the-lovers"), ("희망", "the-star"),
     ("hope", "the-star"), ("무모함", "the-fool"), ("queen of cups", "queen-of-cups")],
)
def test_search_answers_htmx_with_the_partial(client, query, slug):
    response = client.get("/guide", query_string={"q": query}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<html" not in html
    assert f'href="/guide/cards/{slug}"' in html
    assert "HX-Request" in response.headers["Vary"]


def test_search_without_javascript_is_a_full_page(client):
    response = client.get("/guide?q=연인")
    html = response.get_data(as_text=True)
    assert "site-header" in html and 'id="search-results"' in html
    results = _section(html, 'id="search-results"', "</div>")
    assert _card_links(results) == ["the-lovers"]
    assert 'value="연인"' in html


def test_a_boosted_search_gets_the_full_page(client):
    headers = {"HX-Request": "true", "HX-Boosted": "true"}
    html = client.get("/guide?q=희망", headers=headers).get_data(as_text=True)
    assert "site-header" in html and 'href="/guide/cards/the-star"' in html


def test_search_that_finds_nothing_says_so(client):
    html = client.get("/guide?q=zzzz", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "맞는 카드가 없어요" in html
    assert _card_links(html) == []


def test_anonymous_guide_pages_are_cacheable_and_set_no_cookie(client):
    for url in ("/guide", "/guide/cards/the-fool"):
        response = client.get(url)
        assert response.headers["Cache-Control"] == "public, max-age=300, stale-while-revalidate=86400"
        assert response.headers["ETag"]
        assert response.headers["Last-Modified"]
        assert "Cookie" in response.headers["Vary"]
        assert "Set-Cookie" not in response.headers


def test_conditional_requests_get_304(client):
    first = client.get("/guide/cards/the-sun")
    etag = first.headers["ETag"]
    again = client.get("/guide/cards/the-sun", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    since = client.get(
        "/guide/cards/the-sun", headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert since.status_code == 304
    changed = client.get("/guide/cards/the-sun", headers={"If-None-Match": '"something-else"'})
    assert changed.status_code == 200 and changed.data == first.data


def test_signed_in_pages_are_private_and_never_served_to_others(app, client):
    user_id = make_user(app, nickname="보이차밀크티77777")
    login(client, app, user_id)
    mine = client.get("/guide/cards/the-moon")
    assert "보이차밀크티77777" in mine.get_data(as_text=True)
    assert mine.headers["Cache-Control"] == "private, no-cache"

    stranger = app.test_client().get("/guide/cards/the-moon")
    assert "보이차밀크티77777" not in stranger.get_data(as_text=True)
    assert "로그인" in stranger.get_data(as_text=True)
    assert stranger.headers["Cache-Control"].startswith("public")
    # A browser that kept the anonymous page must not get a 304 for it once signed in.
    again = client.get("/guide/cards/the-moon", headers={"If-None-Match": stranger.headers["ETag"]})
    assert again.status_code == 200 and "보이차밀크티77777" in again.get_data(as_text=True)


def test_the_byte_cache_is_kept_per_host(app):
    client = app.test_client()
    evil = client.get("/guide/cards/the-tower", headers={"Host": "evil.example"})
    assert "http://evil.example/guide/cards/the-tower" in evil.get_data(as_text=True)
    ours = client.get("/guide/cards/the-tower")
    assert "evil.example" not in ours.get_data(as_text=True)


def test_versioned_static_files_are_cached_for_a_year(client):
    html = client.get("/guide/cards/the-fool").get_data(as_text=True)
    url = re.search(r'src="(/static/cards/the-fool\.svg\?v=\w+)"', html).group(1)
    response = client.get(url)
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert client.get("/static/cards/the-fool.svg").headers["Cache-Control"] == "no-cache"
    stale = client.get("/static/cards/the-fool.svg?v=0000000000")
    assert stale.headers["Cache-Control"] == "no-cache"
