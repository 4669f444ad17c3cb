"""Authorization-code round trips against fake Kakao, GitHub and Google servers.

The real Authlib client code runs: the test client starts sign-in, the fake provider is
visited over HTTP, and its redirect back is followed into our callback.
"""

import re
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from sqlalchemy import func, select

from tarot.extensions import db
from tarot.models import User
from tests.fakes.oauth import (
    CLIENT_ID,
    CLIENT_SECRET,
    FakeGitHub,
    FakeGoogle,
    FakeKakao,
    sign_in,
    visit_provider,
)

RANDOM_NICKNAME = r"^[가-힣]+\d{5}$"


@pytest.fixture
def kakao():
    with FakeKakao().running() as fake:
        yield fake


@pytest.fixture
def github():
    with FakeGitHub().running() as fake:
        yield fake


@pytest.fixture
def google():
    with FakeGoogle().running() as fake:
        yield fake


@pytest.fixture
def app(make_app, kakao, github, google):
    """An app with all three providers pointed at their fakes."""
    return make_app(
        KAKAO_CLIENT_ID=CLIENT_ID,
        KAKAO_CLIENT_SECRET=CLIENT_SECRET,
        KAKAO_AUTH_URL=kakao.url,
        KAKAO_API_URL=kakao.url,
        GITHUB_CLIENT_ID=CLIENT_ID,
        GITHUB_CLIENT_SECRET=CLIENT_SECRET,
        GITHUB_URL=github.url,
        GITHUB_API_URL=github.api_url,
        GOOGLE_CLIENT_ID=CLIENT_ID,
        GOOGLE_CLIENT_SECRET=CLIENT_SECRET,
        GOOGLE_DISCOVERY_URL=google.discovery_url,
        OUTBOUND_TIMEOUT=2,
        DEMO_LOGIN=False,
    )


def users(app):
    with app.app_context():
        return db.session.scalars(select(User).order_by(User.id)).all()


def user_count(app):
    with app.app_context():
        return db.session.scalar(select(func.count(User.id)))


def signed_in_token(client):
    with client.session_transaction() as session:
        return session.get("_user_id")


def flashes(client):
    with client.session_transaction() as session:
        return [message for _category, message in session.get("_flashes", [])]


# --- Kakao -------------------------------------------------------------------------------

def test_kakao_first_sign_in_creates_the_user(app, client, kakao):
    response = sign_in(client, "/login/kakao?next=/guide")
    assert response.status_code == 302
    assert response.location == "/guide"

    [user] = users(app)
    assert (user.provider, user.provider_user_id) == ("kakao", "4242001")
    assert user.nickname == "보리차"
    assert user.avatar_url == "https://k.kakaocdn.net/dn/tea/img_640x640.jpg"
    assert user.email == "tea@example.kr"
    assert signed_in_token(client) == user.session_token

    # The code was exchanged with client_secret_post, as Kakao expects.
    [exchange] = kakao.token_requests
    assert exchange["form"]["client_secret"] == CLIENT_SECRET
    assert exchange["form"]["client_id"] == CLIENT_ID
    assert "Authorization" not in exchange["headers"]

    page = client.get("/")
    html = page.get_data(as_text=True)
    assert 'href="/me"' in html and "보리차" in html
    assert 'src="https://k.kakaocdn.net/dn/tea/img_640x640.jpg"' in html
    assert "img-src 'self' data: https://k.kakaocdn.net" in page.headers["Content-Security-Policy"]


def test_kakao_second_sign_in_reuses_the_account_and_refreshes_the_avatar(app, client, kakao):
    sign_in(client, "/login/kakao")
    first = users(app)[0]
    client.post("/me", data={"nickname": "내가 고른 이름"})

    kakao.account["kakao_account"]["profile"]["profile_image_url"] = "https://k.kakaocdn.net/new.jpg"
    kakao.account["kakao_account"]["profile"]["nickname"] = "바뀐 카카오 이름"
    other_browser = app.test_client()
    sign_in(other_browser, "/login/kakao")

    [user] = users(app)
    assert user.id == first.id
    assert user.avatar_url == "https://k.kakaocdn.net/new.jpg"
    assert user.nickname == "내가 고른 이름"  # the user's own choice is kept
    assert user.last_login_at >= first.last_login_at


def test_kakao_without_profile_or_email_gets_a_random_nickname_and_our_avatar(app, client, kakao):
    kakao.account = {"id": 77}
    response = sign_in(client, "/login/kakao")
    assert response.location == "/"
    [user] = users(app)
    assert user.provider_user_id == "77"
    assert user.avatar_url is None and user.email is None
    assert re.match(RANDOM_NICKNAME, user.nickname)
    html = client.get("/").get_data(as_text=True)
    assert "/static/img/avatar.svg" in html


def test_kakao_default_image_and_unverified_email_are_not_used(app, client, kakao):
    kakao.account = {
        "id": 78,
        "kakao_account": {
            "email": "maybe@example.kr",
            "is_email_verified": False,
            "profile": {"nickname": "차", "profile_image_url": "https://k.kakaocdn.net/default.jpg",
                        "is_default_image": True},
        },
    }
    sign_in(client, "/login/kakao")
    [user] = users(app)
    assert user.avatar_url is None and user.email is None


