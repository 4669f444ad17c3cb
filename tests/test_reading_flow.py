"""The reading journey through HTTP: deal, pick, create, poll, save, retry, owner checks."""

import re

import pytest

from tarot.extensions import db
from tarot.models import Reading
from tests.helpers import make_user, wait_for_reading


@pytest.fixture
def user_client(app, client, auth):
    user_id = make_user(app)
    auth.login(client, user_id)
    client.user_id = user_id
    return client


HX = {"HX-Request": "true"}


def deal_and_pick(client, count=5, slots=None):
    client.post("/reading/deal", headers=HX)
    for slot in (slots or range(count)):
        client.post("/reading/pick", data={"slot": slot}, headers=HX)


def create(client, topic="love", concern="그 사람 마음이 궁금해요"):
    return client.post("/reading", data={"topic": topic, "concern": concern})


def test_form_shows_topics_and_counter(client):
    html = client.get("/reading?topic=money").get_data(as_text=True)
    for label in ("신년운", "애정운", "금전운", "학업운", "직장운", "건강운", "오늘의 운세"):
        assert label in html
    assert re.search(r'value="money"\s+checked', html)
    assert 'maxlength="300"' in html


def test_anonymous_sees_sign_in_first_and_keeps_topic_and_concern(client):
    html = client.get("/reading").get_data(as_text=True)
    assert "먼저, 로그인을 해 주세요." in html
    response = client.get("/reading/signin?topic=love&concern=연락이+올까요")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith("/login?next=")
    from urllib.parse import parse_qs, urlsplit

    back = parse_qs(urlsplit(location).query)["next"][0]
    assert back == "/reading?topic=love&concern=%EC%97%B0%EB%9D%BD%EC%9D%B4+%EC%98%AC%EA%B9%8C%EC%9A%94"


def test_anonymous_can_shuffle_but_not_pick(client):
    response = client.post("/reading/deal", headers=HX)
    assert response.status_code == 200
    assert response.get_data(as_text=True).count('class="deal-card') == 30
    response = client.post("/reading/pick", data={"slot": 0}, headers=HX)
    assert response.status_code == 401
    assert "로그인" in response.get_data(as_text=True)


def test_anonymous_cannot_create_a_reading(app, client):
    client.post("/reading/deal", headers=HX)
    response = create(client)
    assert response.status_code == 303
    with app.app_context():
        assert db.session.query(Reading).count() == 0


def test_deal_reveals_no_card_in_html_or_cookie(app, user_client):
    response = user_client.post("/reading/deal", headers=HX)
    html = response.get_data(as_text=True)
    deck = app.extensions["deck"]
    for card in deck:
        assert f"/cards/{card.slug}.svg" not in html
        assert card.name("ko") not in html
    # the session cookie is readable by anyone holding it: it must not carry the cards
    import base64
    import zlib

    cookie = user_client.get_cookie("session").value
    payload = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    if cookie.startswith("."):
        raw = zlib.decompress(raw)
    text = raw.decode()
    assert '"cards"' in text
    assert not re.search(r"\[\s*\d+\s*,\s*(true|false)\s*\]", text)


def test_picks_fill_the_spread_in_order_and_unpick(user_client):
    user_client.post("/reading/deal", headers=HX)
    html = user_client.post("/reading/pick", data={"slot": 7}, headers=HX).get_data(as_text=True)
    assert html.count("spread-place is-filled") == 1
    html = user_client.post("/reading/pick", data={"slot": 3}, headers=HX).get_data(as_text=True)
    assert html.count("spread-place is-filled") == 2
    html = user_client.post("/reading/pick", data={"slot": 7}, headers=HX).get_data(as_text=True)
    assert html.count("spread-place is-filled") == 1


def test_sixth_pick_and_forged_slots_are_refused(user_client):
    deal_and_pick(user_client)
    response = user_client.post("/reading/pick", data={"slot": 9}, headers=HX)
    assert response.status_code == 422
    assert "다섯 장까지" in response.get_data(as_text=True)
    for forged in ("30", "-1", "abc", "", "1e3"):
        response = user_client.post("/reading/pick", data={"slot": forged}, headers=HX)
        assert response.status_code == 422
        assert response.get_data(as_text=True).count('aria-pressed="true"') == 5


