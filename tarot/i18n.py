"""Locale and time-zone choice for Flask-Babel, the language switch and locale formats.

The language is the ``lang`` cookie (set by the switch), then the signed-in user's saved
preference (chosen on My page), then ``Accept-Language``; Korean by default. Every HTML
response says which language it is in (``Content-Language``, read by the service worker)
and that it varies with the cookie and ``Accept-Language``, so no shared cache hands out
the wrong language.
"""

from flask import current_app, has_request_context, request
from flask_babel import format_datetime, get_locale
from flask_login import current_user

LOCALE_COOKIE = "lang"
LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600
# Each language's own name, shown in the switch.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}
# Dates and times of readings; Babel fills in the locale's month names and AM/PM.
DATETIME_PATTERNS = {
    "ko": {"long": "yyyy년 M월 d일 a h:mm", "short": "yyyy. M. d. a h:mm"},
    "en": {"long": "MMMM d, yyyy, h:mm a", "short": "MMM d, yyyy, h:mm a"},
}


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


def remember_language(response, code):
    """Set this browser's language cookie on ``response`` (the switch and My page use it)."""
    response.set_cookie(
        LOCALE_COOKIE, code, max_age=LOCALE_COOKIE_MAX_AGE, samesite="Lax", httponly=True,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def select_timezone():
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def current_lang():
    """The request's language code ("ko", "en")."""
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def local_datetime(value, style="long"):
    """A reading's date and time in the page's language, in Seoul time."""
    patterns = DATETIME_PATTERNS.get(current_lang(), DATETIME_PATTERNS["ko"])
    return format_datetime(value, patterns[style])


def language_links():
    """(code, name, is_current) for each language, for the switch."""
    here = current_lang()
    return [(code, LANGUAGE_NAMES.get(code, code), code == here) for code in available_locales()]


LOCALIZED_TYPES = ("text/html", "application/manifest+json")


def _mark_language(response):
    if response.mimetype in LOCALIZED_TYPES:
        response.headers["Content-Language"] = current_lang()
        response.vary.update(("Cookie", "Accept-Language"))
    return response


def init_app(app):
    """Template helpers for the current locale, and language headers on every page."""
    app.jinja_env.globals.update(
        get_locale=get_locale, local_datetime=local_datetime, language_links=language_links
    )
    app.after_request(_mark_language)
