"""Views of the archive blueprint: the saved readings, a page at a time, filtered, and deleting one."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..assets import static_url
from ..deck import current_deck
from ..htmx import wants_fragment
from ..i18n import current_lang
from ..i18n import gettext as _
from ..journal.notes import asks_how_it_went
from ..models import utcnow
from ..readings import get_owned
from ..suits import card_groups
from ..topics import TOPICS
from . import bp, service
from .filters import NO_FILTERS, parse_filters


def _archive_url(filters=NO_FILTERS, cursor=None):
    """The archive's address for a filter (its state in the query string) and a page cursor."""
    return url_for("archive.index", cursor=cursor.encode() if cursor else None, **filters.query_args())


def _thumbnails(reading):
    """(image URL, card name, reversed) for each of the reading's cards."""
    deck = current_deck()
    lang = current_lang()
    # A page shows up to 100 thumbnails: their versioned URLs are worked out once per process.
    urls = current_app.extensions.setdefault("archive_card_urls", {})
    thumbs = []
    for drawn in reading.cards:
        card = deck[drawn["card"]]
        if card.image not in urls:
            urls[card.image] = static_url(card.image)
        thumbs.append((urls[card.image], card.name(lang), drawn["reversed"]))
    return thumbs


def _row_key(filters):
    """What an archive row shows that can change: its note, mood and "how did it go?"
    question, and the filter its delete link carries (the rest of a reading never does)."""
    now = utcnow()
    return lambda reading: (reading.public_id, reading.note, reading.mood, asks_how_it_went(reading, now), filters)


def _render(template, **context):
    return render_template(
        template, topics=TOPICS, thumbnails=_thumbnails, first_line=service.first_line,
        archive_url=_archive_url, card_groups=card_groups, deck=current_deck(),
        row_key=_row_key(context.get("filters")), **context,
    )


@bp.get("/archive")
@login_required
def index():
    """The user's saved readings, newest first, 20 a page, filtered by the query string;
    htmx "more" gets just the rows."""
    filters, notice = parse_filters(request.args)
    status, after = 200, None
    if request.args.get("cursor"):
        try:
            after = service.Cursor.decode(request.args["cursor"])
        except service.BadCursor:
            status = 400
            notice = _("페이지 주소가 올바르지 않아서 첫 페이지를 보여 드려요.")
    page = service.saved_page(current_user, filters, after)
    if wants_fragment() and after is not None:
        return _render("archive/_more.html", page=page, filters=filters)
    if after is None and not filters and page.next_cursor is None:
        total = len(page.readings)  # the whole archive is on this page: no need to count
    else:
        total = service.saved_count(current_user)
    return _render(
        "archive/page.html", page=page, filters=filters, after=after, notice=notice, total=total,
    ), status


@bp.get("/archive/<public_id>/delete")
@login_required
def confirm_delete(public_id):
    """Without JavaScript, deleting starts with this confirmation page."""
    reading = get_owned(public_id, current_user)
    if reading is None:
        abort(404)
    return _render("archive/delete.html", reading=reading, filters=parse_filters(request.args)[0])


@bp.post("/archive/<public_id>/delete")
@login_required
def delete(public_id):
    """Delete a reading for good; htmx gets an empty row, a form post goes back to the list."""
    reading = get_owned(public_id, current_user)
    if reading is None:
        if wants_fragment():  # no error page inside the list, whatever htmx swaps
            return "", 404
        abort(404)
    service.delete_reading(reading)
    if wants_fragment():
        return _render("archive/_deleted.html", total=service.saved_count(current_user))
    flash(_("풀이를 삭제했어요."), "success")
    return redirect(_archive_url(parse_filters(request.form)[0]), code=303)
