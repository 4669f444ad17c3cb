"""Locale and time-zone choice for Flask-Babel, the language switch and locale formats.

The language is the ``lang`` cookie (set by the switch), then the signed-in user's saved
preference (chosen on My page), then ``Accept-Language``; Korean by default. Every HTML
response says which language it is in (``Content-Language``, read by the service worker)
and that it varies with the cookie and ``Accept-Language``, so no shared cache hands out
the wrong language.
"""

import flask_babel
from flask import current_app, g, has_app_context, has_request_context, request
from flask_babel import format_datetime, get_locale
from flask_babel.speaklater import LazyString
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


def _translations():
    """The current locale's translations, remembered for the rest of the request.

    Flask-Babel finds them afresh on every lookup (its context, the domain, the locale: a
    dozen steps each time) and a page asks 20 to 60 times. They are kept beside the locale
    object they were found for, so force_locale() and refresh() are still followed.
    """
    if not has_app_context():
        return flask_babel.get_translations()
    state = g.get("_flask_babel")
    kept = getattr(state, "tarot_translations", None)
    if kept is not None and kept[0] is getattr(state, "babel_locale", None):
        return kept[1]
    translations = flask_babel.get_translations()
    state = g.get("_flask_babel")  # made by the lookup on a request's first call
    if state is not None and getattr(state, "babel_locale", None) is not None:
        state.tarot_translations = (state.babel_locale, translations)
    return translations


def gettext(string, **variables):
    """Flask-Babel's gettext, on the request's remembered translations."""
    text = _translations().ugettext(string)
    return text % variables if variables else text


def lazy_gettext(string, **variables):
    """A string translated when shown, in the language of the request showing it."""
    return LazyString(gettext, string, **variables)


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
    # The templates' _() and ngettext() through the remembered translations, in place of the
    # ones Flask-Babel installs.
    app.jinja_env.install_gettext_callables(
        gettext=lambda text: _translations().ugettext(text),
        ngettext=lambda singular, plural, n: _translations().ungettext(singular, plural, n),
        pgettext=lambda context, text: _translations().upgettext(context, text),
        npgettext=lambda context, singular, plural, n: _translations().unpgettext(context, singular, plural, n),
        newstyle=True,
    )
    app.after_request(_mark_language)
