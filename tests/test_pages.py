"""Home, health, errors and the security baseline."""

from sqlalchemy.exc import OperationalError


def test_home_has_the_introduction(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "차 한잔과 함께 미래를 읽어볼까요?" in html
    assert "미래에 어떤 일이 있을지 궁금하지 않으신가요?" in html
    assert "타로밀크티에서 여러분의 걱정을 덜어드릴게요" in html
    for topic in ("love", "study", "work", "money"):
        assert f'href="/reading?topic={topic}"' in html
    assert '<html lang="ko">' in html


def test_navigation_links(client):
    html = client.get("/").get_data(as_text=True)
    for label, path in (("카드 설명", "/guide"), ("운세보기", "/reading"), ("주변 점집", "/map")):
        assert f'href="{path}"' in html and label in html
    assert "로그인" in html


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_dead_database(make_app, tmp_path):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/missing/dir/db.sqlite")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_404_is_a_real_404_in_the_site_look(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "페이지를 찾을 수 없어요" in html
    assert "site-header" in html


def test_500_page(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "잠시 문제가 생겼어요" in html
    assert "RuntimeError" not in html


def test_database_outage_is_a_friendly_503(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/db-down")
    def db_down():
        raise OperationalError("SELECT 1", {}, Exception("gone away"))

    response = app.test_client().get("/db-down")
    assert response.status_code == 503
    assert "잠시 문을 닫았어요" in response.get_data(as_text=True)


def test_post_without_csrf_token_is_rejected(csrf_app):
    @csrf_app.post("/echo")
    def echo():
        return "changed"

    client = csrf_app.test_client()
    response = client.post("/echo", data={"x": "1"})
    assert response.status_code == 400
    assert "보안 확인이 만료됐어요" in response.get_data(as_text=True)


def test_post_with_csrf_header_is_accepted(csrf_app):
    import re

    @csrf_app.post("/echo")
    def echo():
        return "changed"

    @csrf_app.get("/form")
    def form():
        from flask import render_template_string

        return render_template_string("{% set needs_csrf = true %}{% extends 'base.html' %}")

    client = csrf_app.test_client()
    html = client.get("/form").get_data(as_text=True)
    token = re.search(r'id="csrf-token" value="([^"]+)"', html).group(1)
    response = client.post("/echo", headers={"X-CSRFToken": token})
    assert response.status_code == 200


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_no_inline_scripts(client):
    html = client.get("/").get_data(as_text=True)
    import re

    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag
    assert " on" + "click=" not in html


def test_anonymous_home_sets_no_cookie(client):
    response = client.get("/")
    assert "Set-Cookie" not in response.headers


def test_static_files_are_versioned(client):
    html = client.get("/").get_data(as_text=True)
    assert "/static/css/site.css?v=" in html
    assert "/static/vendor/htmx-2.0.11/htmx.min.js?v=" in html


def test_an_htmx_fragment_gets_its_error_as_a_notice(csrf_app):
    """A failed htmx request shows a notice in the page's notice area, never a page in a page."""
    client = csrf_app.test_client()
    response = client.post("/reading/pick", data={"slot": "3"}, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert response.headers["HX-Retarget"] == "#notices"
    assert response.headers["HX-Reswap"] == "innerHTML"
    html = response.get_data(as_text=True)
    assert "보안 확인이 만료됐어요" in html
    assert "<header" not in html and "<html" not in html


def test_boosted_and_plain_requests_get_the_whole_error_page(client):
    for headers in ({}, {"HX-Request": "true", "HX-Boosted": "true"}):
        response = client.get("/no-such-page", headers=headers)
        assert response.status_code == 404
        assert "HX-Retarget" not in response.headers
        assert "<header" in response.get_data(as_text=True)
    assert 'id="notices"' in client.get("/").get_data(as_text=True)
