"""Views of the share blueprint: the owner makes and revokes links on the reading page; anyone
with a link sees the shared reading at /s/<token> and its share image."""

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import force_locale
from flask_login import current_user, login_required

from ..deck import current_deck
from ..extensions import limiter
from ..htmx import wants_fragment
from ..i18n import current_lang
from ..i18n import gettext as _
from ..readings import get_owned
from ..topics import topic_label
from . import bp, image, panel, service

TICKED = ("1", "on", "yes", "true")
# A shared page: never in a shared cache, and asked for again at each visit, so a revoked
# link is gone at once (an unchanged page costs a 304).
PAGE_CACHE = "private, no-cache"
# The image shows nothing the owner wrote: any cache may keep it, asking each time.
IMAGE_CACHE = "public, no-cache"
NOINDEX = "noindex, nofollow, noimageindex"


def _own_reading(public_id):
    reading = get_owned(public_id, current_user)
    if reading is None:
        abort(404)
    return reading


def _panel_response(reading, message, status=200, new_token=None, category="success"):
    """The share panel for htmx, else back to the reading page with the message."""
    if wants_fragment():
        return render_template(
            "share/_panel.html", share=panel.panel(reading, message, new_token)
        ), status
    flash(message, category if status < 400 else "error")
    return redirect(url_for("reading.show", public_id=reading.public_id) + "#share", code=303)


@bp.get("/reading/<public_id>/share")
@login_required
def links(public_id):
    """The share panel (htmx; the reading page asks for it when its answer is done)."""
    reading = _own_reading(public_id)
    if not wants_fragment():
        return redirect(url_for("reading.show", public_id=public_id) + "#share", code=303)
    return render_template("share/_panel.html", share=panel.panel(reading))


@bp.post("/reading/<public_id>/share")
@limiter.limit(lambda: current_app.config["SHARE_RATE_LIMIT"], scope="share-links")
@login_required
def create(public_id):
    """Make (or find) the link for the ticked choices; the reading is saved too."""
    reading = _own_reading(public_id)
    choices = {name: request.form.get(name, "").lower() in TICKED for name in service.CHOICES}
    try:
        link, made = service.create_link(reading, **choices)
    except service.NotShareable:
        return _panel_response(reading, _("풀이가 끝난 뒤에 공유할 수 있어요."), 409)
    if made:
        message = _("공유 링크를 만들었어요. 아래 버튼으로 바로 보내 보세요.")
    else:
        message = _("같은 설정의 링크가 이미 있어요. 그 링크를 그대로 보내면 돼요.")
    return _panel_response(reading, message, 201 if made else 200, new_token=link.token)


@bp.post("/reading/<public_id>/share/<token>/revoke")
@login_required
def revoke(public_id, token):
    """Revoke a link: its page and image answer 404 from now on."""
    reading = _own_reading(public_id)
    service.revoke_link(reading, token)  # a link already gone is the same outcome
    return _panel_response(reading, _("링크를 없앴어요. 이제 그 주소로는 풀이를 볼 수 없어요."))


def _shared(token):
    link = service.find_link(token)
    if link is None:
        abort(404)
    return link


def _cards(reading, lang):
    deck = current_deck()
    labels = panel.place_labels(reading, lang)
    return [
        {"card": deck[c["card"]], "reversed": c["reversed"], "label": label}
        for c, label in zip(reading.cards, labels, strict=True)
    ]


@bp.get("/s/<token>")
def page(token):
    """The shared reading: cards and answer, the concern and nickname only if the owner chose."""
    link = _shared(token)
    reading = link.reading
    with force_locale(reading.locale):
        stand_ins = {"nickname": _("손님"), "concern": "…"}
    nickname = reading.user.nickname
    title, description = panel.titles(reading)
    response = current_app.make_response(render_template(
        "share/page.html", link=link, reading=reading, title=title, description=description,
        nickname=nickname if link.show_nickname else None,
        concern=reading.concern if link.show_concern else None,
        cards=_cards(reading, current_lang()),
        answer=service.shown_answer(link, nickname, stand_ins),
        topic=topic_label(reading.topic),
    ))
    response.headers["Cache-Control"] = PAGE_CACHE
    if not link.indexable:
        response.headers["X-Robots-Tag"] = NOINDEX
    response.add_etag()
    return response.make_conditional(request)


def share_image(reading):
    """What the reading's share image shows, in the reading's language."""
    deck = current_deck()
    lang = reading.locale
    with force_locale(lang):
        texts = (_("타로밀크티"), panel.titles(reading)[0],
                 _("카드 %(count)d장으로 본 풀이", count=len(reading.cards)))
    cards = tuple(
        (deck[c["card"]].slug, bool(c["reversed"]), label)
        for c, label in zip(reading.cards, panel.place_labels(reading, lang), strict=True)
    )
    return image.ShareImage(cards, *texts)


@bp.get("/s/<token>/image.png", endpoint="image")
@limiter.limit("120 per minute")
def image_png(token):
    """The share image (1200 x 630 PNG), drawn once per cards, topic, language and version."""
    link = _shared(token)
    folder = current_app.config["SHARE_IMAGE_DIR"]
    key, path, png = image.stored_png(folder, share_image(link.reading), current_deck().version)
    if path is not None:
        response = send_file(path, mimetype="image/png", etag=key, conditional=True)
    else:
        response = Response(png, mimetype="image/png")
        response.set_etag(key)
        response = response.make_conditional(request)
    response.headers["Cache-Control"] = IMAGE_CACHE
    if not link.indexable:
        response.headers["X-Robots-Tag"] = NOINDEX
    return response
