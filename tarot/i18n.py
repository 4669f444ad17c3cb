"""Locale and time-zone choice for Flask-Babel."""

from flask import current_app, has_request_context, request
from flask_login import current_user

LOCALE_COOKIE = "lang"


def available_locales():
    return current_app.config["LANGUAGES"]


def select_locale():
    """Cookie, then the user's saved preference, then Accept-Language; Korean by default."""
    choices = available_locales()
    if not has_request_context():  # background jobs choose with force_locale()
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    cookie = request.cookies.get(LOCALE_COOKIE)
    if cookie in choices:
        return cookie
    if current_user and current_user.is_authenticated and current_user.locale in choices:
        return current_user.locale
    return request.accept_languages.best_match(choices) or current_app.config["BABEL_DEFAULT_LOCALE"]


def select_timezone():
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def init_app(app):
    """Template helpers for the current locale."""
    from flask_babel import get_locale

    app.jinja_env.globals["get_locale"] = get_locale