def test_a_long_provider_nickname_is_cut_to_the_column(app, client, kakao):
    kakao.account["kakao_account"]["profile"]["nickname"] = "밀" * 39 + "👩\u200d👩\u200d👧" + "차" * 10
    sign_in(client, "/login/kakao")
    [user] = users(app)
    assert len(user.nickname) <= 40
    assert user.nickname.startswith("밀" * 39)
    assert not user.nickname.endswith("\u200d")


def test_a_profile_without_an_id_creates_nothing(app, client, kakao):
    kakao.account = {"kakao_account": {"profile": {"nickname": "무명"}}}
    response = sign_in(client, "/login/kakao")
    assert response.location.startswith("/login")
    assert user_count(app) == 0
    assert any("카카오 로그인을 마치지 못했어요" in m for m in flashes(client))


# --- GitHub ------------------------------------------------------------------------------

def test_github_with_a_private_email_uses_the_primary_verified_address(app, client, github):
    response = sign_in(client, "/login/github")
    assert response.location == "/"
    [user] = users(app)
    assert (user.provider, user.provider_user_id) == ("github", "583231")
    assert user.nickname == "Octo Tea"
    assert user.email == "octo@example.com"
    assert user.avatar_url == "https://avatars.githubusercontent.com/u/583231?v=4"

    [authorize] = github.authorize_requests
    assert authorize["scope"] == "read:user user:email"
    [exchange] = github.token_requests
    assert "application/json" in exchange["headers"]["Accept"]
    assert exchange["form"]["client_secret"] == CLIENT_SECRET


def test_github_without_a_name_uses_the_login(app, client, github):
    github.account["name"] = None
    github.emails = []
    sign_in(client, "/login/github")
    [user] = users(app)
    assert user.nickname == "octo-tea"
    assert user.email is None


def test_github_bad_code_answer_is_a_clear_message(app, client, github):
    github.token_error = "bad_verification_code"
    response = sign_in(client, "/login/github?next=/guide")
    assert response.status_code == 302
    assert urlsplit(response.location).path == "/login"
    assert parse_qs(urlsplit(response.location).query)["next"] == ["/guide"]
    assert user_count(app) == 0
    assert any("GitHub 로그인을 마치지 못했어요" in m for m in flashes(client))


# --- Google ------------------------------------------------------------------------------

def test_google_sign_in_verifies_the_id_token(app, client, google):
    response = sign_in(client, "/login/google")
    assert response.location == "/"
    [user] = users(app)
    assert (user.provider, user.provider_user_id) == ("google", "109876543210987654321")
    assert user.nickname == "Leaf Green"
    assert user.email == "leaf@example.com"
    [authorize] = google.authorize_requests
    assert authorize["nonce"]
    assert set(authorize["scope"].split()) == {"openid", "email", "profile"}


@pytest.mark.parametrize(
    ("fault", "error"), [("bad_signature", "BadSignatureError"), ("bad_nonce", "InvalidClaimError")]
)
def test_google_rejects_a_forged_or_replayed_id_token(app, client, google, fault, error, caplog):
    google.id_token_fault = fault
    response = sign_in(client, "/login/google")
    [record] = [r for r in caplog.records if r.exc_info]
    assert record.exc_info[0].__name__ == error
    assert urlsplit(response.location).path == "/login"
    assert user_count(app) == 0
    assert signed_in_token(client) is None
    assert any("Google 로그인을 마치지 못했어요" in m for m in flashes(client))


def test_google_without_a_name_gets_a_random_nickname(app, client, google):
    del google.account["name"]
    google.account["email_verified"] = False
    sign_in(client, "/login/google")
    [user] = users(app)
    assert re.match(RANDOM_NICKNAME, user.nickname)
    assert user.email is None


# --- Accounts are per provider -------------------------------------------------------------

def test_the_same_email_on_two_providers_is_two_accounts(app, kakao, google):
    kakao.account["kakao_account"]["email"] = "same@example.com"
    google.account["email"] = "same@example.com"
    sign_in(app.test_client(), "/login/kakao")
    sign_in(app.test_client(), "/login/google")
    accounts = users(app)
    assert [u.provider for u in accounts] == ["kakao", "google"]
    assert {u.email for u in accounts} == {"same@example.com"}


# --- Failures ------------------------------------------------------------------------------

@pytest.mark.parametrize("provider", ["kakao", "github", "google"])
def test_denial_returns_to_login_with_a_message(app, client, provider, request):
    request.getfixturevalue(provider).deny = True
    response = sign_in(client, f"/login/{provider}?next=/guide")
    assert response.status_code == 302
    target = urlsplit(response.location)
    assert target.path == "/login"
    assert parse_qs(target.query)["next"] == ["/guide"]
    assert user_count(app) == 0
    page = client.get(response.location)
    assert page.status_code == 200
    assert "로그인을 취소하셨어요" in page.get_data(as_text=True)


