"""Views of the auth blueprint."""

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import force_locale
from flask_login import current_user, login_required, login_user, logout_user

from .. import security
from ..extensions import db, limiter
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..i18n import remember_language
from ..urls import absolute_url
from . import accounts, bp, providers
from .accounts import NicknameError, safe_next

SIGN_IN_LIMIT = "10 per minute;60 per hour"
NEXT_KEY = "auth_next"
POLICY_DATE = date(2026, 11, 26)  # when /privacy and /terms last changed
PROVIDER_NAMES = {
    "kakao": _l("카카오"),
    "github": "GitHub",
    "google": "Google",
    "demo": _l("데모 계정"),
}


def demo_enabled():
    """Demo sign-in is on when configured, and never in production whatever the settings say."""
    config = current_app.config
    return bool(config["DEMO_LOGIN"]) and not config["PRODUCTION"]


@bp.before_app_request
def allow_avatar_host():
    """Let the page show the signed-in user's avatar from the provider's image host."""
    if current_user.is_authenticated and current_user.avatar_url:
        security.allow("img-src", providers.avatar_origin(current_user.avatar_url))


@bp.get("/login")
def login():
    """The sign-in page: one button per configured provider, and the demo account."""
    next_url = safe_next(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(next_url)
    return render_template(
        "auth/login.html",
        providers=providers.enabled_providers(),
        demo=demo_enabled(),
        next_url=next_url,
    )


@bp.get("/login/<provider>")
@limiter.limit(SIGN_IN_LIMIT)
def start(provider):
    """Send the browser to the provider's consent screen (a GET, so CSP form-action holds)."""
    client = providers.client(provider)
    if client is None:
        abort(404)
    next_url = safe_next(request.args.get("next"))
    session[NEXT_KEY] = next_url
    try:
        return client.authorize_redirect(absolute_url(url_for("auth.callback", provider=provider)))
    except providers.sign_in_errors() as exc:
        current_app.logger.warning("%s: could not start sign-in", provider, exc_info=True)
        return _back_to_login(_failure_message(provider, exc), next_url)


@bp.get("/auth/<provider>/callback")
def callback(provider):
    """The provider sends the browser back here with a code (or an error)."""
    if providers.client(provider) is None:
        abort(404)
    next_url = safe_next(session.pop(NEXT_KEY, None))
    try:
        profile = providers.authorized_profile(provider)
    except providers.sign_in_errors() as exc:
        return _sign_in_failed(provider, exc, next_url)
    return _finish_sign_in(accounts.sign_in_account(profile), next_url)


@bp.post("/login/demo")
@limiter.limit(SIGN_IN_LIMIT)
def demo():
    """Sign in to the shared local demo account (development only)."""
    if not demo_enabled():
        abort(404)
    next_url = safe_next(request.form.get("next"))
    return _finish_sign_in(accounts.sign_in_account(accounts.DEMO_PROFILE), next_url)


def _sign_in_failed(provider, exc, next_url):
    """Back to the sign-in page with what went wrong: a stale request, a refusal, a failure."""
    from authlib.integrations.base_client import MismatchingStateError, OAuthError

    if isinstance(exc, MismatchingStateError):
        return _back_to_login(
            _("로그인 요청이 만료됐거나 다른 창에서 시작됐어요. 처음부터 다시 시도해 주세요."),
            next_url,
        )
    if isinstance(exc, OAuthError) and exc.error == "access_denied":
        return _back_to_login(
            _("로그인을 취소하셨어요. 마음이 바뀌면 언제든 다시 시도해 주세요."), next_url
        )
    if isinstance(exc, OAuthError):
        current_app.logger.warning("%s: sign-in refused: %s", provider, exc.error)
    else:
        current_app.logger.warning("%s: sign-in failed", provider, exc_info=True)
    return _back_to_login(_failure_message(provider, exc), next_url)


def _finish_sign_in(user, next_url):
    # A fresh session: nothing from before sign-in (OAuth state, old flashes) carries over.
    session.clear()
    login_user(user)
    flash(_("어서 오세요, %(name)s님! 따뜻한 차 한 잔 준비해 둘게요.", name=user.nickname), "success")
    return redirect(next_url)


def _back_to_login(message, next_url):
    flash(message, "error")
    return redirect(url_for("auth.login", next=next_url))


def _failure_message(provider, error):
    import requests

    name = PROVIDER_NAMES.get(provider, provider)
    if isinstance(error, requests.RequestException):
        return _("%(provider)s 서버와 연결이 원활하지 않아요. 잠시 뒤 다시 시도해 주세요.", provider=name)
    return _("%(provider)s 로그인을 마치지 못했어요. 잠시 뒤 다시 시도해 주세요.", provider=name)


@bp.post("/logout")
def logout():
    """Sign out everywhere: the user's session token changes, so every session ends."""
    if current_user.is_authenticated:
        accounts.end_all_sessions(current_user)
        logout_user()
    session.clear()
    flash(_("로그아웃했어요. 또 차 한잔하러 오세요."), "success")
    return redirect(url_for("main.home"))


@bp.route("/me", methods=["GET", "POST"])
@login_required
def me():
    """My page; a POST changes the nickname."""
    nickname = current_user.nickname
    error = None
    if request.method == "POST":
        nickname = request.form.get("nickname", "")
        try:
            accounts.rename(current_user, nickname)
        except NicknameError as exc:
            error = str(exc)
        else:
            flash(_("닉네임을 바꿨어요."), "success")
            return redirect(url_for("auth.me"), 303)
    page = render_template(
        "auth/me.html",
        nickname=nickname,
        error=error,
        provider_label=PROVIDER_NAMES.get(current_user.provider, current_user.provider),
    )
    return page, 400 if error else 200


@bp.post("/me/language")
@login_required
def set_language():
    """Save the account's language; this browser's cookie follows, so the page shows it now."""
    code = request.form.get("locale", "")
    if code not in current_app.config["LANGUAGES"]:
        flash(_("고를 수 있는 언어가 아니에요. 목록에서 다시 골라 주세요."), "error")
        return redirect(url_for("auth.me", _anchor="language"), 303)
    if current_user.locale != code:
        current_user.locale = code
        db.session.commit()
    with force_locale(code):
        flash(_("언어를 바꿨어요. 다른 기기에서 로그인해도 이 언어로 보여요."), "success")
    return remember_language(redirect(url_for("auth.me"), 303), code)


@bp.post("/me/delete")
@login_required
def delete_account():
    """Delete the account and its readings, after the confirmation box was ticked."""
    if request.form.get("confirm") != "yes":
        flash(_("계정을 삭제하려면 확인 칸에 표시해 주세요."), "error")
        return redirect(url_for("auth.me", _anchor="delete"), 303)
    user = current_user._get_current_object()
    logout_user()
    accounts.delete_account(user)
    session.clear()
    flash(_("계정과 모든 기록을 지웠어요. 그동안 함께해 주셔서 고마웠어요."), "success")
    return redirect(url_for("main.home"), 303)


@bp.get("/privacy")
def privacy():
    """개인정보처리방침."""
    return render_template("auth/privacy.html", policy_date=POLICY_DATE)


@bp.get("/terms")
def terms():
    """이용약관."""
    return render_template("auth/terms.html", policy_date=POLICY_DATE)
