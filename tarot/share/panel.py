"""The share panel of the reading page (reading/_share.html) and what the shared page and the
share buttons say about a reading: titles, descriptions, the Kakao SDK and its allowances.
"""

from flask import current_app, request, url_for
from flask_babel import force_locale

from .. import security
from ..deck import current_deck
from ..i18n import gettext as _
from ..spreads import PLACE_LABELS
from ..topics import topic_label
from ..urls import absolute_url
from . import service

# Kakao's JavaScript SDK (its download page gives the version and the integrity value).
KAKAO_SDK_URL = "https://t1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js"
KAKAO_SDK_INTEGRITY = "sha384-DKYJZ8NLiK8MN4/C5P2dtSmLQ4KwPaoqAfyA/DfmEc1VDxu4yyC7wy6K1Hs90nka"
KAKAO_SDK_ORIGIN = "https://t1.kakaocdn.net"
# On a computer, Kakao.Share opens its friend picker in a pop-up on this host (a long
# message is posted to it with a form).
KAKAO_SHARER = "https://sharer.kakao.com"


def kakao_key():
    """The Kakao JavaScript key (KAKAO_JS_KEY), or None."""
    return current_app.config.get("KAKAO_JS_KEY")


def allow_kakao_sdk():
    """Let this response load the Kakao SDK and open its pop-up, when a key is set."""
    if not kakao_key():
        return
    security.allow("script-src", KAKAO_SDK_ORIGIN)
    security.allow("form-action", KAKAO_SHARER)
    security.allow_popups()


def needs_whole_page():
    """True when a boosted (htmx) navigation must become a full page load.

    A boosted page keeps the CSP of the page the visitor came from, which does not allow the
    Kakao SDK; only the reading page's own response does.
    """
    return bool(kakao_key()) and request.headers.get("HX-Boosted") == "true"


def place_labels(reading, lang):
    """Each card's place label with its orientation, in ``lang``, in the reading's order."""
    with force_locale(lang):
        return [
            str(PLACE_LABELS.get(c["position"], c["position"]))
            + (" · " + _("역방향") if c["reversed"] else "")
            for c in reading.cards
        ]


def titles(reading):
    """(title, description) of a shared reading in the reading's language, for link
    previews, Web Share and KakaoTalk. Neither says anything the owner wrote."""
    lang = reading.locale
    deck = current_deck()
    names = [deck[c["card"]].name(lang) for c in reading.cards]
    with force_locale(lang):
        title = _("%(topic)s 타로 풀이", topic=topic_label(reading.topic))
        description = _("카드 %(count)d장: %(cards)s. 타로밀크티에서 본 풀이를 함께 봐요.",
                        count=len(names), cards=" · ".join(names))
    return title, description


def kakao_message(reading, link):
    """The KakaoTalk feed message for a link (Kakao.Share.sendDefault's settings)."""
    title, description = titles(reading)
    page = absolute_url(url_for("share.page", token=link.token))
    own = absolute_url(url_for("reading.new"))
    with force_locale(reading.locale):
        buttons = [(_("풀이 보기"), page), (_("나도 타로 보기"), own)]
    return {
        "objectType": "feed",
        "content": {
            "title": title, "description": description,
            "imageUrl": absolute_url(url_for("share.image", token=link.token)),
            "imageWidth": 1200, "imageHeight": 630,
            "link": {"mobileWebUrl": page, "webUrl": page},
        },
        "buttons": [{"title": t, "link": {"mobileWebUrl": u, "webUrl": u}} for t, u in buttons],
    }


def panel(reading, message=None, new_token=None):
    """What reading/_share.html shows: the links, the form, a message, the Kakao key."""
    links = service.links_of(reading) if service.shareable(reading) else []
    title, description = titles(reading)
    return {
        "reading": reading,
        "ready": service.shareable(reading),
        "links": [
            {"link": link, "url": absolute_url(url_for("share.page", token=link.token)),
             "kakao": kakao_message(reading, link) if kakao_key() else None,
             "new": link.token == new_token}
            for link in links
        ],
        "title": title,
        "text": description,
        "message": message,
        "kakao_key": kakao_key(),
        "kakao_sdk": {"src": KAKAO_SDK_URL, "integrity": KAKAO_SDK_INTEGRITY},
    }
