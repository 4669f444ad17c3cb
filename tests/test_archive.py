"""The archive through HTTP: list, order, pages, filter, delete, owner checks, purge."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tarot.archive import service
from tarot.extensions import db
from tarot.models import Reading, utcnow
from tests.archive_support import BASE_TIME, reading_row, seed_saved
from tests.helpers import make_user

HX = {"HX-Request": "true"}


@pytest.fixture
def user_client(app, client, auth):
    client.user_id = make_user(app)
    auth.login(client, client.user_id)
    return client


@pytest.fixture
def other_client(app, auth):
    other = app.test_client()
    other.user_id = make_user(app, nickname="녹차라떼55555")
    auth.login(other, other.user_id)
    return other


def listed_ids(html):
    """Public ids of the listed readings, in page order."""
    return re.findall(r'<h2 class="archive-concern" id="concern-([^"]+)"', html)


def next_link(html):
    match = re.search(r'href="(/archive\?[^"]*cursor=[^"]+)" rel="next"', html)
    return unescape(match.group(1)) if match else None


def add_reading(app, user_id, **fields):
    with app.app_context():
        row = reading_row(user_id, 0)
        row.update(fields)
        reading = Reading(**row)
        db.session.add(reading)
        db.session.commit()
        return reading.public_id


def stored_ids(app):
    with app.app_context():
        return set(db.session.execute(db.select(Reading.public_id)).scalars())


# --- who may see it ---------------------------------------------------------------------


def test_anonymous_goes_to_sign_in_and_back(client):
    for method, url in (("get", "/archive?topic=love"), ("get", "/archive/abc/delete"),
                        ("post", "/archive/abc/delete")):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        location = urlsplit(response.headers["Location"])
        assert location.path == "/login"
        assert parse_qs(location.query)["next"] == [url]


def test_empty_state(user_client):
    response = user_client.get("/archive")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "보관한 결과가 없습니다" in html
    assert 'href="/reading"' in html
    assert "archive-list" not in html
    assert "archive-count" not in html


def test_unsaved_and_other_users_readings_are_not_listed(app, user_client, other_client):
    add_reading(app, user_client.user_id, saved_at=None)
    seed_saved(app, other_client.user_id, 3)
    html = user_client.get("/archive").get_data(as_text=True)
    assert "보관한 결과가 없습니다" in html
    assert listed_ids(other_client.get("/archive").get_data(as_text=True))


# --- the list ---------------------------------------------------------------------------


def test_row_shows_topic_first_line_korean_time_cards_and_links(app, user_client):
    public_id = add_reading(
        app, user_client.user_id, topic="money", concern="\n  이번 달 월세 낼 수 있을까요?  \n다음 줄",
        created_at=BASE_TIME, saved_at=BASE_TIME,
    )
    html = user_client.get("/archive").get_data(as_text=True)
    row = html.split('class="archive-item"')[1]
    assert "금전운" in row
    assert ">이번 달 월세 낼 수 있을까요?</a>" in row
    assert "다음 줄" not in row
    assert "2026년 11월 26일 오후 3:05" in row  # 06:05 UTC is 15:05 in Seoul
    thumbs = re.findall(r"<img class=\"archive-thumb[^>]*>", row)
    assert len(thumbs) == 5
    deck = app.extensions["deck"]
    with app.app_context():
        cards = db.session.execute(db.select(Reading.cards).filter_by(public_id=public_id)).scalar_one()
    for thumb, drawn in zip(thumbs, cards, strict=True):
        card = deck[drawn["card"]]
        assert f'src="/static/cards/{card.slug}.svg?v=' in thumb
        assert 'width="48" height="82" loading="lazy"' in thumb
        assert f'alt="{card.name("ko")}{" (역방향)" if drawn["reversed"] else ""}"' in thumb
        assert ("is-reversed" in thumb) == drawn["reversed"]
    assert row.count(f'href="/reading/{public_id}"') == 3  # the cards, the concern, the scroll
    assert "icon-scroll" in row


def test_long_and_empty_concerns(app, user_client):
    add_reading(app, user_client.user_id, concern="가" * 300, saved_at=BASE_TIME)
    add_reading(app, user_client.user_id, concern="", saved_at=BASE_TIME + timedelta(seconds=1))
    html = user_client.get("/archive").get_data(as_text=True)
    assert "가" * 59 + "…" in html
    assert "가" * 61 not in html
    assert "고민 내용 미입력" in html


def test_newest_saved_first_with_ties_broken_by_id(app, user_client):
    ids = seed_saved(app, user_client.user_id, 6)
    tied = seed_saved(app, user_client.user_id, 3, start=BASE_TIME + timedelta(hours=1), step=timedelta(0))
    html = user_client.get("/archive").get_data(as_text=True)
    assert listed_ids(html) == tied[::-1] + ids[::-1]


def test_the_concern_is_escaped(app, user_client):
    add_reading(app, user_client.user_id, concern="<script>alert(1)</script>", saved_at=BASE_TIME)
    html = user_client.get("/archive").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- pages ------------------------------------------------------------------------------


def walk(client, url="/archive"):
    """Follow the plain next-page links; return the pages' id lists."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        pages.append(listed_ids(html))
        url = next_link(html)
    return pages