def test_a_callback_with_someone_elses_state_is_refused(app, client, kakao):
    callback = visit_provider(client.get("/login/kakao"))
    forged = callback.replace("state=", "state=forged")
    response = client.get(forged)
    assert urlsplit(response.location).path == "/login"
    assert user_count(app) == 0
    assert kakao.token_requests == []
    assert any("로그인 요청이 만료됐거나" in m for m in flashes(client))


def test_a_callback_in_a_browser_that_never_started_is_refused(app, kakao):
    starter = app.test_client()
    callback = visit_provider(starter.get("/login/kakao"))
    stranger = app.test_client()  # login CSRF: the victim's browser gets the attacker's code
    response = stranger.get(callback)
    assert urlsplit(response.location).path == "/login"
    assert user_count(app) == 0
    assert kakao.token_requests == []


def test_a_slow_token_endpoint_times_out_cleanly(make_app, kakao):
    app = make_app(
        KAKAO_CLIENT_ID=CLIENT_ID, KAKAO_CLIENT_SECRET=CLIENT_SECRET,
        KAKAO_AUTH_URL=kakao.url, KAKAO_API_URL=kakao.url, OUTBOUND_TIMEOUT=0.5,
    )
    kakao.token_delay = 10
    client = app.test_client()
    started = time.monotonic()
    response = sign_in(client, "/login/kakao")
    elapsed = time.monotonic() - started
    assert elapsed < 5
    assert urlsplit(response.location).path == "/login"
    assert user_count(app) == 0
    assert any("카카오 서버와 연결이 원활하지 않아요" in m for m in flashes(client))


def test_an_unreachable_discovery_document_is_a_message_not_a_500(make_app):
    app = make_app(
        GOOGLE_CLIENT_ID=CLIENT_ID, GOOGLE_CLIENT_SECRET=CLIENT_SECRET,
        GOOGLE_DISCOVERY_URL="http://127.0.0.1:9/.well-known/openid-configuration",
        OUTBOUND_TIMEOUT=1,
    )
    client = app.test_client()
    response = client.get("/login/google")
    assert response.status_code == 302
    assert urlsplit(response.location).path == "/login"
    assert any("Google 서버와 연결이 원활하지 않아요" in m for m in flashes(client))


# --- Sessions and redirects ------------------------------------------------------------------

def test_sign_in_returns_to_the_page_with_its_query(app, client):
    page = client.get("/login?next=/reading?topic=love").get_data(as_text=True)
    assert 'href="/login/kakao?next=/reading?topic%3Dlove"' in page
    response = sign_in(client, "/login/kakao?next=/reading?topic%3Dlove")
    assert response.location == "/reading?topic=love"


@pytest.mark.parametrize(
    "target",
    ["//evil.example", "https://evil.example", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)"],
)
def test_sign_in_never_leaves_the_site(app, client, target):
    response = sign_in(client, "/login/github?" + urlencode({"next": target}))
    assert response.status_code == 302
    assert response.location == "/"


def test_the_session_is_renewed_at_sign_in(app, client, github):
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    sign_in(client, "/login/github")
    first_token = signed_in_token(client)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert not any(key.startswith("_state_") for key in session)
    # Signing in on a second device does not sign the first one out.
    sign_in(app.test_client(), "/login/github")
    assert signed_in_token(client) == first_token
    assert client.get("/me").status_code == 200


def test_unknown_or_unconfigured_providers_are_404(make_app):
    client = make_app(KAKAO_CLIENT_ID=None, GITHUB_CLIENT_ID=None, GOOGLE_CLIENT_ID=None).test_client()
    assert client.get("/login/kakao").status_code == 404
    assert client.get("/login/facebook").status_code == 404
    assert client.get("/auth/kakao/callback?code=x&state=y").status_code == 404


def test_login_shows_only_configured_providers(make_app, kakao):
    app = make_app(
        KAKAO_CLIENT_ID=CLIENT_ID, KAKAO_AUTH_URL=kakao.url,
        GITHUB_CLIENT_ID=None, GOOGLE_CLIENT_ID=None, DEMO_LOGIN=False,
    )
    html = app.test_client().get("/login").get_data(as_text=True)
    assert "카카오로 시작하기" in html
    assert "GitHub로 시작하기" not in html and "Google로 시작하기" not in html
    assert "데모 계정으로 시작하기" not in html


def test_kakao_without_a_client_secret_sends_only_the_client_id(make_app, kakao):
    kakao.client_secret = None
    app = make_app(
        KAKAO_CLIENT_ID=CLIENT_ID, KAKAO_CLIENT_SECRET=None,
        KAKAO_AUTH_URL=kakao.url, KAKAO_API_URL=kakao.url,
    )
    response = sign_in(app.test_client(), "/login/kakao")
    assert response.location == "/"
    assert user_count(app) == 1
    [exchange] = kakao.token_requests
    assert exchange["form"]["client_id"] == CLIENT_ID
    assert "client_secret" not in exchange["form"]
