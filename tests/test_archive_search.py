"""Searching and filtering the archive: topic, card, mood, words in the concern or the note,
together and across pages, with hostile input answered and nothing stored."""

import re
from datetime import timedelta
from html import unescape

import pytest

from tarot.extensions import db
from tarot.models import Reading
from tests.archive_support import BASE_TIME, seed_saved
from tests.helpers import make_user

HX = {"HX-Request": "true"}


@pytest.fixture
def user_client(app, client, auth):
    client.user_id = make_user(app)
    auth.login(client, client.user_id)
    return client


def listed_ids(html):
    return re.findall(r'<h2 class="archive-concern" id="concern-([^"]+)"', html)


def next_link(html):
    match = re.search(r'href="(/archive\?[^"]*cursor=[^"]+)" rel="next"', html)
    return unescape(match.group(1)) if match else None


def write(app, public_id, **fields):
    with app.app_context():
        reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
        for name, value in fields.items():
            setattr(reading, name, value)
        db.session.commit()


def walk(client, url):
    """Every listed id following the "next" links from ``url``."""
    ids = []
    while url:
        html = client.get(url).get_data(as_text=True)
        ids += listed_ids(html)
        url = next_link(html)
    return ids


def test_filter_by_card_finds_the_readings_it_came_up_in_across_pages(app, user_client):
    # Reading i holds cards (i + 7n) % 78 for n < 5: The Fool (0) is in i = 0, 71, 64, 57, 50 …
    ids = seed_saved(app, user_client.user_id, 156)
    deck = app.extensions["deck"]
    expected = [public_id for i, public_id in enumerate(ids) if 0 in {(i + 7 * n) % 78 for n in range(5)}]
    found = walk(user_client, f"/archive?card={deck[0].slug}")
    assert found == expected[::-1] and len(found) > 0
    seen_by_mood = walk(user_client, f"/archive?card={deck[0].slug}&mood=calm")
    assert seen_by_mood == []


def test_filter_by_mood_and_topic_and_words_together(app, user_client):
    ids = seed_saved(app, user_client.user_id, 30, topics=("love", "money"))
    write(app, ids[2], mood="calm", note="이직 이야기를 적었어요")
    write(app, ids[3], mood="calm", note="연락이 왔어요")
    write(app, ids[4], mood="calm", note="이직은 미뤘어요")
    write(app, ids[5], mood="anxious", note="이직 고민")
    assert walk(user_client, "/archive?mood=calm") == [ids[4], ids[3], ids[2]]
    assert walk(user_client, "/archive?mood=calm&topic=love") == [ids[4], ids[2]]
    assert walk(user_client, "/archive?mood=calm&q=이직") == [ids[4], ids[2]]
    assert walk(user_client, "/archive?q=이직") == [ids[5], ids[4], ids[2]]
    assert walk(user_client, "/archive?q=이직+미뤘어요") == [ids[4]]
    assert walk(user_client, "/archive?q=" + "고민 7번째".replace(" ", "+")) == [ids[27], ids[17], ids[7]]  # in the concern


def test_words_filter_pages_keep_the_filter(app, user_client):
    ids = seed_saved(app, user_client.user_id, 45)
    for public_id in ids[::2]:
        write(app, public_id, note="산책하며 생각했어요")
    html = user_client.get("/archive?q=산책").get_data(as_text=True)
    assert "q=%EC%82%B0%EC%B1%85" in next_link(html)
    assert walk(user_client, "/archive?q=산책") == ids[::2][::-1]
    more = user_client.get(next_link(html), headers=HX).get_data(as_text=True)
    assert listed_ids(more) == ids[::2][::-1][20:23]


def test_percent_and_underscore_are_looked_for_as_themselves(app, user_client):
    ids = seed_saved(app, user_client.user_id, 3)
    write(app, ids[0], note="100% 확신")
    write(app, ids[1], note="1000 확신")
    assert walk(user_client, "/archive?q=100%25") == [ids[0]]
    assert walk(user_client, "/archive?q=_") == []


def test_the_form_shows_the_current_filter_and_the_result_count_label(app, user_client):
    ids = seed_saved(app, user_client.user_id, 2)
    write(app, ids[0], mood="hopeful")
    html = user_client.get("/archive?mood=hopeful&q=고민&topic=love").get_data(as_text=True)
    assert '<option value="hopeful" selected>' in html
    assert 'value="고민"' in html
    assert 'aria-label="찾은 풀이"' in html
    assert "조건 지우기" in html
    assert 'href="/archive?topic=money&amp;mood=hopeful&amp;q=%EA%B3%A0%EB%AF%BC"' in html  # chips keep it


def test_nothing_found_says_so_with_a_way_back(app, user_client):
    seed_saved(app, user_client.user_id, 2)
    html = user_client.get("/archive?q=없는낱말").get_data(as_text=True)
    assert "이 조건에 맞는 풀이는 아직 없어요" in html and 'href="/archive"' in html


@pytest.mark.parametrize("query", [
    "card=no-such-card", "mood=furious", "topic=<script>", "card=%00", "mood[]=calm", "card=0",
])
def test_unknown_values_are_dropped_and_the_rest_applies(app, user_client, query):
    ids = seed_saved(app, user_client.user_id, 3)
    response = user_client.get(f"/archive?{query}")
    assert response.status_code == 200
    assert listed_ids(response.get_data(as_text=True)) == ids[::-1]


def test_hostile_words_are_escaped_cut_and_stored_nowhere(app, user_client):
    ids = seed_saved(app, user_client.user_id, 2)
    write(app, ids[1], note="<script>x</script>")
    html = user_client.get("/archive?q=<script>").get_data(as_text=True)
    assert "<script>x" not in html and 'value="&lt;script&gt;"' in html
    assert listed_ids(html) == [ids[1]]
    long = user_client.get("/archive?q=" + "가" * 500).get_data(as_text=True)
    assert "검색어는 100자까지만 써서 찾았어요." in long
    many = user_client.get("/archive?q=a+b+c+d+e+f+g").get_data(as_text=True)
    assert "검색어는 앞의 5개 낱말로 찾았어요." in many
    invisible = user_client.get("/archive?q=%E2%80%AE%EA%B3%A0%EB%AF%BC%00").get_data(as_text=True)
    assert len(listed_ids(invisible)) == 2  # the control characters are dropped, "고민" stays
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Reading)).scalar_one() == 2


def test_other_users_readings_never_match(app, user_client, auth):
    mine = seed_saved(app, user_client.user_id, 1)
    other_id = make_user(app, nickname="녹차라떼55555")
    theirs = seed_saved(app, other_id, 2, start=BASE_TIME + timedelta(hours=1))
    write(app, theirs[0], note="비밀 메모", mood="calm")
    deck = app.extensions["deck"]
    assert walk(user_client, "/archive?q=비밀") == []
    assert walk(user_client, "/archive?mood=calm") == []
    assert walk(user_client, f"/archive?card={deck[0].slug}") == [mine[0]]


def test_deleting_from_a_filtered_list_returns_to_it(app, user_client):
    ids = seed_saved(app, user_client.user_id, 3)
    write(app, ids[0], mood="down")
    page = user_client.get(f"/archive/{ids[0]}/delete?mood=down&q=고민").get_data(as_text=True)
    assert '<input type="hidden" name="mood" value="down">' in page
    response = user_client.post(f"/archive/{ids[0]}/delete", data={"mood": "down", "q": "고민"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/archive?mood=down&q=%EA%B3%A0%EB%AF%BC")
