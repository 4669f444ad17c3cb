"""Demo sign-in, My page, logout, account deletion, CSRF, rate limits and the policy pages."""

import re

import pytest
from sqlalchemy import func, select

from tarot.auth.accounts import provider_nickname, random_nickname, safe_next
from tarot.auth.providers import _avatar_url
from tarot.extensions import db
from tarot.models import Reading, User

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def app(make_app):
    return make_app(DEMO_LOGIN=True)


def count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count(model.id)))


def the_user(app):
    with app.app_context():
        return db.session.scalars(select(User)).one()


def demo_sign_in(client, next_url="/"):
    return client.post("/login/demo", data={"next": next_url})


def csrf_token(client, path):
    match = CSRF_INPUT.search(client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


# --- Demo sign-in ----------------------------------------------------------------------------

def test_login_offers_the_demo_account(client):
    html = client.get("/login?next=/guide").get_data(as_text=True)
    assert "데모 계정으로 시작하기" in html
    assert 'action="/login/demo"' in html
    assert 'name="next" value="/guide"' in html
    assert 'href="/privacy"' in html and 'href="/terms"' in html


def test_demo_sign_in_creates_one_demo_account(app, client):
    response = demo_sign_in(client, "/guide?x=1")
    assert response.status_code == 302 and response.location == "/guide?x=1"
    demo_sign_in(app.test_client())
    user = the_user(app)
    assert (user.provider, user.provider_user_id, user.nickname) == ("demo", "demo", "데모밀크티")
    html = client.get("/").get_data(as_text=True)
    assert 'class="avatar"' in html and "데모밀크티" in html and 'href="/me"' in html


@pytest.mark.parametrize("env", [{"PRODUCTION": True}, {"PRODUCTION": True, "TAROT_ENV": "production"}])
def test_demo_sign_in_is_impossible_in_production(make_app, env):
    app = make_app(DEMO_LOGIN=True, **env)
    client = app.test_client()
    assert "데모 계정으로 시작하기" not in client.get("/login").get_data(as_text=True)
    assert demo_sign_in(client).status_code == 404
    assert count(app, User) == 0


def test_demo_sign_in_is_off_when_not_configured(make_app):
    app = make_app(DEMO_LOGIN=False)
    assert demo_sign_in(app.test_client()).status_code == 404
    assert count(app, User) == 0


def test_demo_sign_in_refuses_to_leave_the_site(client):
    for target in ("//evil.example", "https://evil.example", "/\\evil.example"):
        assert demo_sign_in(client, target).location == "/"


def test_login_redirects_a_signed_in_user(client):
    demo_sign_in(client)
    response = client.get("/login?next=/guide")
    assert response.status_code == 302 and response.location == "/guide"


def test_login_page_has_no_way_in_when_nothing_is_configured(make_app):
    app = make_app(DEMO_LOGIN=False, KAKAO_CLIENT_ID=None, GITHUB_CLIENT_ID=None, GOOGLE_CLIENT_ID=None)
    html = app.test_client().get("/login").get_data(as_text=True)
    assert "로그인할 수 있는 방법이 준비되지 않았어요" in html


# --- My page -------------------------------------------------------------------------------

def test_me_needs_sign_in(client):
    response = client.get("/me")
    assert response.status_code == 302
    assert response.location == "/login?next=%2Fme"


def test_me_shows_the_account(app, client):
    demo_sign_in(client)
    html = client.get("/me").get_data(as_text=True)
    assert "데모밀크티" in html
    assert "provider-badge-demo" in html and "데모 계정" in html
    assert "가입한 날" in html and re.search(r"\d{4}년 \d{1,2}월 \d{1,2}일", html)
    assert 'href="/archive"' in html
    assert 'action="/logout"' in html and 'action="/me/delete"' in html


def test_nickname_can_be_changed_and_is_trimmed(app, client):
    demo_sign_in(client)
    response = client.post("/me", data={"nickname": "  새벽의 유자차  "})
    assert response.status_code == 303
    assert the_user(app).nickname == "새벽의 유자차"
    assert "새벽의 유자차" in client.get("/me").get_data(as_text=True)


@pytest.mark.parametrize(
    ("nickname", "message"),
    [
        ("", "한 글자 이상"),
        ("   ", "한 글자 이상"),
        ("가" * 41, "40자까지"),
        ("줄\n바꿈", "제어 문자"),
        ("벨\x07소리", "제어 문자"),
        ("뒤집힌\u202e글자", "제어 문자"),
    ],
)
def test_a_bad_nickname_is_refused_with_a_clear_message(app, client, nickname, message):
    demo_sign_in(client)
    response = client.post("/me", data={"nickname": nickname})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert 'aria-invalid="true"' in html
    assert the_user(app).nickname == "데모밀크티"


def test_forty_characters_are_fine(app, client):
    demo_sign_in(client)
    assert client.post("/me", data={"nickname": "차" * 40}).status_code == 303
    assert the_user(app).nickname == "차" * 40


def test_nickname_is_escaped(app, client):
    demo_sign_in(client)
    client.post("/me", data={"nickname": "<script>alert(1)</script>"})
    html = client.get("/me").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Logout and deletion --------------------------------------------------------------------

def test_logout_ends_the_session_everywhere(app, client):
    demo_sign_in(client)
    other_device = app.test_client()
    demo_sign_in(other_device)
    with other_device.session_transaction() as session:
        stolen = dict(session)

    response = other_device.post("/logout")
    assert response.status_code == 302 and response.location == "/"
    assert other_device.get("/me").status_code == 302

    # The old session cookie, replayed, no longer signs anyone in.
    replay = app.test_client()
    with replay.session_transaction() as session:
        session.update(stolen)
    assert replay.get("/me").status_code == 302
    assert client.get("/me").status_code == 302


def test_logout_is_post_only(client):
    demo_sign_in(client)
    assert client.get("/logout").status_code == 405
    assert client.get("/me").status_code == 200


def add_readings(app, user_id, n):
    with app.app_context():
        for _ in range(n):
            db.session.add(Reading(user_id=user_id, topic="love", cards=[{"card": 0, "reversed": False}]))
        db.session.commit()


def test_deleting_the_account_removes_its_readings(app, client):
    demo_sign_in(client)
    user = the_user(app)
    add_readings(app, user.id, 3)
    with app.app_context():
        db.session.add(User(provider="github", provider_user_id="1", nickname="남"))
        db.session.commit()
        stranger = db.session.scalars(select(User).filter_by(provider="github")).one()
    add_readings(app, stranger.id, 2)

    response = client.post("/me/delete", data={"confirm": "yes"})
    assert response.status_code == 303 and response.location == "/"
    with app.app_context():
        assert db.session.scalars(select(User.provider)).all() == ["github"]
        assert db.session.scalar(select(func.count(Reading.id))) == 2
    assert client.get("/me").status_code == 302


def test_deletion_needs_the_confirmation(app, client):
    demo_sign_in(client)
    add_readings(app, the_user(app).id, 1)
    response = client.post("/me/delete", data={})
    assert response.status_code == 303
    assert response.location == "/me#delete"
    assert count(app, User) == 1 and count(app, Reading) == 1
    assert "확인 칸에 표시해 주세요" in client.get("/me").get_data(as_text=True)


# --- CSRF ----------------------------------------------------------------------------------

def test_state_changes_need_the_csrf_token(csrf_app):
    csrf_app.config["DEMO_LOGIN"] = True
    client = csrf_app.test_client()
    assert demo_sign_in(client).status_code == 400
    assert count(csrf_app, User) == 0

    token = csrf_token(client, "/login")
    assert client.post("/login/demo", data={"csrf_token": token}).status_code == 302

    assert client.post("/me", data={"nickname": "몰래 바꾼 이름"}).status_code == 400
    assert client.post("/logout").status_code == 400
    assert client.post("/me/delete", data={"confirm": "yes"}).status_code == 400
    assert the_user(csrf_app).nickname == "데모밀크티"
    assert client.get("/me").status_code == 200

    token = csrf_token(client, "/me")
    assert client.post("/me", data={"nickname": "진짜 이름", "csrf_token": token}).status_code == 303
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/me").status_code == 302


# --- Rate limit ------------------------------------------------------------------------------

def test_sign_in_starts_are_rate_limited_per_ip(make_app):
    app = make_app(RATELIMIT_ENABLED=True, DEMO_LOGIN=True)
    client = app.test_client()
    statuses = [demo_sign_in(client).status_code for _ in range(11)]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    elsewhere = app.test_client()
    response = elsewhere.post("/login/demo", environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert response.status_code == 302


# --- Policy pages --------------------------------------------------------------------------

def test_privacy_states_what_is_stored_and_how_to_delete_it(client):
    response = client.get("/privacy")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for words in ("개인정보처리방침", "회원 번호", "닉네임", "프로필 사진", "이메일", "운세", "계정 삭제", "30일"):
        assert words in html, words


def test_privacy_names_the_contact_when_configured(make_app):
    html = make_app(CONTACT_EMAIL="privacy@example.kr").test_client().get("/privacy").get_data(as_text=True)
    assert 'href="mailto:privacy@example.kr"' in html


def test_terms_page_states_the_terms(client):
    response = client.get("/terms")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1>이용약관</h1>" in html and "시행일: 2026년 11월 26일" in html
    for heading in ("1. 서비스", "2. 타로 풀이에 대해", "3. 계정", "4. 하지 말아 주세요",
                    "5. 서비스의 변경과 중단", "6. 약관의 변경"):
        assert f"<h2>{heading}</h2>" in html, heading
    assert "중요한 결정은 꼭 전문가와 상의해 주세요" in html


def test_footer_links_to_the_policies(client):
    html = client.get("/").get_data(as_text=True)
    assert 'href="/privacy"' in html and 'href="/terms"' in html


# --- Small pieces --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/reading?topic=love", "/reading?topic=love"),
        ("/guide/cards/the-fool", "/guide/cards/the-fool"),
        ("/?", "/"),
        (None, "/"),
        ("", "/"),
        ("guide", "/"),
        ("//evil.example", "/"),
        ("https://evil.example", "/"),
        ("/\\evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("/\r\nSet-Cookie: x", "/"),
        ("/login?next=/me", "/"),
        ("/auth/kakao/callback?code=x", "/"),
    ],
)
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_random_nickname_in_the_original_style():
    names = {random_nickname() for _ in range(50)}
    assert len(names) > 40
    for name in names:
        assert re.fullmatch(r"[가-힣]+\d{5}", name)
        assert 10000 <= int(name[-5:]) <= 99999
        assert len(name) <= 40


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Octo   Tea ", "Octo Tea"),
        ("이름\n\t두 줄", "이름 두 줄"),
        ("\u202e거꾸로", "거꾸로"),
        ("\x00\x07", None),
        ("   ", None),
        (None, None),
        (123, None),
        ("가" * 45, "가" * 40),
        ("가" * 39 + "e\u0301", "가" * 39 + "é"),  # NFC first: still 40 characters
        ("가" * 39 + "x\u0301\u0301", "가" * 39),  # not cut through an accented letter
        ("가" * 38 + "👩\u200d👩\u200d👧", "가" * 38),  # nor through an emoji sequence
        ("가" * 39 + "🇰🇷", "가" * 39),  # nor through a flag
    ],
)
def test_provider_nickname(raw, expected):
    assert provider_nickname(raw) == expected


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://k.kakaocdn.net/dn/a/img.jpg", True),
        ("http://k.kakaocdn.net/dn/a/img.jpg", True),
        ("javascript:alert(1)", False),
        ("data:image/png;base64,AAAA", False),
        ("https://evil.example;script-src */x.png", False),
        ("https://user:pw@host.example/x.png", False),
        ("https://host.example/x\".png", False),
        ("https://host.example:99999/x.png", False),
        ("https://host.example/" + "a" * 600, False),
        (None, False),
    ],
)
def test_avatar_urls_are_checked(url, kept):
    assert (_avatar_url(url) is not None) is kept
