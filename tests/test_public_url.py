"""Absolute URLs come from the configured origin, never from the request's Host header.

Issue 18, item 5: a forged Host was echoed in the guide's og:url and canonical link, and
the page caches kept one copy of each page per Host, so made-up hosts could fill them.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from tarot.config import ConfigError, load_settings

ORIGIN = "https://tarotmilktea.example"
CARD = "/guide/cards/the-fool"
FORGED = ("evil.example", "attacker.test:8443", "tarotmilktea.example.evil.test")


@pytest.fixture
def public_app(make_app):
    return make_app(PUBLIC_URL=ORIGIN)


def test_open_graph_and_canonical_urls_use_the_configured_origin(public_app):
    client = public_app.test_client()
    for host in FORGED:
        html = client.get(CARD, headers={"Host": host}).get_data(as_text=True)
        assert f'<link rel="canonical" href="{ORIGIN}{CARD}">' in html
        assert f'<meta property="og:url" content="{ORIGIN}{CARD}">' in html
        assert f'<meta property="og:image" content="{ORIGIN}/static/' in html
        assert host not in html


def test_forwarded_host_is_not_echoed_either(make_app):
    app = make_app(PUBLIC_URL=ORIGIN, PROXY_COUNT=1)
    html = app.test_client().get(CARD, headers={"X-Forwarded-Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in html
    assert f'content="{ORIGIN}{CARD}"' in html


def test_forged_hosts_neither_poison_nor_multiply_the_page_cache(public_app):
    client = public_app.test_client()
    bodies = {client.get(CARD, headers={"Host": f"h{n}.evil.example"}).get_data() for n in range(25)}
    bodies.add(client.get(CARD).get_data())
    assert len(bodies) == 1
    front = public_app.wsgi_app  # tarot.pagecache.PublicPageCache, the one page cache
    assert len([key for key in front._entries if key[0] == CARD]) == 1


def test_the_sign_in_callback_url_uses_the_configured_origin(make_app):
    app = make_app(PUBLIC_URL=ORIGIN, GITHUB_CLIENT_ID="id", GITHUB_CLIENT_SECRET="secret",
                   OAUTH_PROVIDERS=["github"])
    response = app.test_client().get("/login/github", headers={"Host": "evil.example"})
    assert response.status_code == 302
    query = parse_qs(urlsplit(response.headers["Location"]).query)
    assert query["redirect_uri"] == [f"{ORIGIN}/auth/github/callback"]


def test_development_without_the_setting_follows_the_request(make_app):
    app = make_app(PUBLIC_URL=None)
    html = app.test_client().get(CARD, headers={"Host": "127.0.0.1:5000"}).get_data(as_text=True)
    assert 'content="http://127.0.0.1:5000/guide/cards/the-fool"' in html


PRODUCTION = {"TAROT_ENV": "production", "SECRET_KEY": "s" * 40}


def test_production_needs_the_public_url(tmp_path):
    with pytest.raises(ConfigError, match="TAROT_PUBLIC_URL"):
        load_settings(tmp_path, PRODUCTION)


@pytest.mark.parametrize("value, expected", [
    ("https://tarotmilktea.example", "https://tarotmilktea.example"),
    ("https://tarotmilktea.example/", "https://tarotmilktea.example"),
    ("https://Tarotmilktea.example:8443", "https://tarotmilktea.example:8443"),
])
def test_the_public_url_is_an_origin(tmp_path, value, expected):
    settings = load_settings(tmp_path, {**PRODUCTION, "TAROT_PUBLIC_URL": value})
    assert settings["PUBLIC_URL"] == expected


@pytest.mark.parametrize("value", [
    "tarotmilktea.example", "http://tarotmilktea.example", "https://tarotmilktea.example/tarot",
    "https://tarotmilktea.example?x=1", "https://user@tarotmilktea.example", "javascript:alert(1)",
    "https://", "https://tarot milk.example",
])
def test_a_public_url_that_is_not_an_https_origin_is_refused(tmp_path, value):
    with pytest.raises(ConfigError, match="TAROT_PUBLIC_URL"):
        load_settings(tmp_path, {**PRODUCTION, "TAROT_PUBLIC_URL": value})


def test_development_accepts_a_plain_http_origin(tmp_path):
    settings = load_settings(tmp_path, {"TAROT_PUBLIC_URL": "http://127.0.0.1:5000"})
    assert settings["PUBLIC_URL"] == "http://127.0.0.1:5000"
    assert load_settings(tmp_path, {})["PUBLIC_URL"] is None