@pytest.mark.parametrize(("count", "sizes"), [
    (1, [1]), (19, [19]), (20, [20]), (21, [20, 1]), (40, [20, 20]), (41, [20, 20, 1]),
])
def test_page_boundaries(app, user_client, count, sizes):
    ids = seed_saved(app, user_client.user_id, count)
    pages = walk(user_client)
    assert [len(page) for page in pages] == sizes
    assert [i for page in pages for i in page] == ids[::-1]


def test_pages_stay_exact_when_many_share_a_second(app, user_client):
    """MariaDB keeps whole seconds: rows saved in the same second still page without gaps."""
    ids = seed_saved(app, user_client.user_id, 45, step=timedelta(0))
    pages = walk(user_client)
    assert [len(page) for page in pages] == [20, 20, 5]
    assert [i for page in pages for i in page] == ids[::-1]


def test_htmx_more_returns_rows_and_replaces_the_pager(app, user_client):
    seed_saved(app, user_client.user_id, 45)
    first = user_client.get("/archive").get_data(as_text=True)
    assert "더 보기" in first and "다음 페이지" in first
    response = user_client.get(next_link(first), headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith("<li")
    assert len(listed_ids(html)) == 20
    assert 'id="archive-more" hx-swap-oob="true"' in html
    last = user_client.get(next_link(html), headers=HX).get_data(as_text=True)
    assert len(listed_ids(last)) == 5
    assert next_link(last) is None
    assert "보관한 풀이를 모두 불러왔어요." in last


@pytest.mark.parametrize("extra", [{"HX-Boosted": "true"}, {"HX-History-Restore-Request": "true"}])
def test_boosted_and_history_restore_requests_of_a_later_page_get_the_whole_page(app, user_client, extra):
    seed_saved(app, user_client.user_id, 45)
    later = next_link(user_client.get("/archive").get_data(as_text=True))
    html = user_client.get(later, headers={**HX, **extra}).get_data(as_text=True)
    assert "<html" in html and 'id="archive-list"' in html
    assert len(listed_ids(html)) == 20


def test_a_later_page_links_back_to_the_first(app, user_client):
    seed_saved(app, user_client.user_id, 21)
    second = user_client.get(next_link(user_client.get("/archive").get_data(as_text=True)))
    assert "← 처음으로" in second.get_data(as_text=True)


@pytest.mark.parametrize("cursor", [
    "abc", "1-", "-1", "12", "1795000000000000-0", "999999999999999999-1",
    "1795000000000000-1-2", "1795000000000000-1 OR 1=1", "１２-３",
])
def test_a_bad_cursor_is_a_clear_400_with_the_first_page(app, user_client, cursor):
    ids = seed_saved(app, user_client.user_id, 3)
    response = user_client.get("/archive", query_string={"cursor": cursor})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "페이지 주소가 올바르지 않아서 첫 페이지를 보여 드려요." in html
    assert listed_ids(html) == ids[::-1]


def test_cursor_round_trip():
    cursor = service.Cursor(BASE_TIME.replace(microsecond=123456), 812)
    assert service.Cursor.decode(cursor.encode()) == cursor
    whole = service.Cursor(BASE_TIME, 1)
    assert service.Cursor.decode(whole.encode()) == whole


# --- filter -----------------------------------------------------------------------------


def test_filter_by_topic_pages_within_the_topic(app, user_client):
    ids = seed_saved(app, user_client.user_id, 50, topics=("love", "work"))
    love = [i for n, i in enumerate(ids) if n % 2 == 0]
    pages = walk(user_client, "/archive?topic=love")
    assert [len(page) for page in pages] == [20, 5]
    assert [i for page in pages for i in page] == love[::-1]
    html = user_client.get("/archive?topic=love").get_data(as_text=True)
    assert re.search(r'href="/archive\?topic=love" aria-current="page"', html)
    assert "topic=love" in next_link(html)


def test_filter_with_nothing_and_unknown_topics(app, user_client):
    seed_saved(app, user_client.user_id, 2, topics=("love",))
    html = user_client.get("/archive?topic=health").get_data(as_text=True)
    assert "건강운 주제로 보관한 풀이는 아직 없어요." in html
    assert "보관한 결과가 없습니다" not in html
    for topic in ("nope", "", "<b>", "love'--"):
        response = user_client.get("/archive", query_string={"topic": topic})
        assert response.status_code == 200
        assert len(listed_ids(response.get_data(as_text=True))) == 2


# --- opening a saved reading ------------------------------------------------------------


def test_opening_a_saved_reading_shows_six_sections_and_a_way_back(app, user_client):
    (public_id,) = seed_saved(app, user_client.user_id, 1)
    html = user_client.get(f"/reading/{public_id}").get_data(as_text=True)
    for heading in ("인사", "과거", "현재", "미래", "조언", "마무리"):
        assert f"<h3>{heading}</h3>" in html
    assert '<a href="/archive">← 보관함으로</a>' in html


# --- delete -----------------------------------------------------------------------------


def test_delete_without_js_confirms_then_redirects_back(app, user_client):
    keep, gone = seed_saved(app, user_client.user_id, 2, topics=("love", "work"))
    html = user_client.get("/archive").get_data(as_text=True)
    assert f'href="/archive/{gone}/delete"' in html
    confirm = user_client.get(f"/archive/{gone}/delete?topic=work")
    page = confirm.get_data(as_text=True)
    assert confirm.status_code == 200
    assert "정말 삭제할까요?" in page
    assert f'method="post" action="/archive/{gone}/delete"' in page
    assert '<input type="hidden" name="topic" value="work">' in page
    response = user_client.post(f"/archive/{gone}/delete", data={"topic": "work"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/archive?topic=work"
    assert stored_ids(app) == {keep}
    html = user_client.get("/archive").get_data(as_text=True)
    assert "풀이를 삭제했어요." in html
    assert listed_ids(html) == [keep]


def test_delete_redirect_ignores_a_forged_topic(app, user_client):
    (public_id,) = seed_saved(app, user_client.user_id, 1)
    response = user_client.post(f"/archive/{public_id}/delete", data={"topic": "//evil.example"})
    assert response.headers["Location"] == "/archive"


def test_htmx_delete_returns_an_empty_row_and_the_new_count(app, user_client):
    ids = seed_saved(app, user_client.user_id, 3)
    html = user_client.get("/archive").get_data(as_text=True)
    assert f'hx-post="/archive/{ids[0]}/delete" hx-target="closest li" hx-swap="outerHTML' in html
    assert "hx-confirm=" in html
    response = user_client.post(f"/archive/{ids[0]}/delete", headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<li" not in body
    assert 'id="archive-count" hx-swap-oob="true">보관한 풀이 2개<' in body
    assert stored_ids(app) == set(ids[1:])


def test_delete_needs_the_csrf_token(csrf_app, auth):
    client = csrf_app.test_client()
    user_id = make_user(csrf_app)
    auth.login(client, user_id)
    first, second = seed_saved(csrf_app, user_id, 2)
    html = client.get("/archive").get_data(as_text=True)
    token = re.search(r'id="csrf-token" value="([^"]+)"', html).group(1)
    assert client.post(f"/archive/{first}/delete").status_code == 400
    assert client.post(f"/archive/{first}/delete", headers=HX).status_code == 400
    assert client.post(f"/archive/{first}/delete", data={"csrf_token": "forged"}).status_code == 400
    assert stored_ids(csrf_app) == {first, second}
    assert client.post(f"/archive/{first}/delete", data={"csrf_token": token}).status_code == 303
    assert client.post(f"/archive/{second}/delete", headers={**HX, "X-CSRFToken": token}).status_code == 200
    assert stored_ids(csrf_app) == set()


# --- owner checks -----------------------------------------------------------------------


def test_another_users_reading_is_404_whether_it_exists_or_not(app, user_client, other_client):
    (theirs,) = seed_saved(app, other_client.user_id, 1)
    for public_id in (theirs, "does-not-exist"):
        for response in (
            user_client.get(f"/reading/{public_id}"),
            user_client.get(f"/archive/{public_id}/delete"),
            user_client.post(f"/archive/{public_id}/delete"),
        ):
            assert response.status_code == 404
        htmx = user_client.post(f"/archive/{public_id}/delete", headers=HX)
        assert htmx.status_code == 404
        assert htmx.get_data() == b""
    assert stored_ids(app) == {theirs}
    assert listed_ids(other_client.get("/archive").get_data(as_text=True)) == [theirs]


# --- My page summary --------------------------------------------------------------------


def test_my_page_links_the_archive_with_the_saved_count(app, user_client):
    html = user_client.get("/me").get_data(as_text=True)
    assert "아직 보관한 풀이가 없어요" in html
    seed_saved(app, user_client.user_id, 4)
    add_reading(app, user_client.user_id, saved_at=None)
    html = user_client.get("/me").get_data(as_text=True)
    assert "보관한 풀이 4개를 다시 읽어요" in html
    assert 'href="/archive"' in html


# --- purge ------------------------------------------------------------------------------


def test_purge_deletes_only_old_unsaved_readings(app, runner):
    user_id = make_user(app)
    now = utcnow()
    old_unsaved = add_reading(app, user_id, created_at=now - timedelta(days=31), saved_at=None)
    new_unsaved = add_reading(app, user_id, created_at=now - timedelta(days=29), saved_at=None)
    old_saved = add_reading(app, user_id, created_at=now - timedelta(days=400), saved_at=now - timedelta(days=399))
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 unsaved reading(s) older than 30 day(s)." in result.output
    assert stored_ids(app) == {new_unsaved, old_saved}
    assert old_unsaved not in stored_ids(app)


def test_purge_days_option_and_setting(make_app):
    app = make_app(RETENTION_DAYS=7)
    user_id = make_user(app)
    now = utcnow()
    ten_days = add_reading(app, user_id, created_at=now - timedelta(days=10), saved_at=None)
    three_days = add_reading(app, user_id, created_at=now - timedelta(days=3), saved_at=None)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["purge", "--days", "20"])
    assert "Deleted 0" in result.output
    assert stored_ids(app) == {ten_days, three_days}
    result = runner.invoke(args=["purge"])
    assert "older than 7 day(s)" in result.output
    assert stored_ids(app) == {three_days}
    result = runner.invoke(args=["purge", "--days", "0"])
    assert result.exit_code != 0
    assert stored_ids(app) == {three_days}


@pytest.mark.parametrize("saved", [0, 1, 20, 21, 45])
def test_the_count_is_the_whole_archive_whatever_the_page_shows(app, client, auth, saved):
    """A first page holding everything counts its rows; otherwise the database counts."""
    user_id = make_user(app)
    auth.login(client, user_id)
    seed_saved(app, user_id, saved, topics=("love", "work"))
    def count(url):
        found = re.search(r'id="archive-count"\s*>보관한 풀이 ([0-9,]+)개<', client.get(url).get_data(as_text=True))
        return found and int(found.group(1).replace(",", ""))

    assert count("/archive") == (saved or None)  # an empty archive shows no count
    if saved > 1:
        assert count("/archive?topic=work") == saved  # the whole archive's, never the filter's
