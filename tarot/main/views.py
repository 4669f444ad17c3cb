"""Views of the main blueprint."""

from flask import abort, current_app, g, jsonify, make_response, redirect, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .. import rate_limits
from ..auth.accounts import safe_next
from ..extensions import db, limiter, login_manager
from ..fragments import kept_page
from ..htmx import wants_fragment
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..i18n import remember_language
from ..shared_pages import respond
from . import bp

HOME_TOPICS = (
    ("love", _l("연애"), "heart"),
    ("study", _l("학업"), "book"),
    ("work", _l("직장"), "briefcase"),
    ("money", _l("금전"), "coins"),
)


@bp.get("/")
def home():
    """The scroll-driven introduction that leads to a reading: the same for everyone, so
    kept by the page cache for visitors and kept once for all signed-in visitors."""
    html = kept_page(("home",), lambda: render_template("main/home.html", topics=HOME_TOPICS))
    return respond(html, private=None)


@bp.get("/lang/<code>")
def choose_language(code):
    """The language switch: remember the choice in this browser's cookie, then go back.

    A plain link, so it works without JavaScript and in cached pages (which carry no CSRF
    token); it then goes back to ``next``, a path on this site only. Being a GET it changes
    nothing stored: the account's language is saved on My page (a POST, auth.set_language).
    """
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    response = redirect(safe_next(request.args.get("next")), code=303)
    remember_language(response, code)
    return response


@bp.get("/healthz")
def healthz():
    """200 when the app and its database answer, else 503."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        current_app.logger.exception("health check: database unreachable")
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


def _wants_json():
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes[
        "text/html"
    ]


def _error_page(status, title, message):
    if _wants_json():
        return jsonify(error=message), status
    if wants_fragment():
        # A whole error page swapped into a fragment's place would nest a second site
        # inside the page; the message goes to the page's notice area instead.
        notice = render_template("errors/_notice.html", title=title, message=message)
        return notice, status, {"HX-Retarget": "#notices", "HX-Reswap": "innerHTML"}
    return render_template("errors/error.html", status=status, title=title, message=message), status


@bp.app_errorhandler(CSRFError)
def csrf_failed(error):
    return _error_page(
        400,
        _("보안 확인이 만료됐어요"),
        _("페이지를 새로고침한 뒤 다시 시도해 주세요. 입력한 내용은 바뀌지 않았어요."),
    )


@bp.app_errorhandler(400)
def bad_request(error):
    return _error_page(400, _("요청을 이해하지 못했어요"), _("입력한 내용을 확인하고 다시 시도해 주세요."))


@bp.app_errorhandler(404)
def not_found(error):
    return _error_page(
        404,
        _("페이지를 찾을 수 없어요"),
        _("주소가 바뀌었거나 사라진 페이지예요. 입력한 주소를 한 번 더 확인해 주세요."),
    )


@bp.app_errorhandler(405)
def method_not_allowed(error):
    return _error_page(405, _("허용되지 않는 요청이에요"), _("이 주소는 그런 방식으로 열 수 없어요."))


@bp.app_errorhandler(413)
def too_large(error):
    return _error_page(413, _("보낸 내용이 너무 커요"), _("조금 줄여서 다시 보내 주세요."))


@bp.app_errorhandler(429)
def too_many(error):
    response = make_response(_error_page(
        429, _("잠시 쉬어 갈까요?"), _("요청이 너무 잦아요. 차 한 모금 마시고 조금 뒤에 다시 시도해 주세요.")
    ))
    limit = limiter.current_limit  # the limit this request broke
    retry_after = rate_limits.seconds_until_reset(limit.reset_at) if limit else 60
    response.headers["Retry-After"] = str(retry_after)
    return response


@bp.app_errorhandler(SQLAlchemyError)
def database_unavailable(error):
    current_app.logger.exception("database error")
    db.session.rollback()
    # Loading the signed-in user may be what failed: the error page (its locale, its
    # header) must not try again, or the visitor gets a bare 500 instead of this page.
    g._login_user = login_manager.anonymous_user()
    if request.endpoint == "main.healthz":
        response = jsonify(status="error", database="unreachable")
    else:
        response = make_response(_error_page(
            503,
            _("잠시 문을 닫았어요"),
            _("저장소에 잠깐 닿지 않아요. 잠시 뒤 다시 시도해 주세요. 이미 받은 결과는 안전하게 남아 있어요."),
        ))
    response.status_code = 503
    response.headers["Retry-After"] = "30"
    return response


@bp.app_errorhandler(500)
def server_error(error):
    return _error_page(
        500,
        _("잠시 문제가 생겼어요"),
        _("저희 쪽에서 예상하지 못한 일이 일어났어요. 잠시 뒤 다시 시도해 주세요."),
    )
