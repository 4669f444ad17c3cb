"""Views of the pwa blueprint: manifest, service worker, offline page, private caching."""

import json

from flask import Response, current_app, render_template, request, url_for
from flask_login import current_user

from ..assets import static_url
from ..deck import current_deck
from ..i18n import current_lang
from ..i18n import gettext as _
from ..suits import card_groups
from . import bp
from .build import build_version, precache_urls

THEME_COLOR = "#8a5a3b"  # the brewed brown of the header's theme-color
BACKGROUND_COLOR = "#fbf6ef"  # the page's cream
# Pages about one person or that change state: never stored by a browser, proxy or the worker.
# Shared readings (/s/<token>) too: a revoked link must be gone at once, also offline.
PERSONAL_PATHS = ("/reading", "/archive", "/me", "/login", "/logout", "/auth", "/map/shops.json",
                  "/s")


def is_personal(path):
    """True for the paths of readings, the archive, My page, sign-in and the shop search."""
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PERSONAL_PATHS)


@bp.after_app_request
def keep_personal_pages_private(response):
    """Mark signed-in and personal responses ``private, no-store`` unless the view chose."""
    if request.endpoint == "static" or "Cache-Control" in response.headers:
        return response
    if is_personal(request.path) or current_user.is_authenticated:
        response.headers["Cache-Control"] = "private, no-store"
    return response


def _icon(name, size, purpose="any"):
    return {
        "src": static_url(f"icons/{name}"),
        "sizes": f"{size}x{size}",
        "type": "image/png",
        "purpose": purpose,
    }


def manifest_data():
    """The web app manifest as a dict."""
    shortcut_icons = [_icon("icon-96.png", 96)]
    return {
        "id": "/",
        "name": _("타로밀크티 — 차 한잔과 함께 읽는 타로"),
        "short_name": _("타로밀크티"),
        "description": _(
            "고민을 적고 다섯 장의 타로 카드를 뽑으면 AI 리더가 따뜻하게 풀어 드려요. "
            "카드 설명은 인터넷이 없어도 볼 수 있어요."
        ),
        "lang": current_lang(),
        "dir": "ltr",
        "start_url": url_for("main.home"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "categories": ["lifestyle", "entertainment"],
        "icons": [
            _icon("icon-192.png", 192),
            _icon("icon-512.png", 512),
            _icon("maskable-512.png", 512, "maskable"),
        ],
        "shortcuts": [
            {"name": _("오늘의 카드"), "short_name": _("오늘의 카드"), "url": url_for("daily.page"),
             "description": _("하루 한 장, 오늘의 카드를 뒤집어 봐요"), "icons": shortcut_icons},
            {"name": _("운세보기"), "short_name": _("운세보기"), "url": url_for("reading.new"),
             "description": _("고민을 적고 카드 다섯 장을 뽑아요"), "icons": shortcut_icons},
            {"name": _("카드 설명"), "short_name": _("카드 설명"), "url": url_for("guide.index"),
             "description": _("78장 타로 카드의 뜻을 살펴봐요"), "icons": shortcut_icons},
            {"name": _("주변 점집"), "short_name": _("주변 점집"), "url": url_for("map.page"),
             "description": _("가까운 타로 점집을 지도에서 찾아요"), "icons": shortcut_icons},
        ],
        "screenshots": [
            {"src": static_url("icons/screenshot-narrow.jpg"), "sizes": "750x1334",
             "type": "image/jpeg", "form_factor": "narrow",
             "label": _("휴대폰에서 본 타로밀크티 첫 화면")},
            {"src": static_url("icons/screenshot-wide.jpg"), "sizes": "1280x800",
             "type": "image/jpeg", "form_factor": "wide",
             "label": _("컴퓨터에서 본 타로밀크티 첫 화면")},
        ],
    }


def _revalidated(response):
    """Let browsers keep the response but ask each time (answered with 304 when unchanged)."""
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest: names, colours, icons, shortcuts and screenshots."""
    body = json.dumps(manifest_data(), ensure_ascii=False)
    return _revalidated(Response(body, mimetype="application/manifest+json"))


@bp.get("/sw.js")
def service_worker():
    """The service worker, served from the root so its scope is the whole site."""
    version = build_version()
    rendered = current_app.extensions.setdefault("pwa_worker", {})
    if version not in rendered:
        rendered[version] = render_template(
            "pwa/sw.js",
            version=version,
            precache=precache_urls(),
            offline_url=url_for("pwa.offline"),
            personal_paths=PERSONAL_PATHS,
            daily_url=url_for("daily.page"),
            languages=current_app.config["LANGUAGES"],
        )
    response = Response(rendered[version], mimetype="application/javascript")
    response.headers["Service-Worker-Allowed"] = "/"
    return _revalidated(response)


@bp.get("/offline")
def offline():
    """The friendly page the worker shows when a page cannot be reached without network."""
    return render_template("pwa/offline.html", groups=card_groups(current_deck()), lang=current_lang())