def test_pick_without_a_deal(user_client):
    response = user_client.post("/reading/pick", data={"slot": 1}, headers=HX)
    assert response.status_code == 409


def test_create_redirects_to_a_stable_unguessable_url(app, user_client):
    deal_and_pick(user_client)
    response = create(user_client)
    assert response.status_code == 303
    location = response.headers["Location"]
    public_id = location.rsplit("/", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{20,}", public_id)
    reading = wait_for_reading(app, public_id)
    assert reading.status == "done"
    assert [c["position"] for c in reading.cards] == ["past", "present", "future", "advice1", "advice2"]
    assert len({c["card"] for c in reading.cards}) == 5
    page = user_client.get(location).get_data(as_text=True)
    for key in ("인사", "과거", "현재", "미래", "조언", "마무리"):
        assert f"<h3>{key}</h3>" in page
    assert "오프라인 풀이" in page
    assert "hx-trigger" not in page.split('id="answer"')[1]


def test_validation_errors_change_nothing(app, user_client):
    deal_and_pick(user_client)
    response = create(user_client, topic="fortune-cookie")
    assert response.status_code == 422
    assert "보려는 운세를 골라 주세요." in response.get_data(as_text=True)
    response = create(user_client, concern="가" * 301)
    assert response.status_code == 422
    assert "300자까지" in response.get_data(as_text=True)
    response = create(user_client, concern="zero\u200bwidth")
    assert response.status_code == 422
    with app.app_context():
        assert db.session.query(Reading).count() == 0


def test_fewer_than_five_cards_is_refused(app, user_client):
    deal_and_pick(user_client, count=3)
    response = create(user_client)
    assert response.status_code == 422
    assert "다섯 장" in response.get_data(as_text=True)


def test_empty_concern_is_allowed(app, user_client):
    deal_and_pick(user_client)
    response = create(user_client, concern="   ")
    assert response.status_code == 303


def test_double_submit_makes_one_reading(app, user_client):
    user_client.post("/reading/deal", headers=HX)
    page = user_client.get("/reading").get_data(as_text=True)
    deal_id = re.search(r'name="deal_id" value="([^"]+)"', page).group(1)
    for slot in range(5):
        user_client.post("/reading/pick", data={"slot": slot}, headers=HX)
    form = {"topic": "work", "concern": "이직해도 될까요", "deal_id": deal_id}
    first = user_client.post("/reading", data=form)
    second = user_client.post("/reading", data=form)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        assert db.session.query(Reading).count() == 1


def test_another_users_reading_is_404(app, user_client, make_app, auth):
    deal_and_pick(user_client)
    location = create(user_client).headers["Location"]
    public_id = location.rsplit("/", 1)[1]
    wait_for_reading(app, public_id)
    other = app.test_client()
    auth.login(other, make_user(app, nickname="녹차라떼55555"))
    for url in (location, f"{location}/answer"):
        assert other.get(url).status_code == 404
    for url in (f"{location}/save", f"{location}/retry"):
        assert other.post(url).status_code == 404
    assert other.get("/reading/does-not-exist").status_code == 404


def test_save_and_save_again(app, user_client):
    deal_and_pick(user_client)
    location = create(user_client).headers["Location"]
    wait_for_reading(app, location.rsplit("/", 1)[1])
    response = user_client.post(f"{location}/save", headers=HX)
    assert "보관함에 저장했어요" in response.get_data(as_text=True)
    response = user_client.post(f"{location}/save", headers=HX)
    assert "이미 저장된 결과예요" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(Reading).one().saved_at is not None


def test_concern_with_markup_is_inert(app, user_client):
    payload = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    deal_and_pick(user_client)
    location = create(user_client, concern=payload).headers["Location"]
    wait_for_reading(app, location.rsplit("/", 1)[1])
    html = user_client.get(location).get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pages_work_without_javascript(app, user_client):
    """Plain form posts (no HX headers) redirect back to the form with values kept."""
    response = user_client.post("/reading/deal", data={"topic": "study", "concern": "시험"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/reading?topic=study&concern=%EC%8B%9C%ED%97%98"
    response = user_client.post("/reading/pick", data={"slot": 2, "topic": "study"})
    assert response.status_code == 303
    html = user_client.get("/reading?topic=study").get_data(as_text=True)
    assert html.count('aria-pressed="true"') == 1
