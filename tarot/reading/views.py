"""Views of the reading blueprint: the form, the deal and picks, the reading and its answer."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import jobs, quota
from ..deck import current_deck
from ..extensions import limiter
from ..fragments import kept_page
from ..htmx import wants_fragment
from ..i18n import current_lang
from ..i18n import gettext as _
from ..models import ReadingStatus
from ..readings import get_owned
from ..share import panel as share_panel
from ..spreads import DEFAULT_SPREAD, SPREADS, get_spread
from ..topics import TOPICS
from . import bp, deals, service
from .messages import waiting_message


def _form_values():
    source = request.form if request.method == "POST" else request.args
    topic = source.get("topic", "")
    return (topic if topic in TOPICS else ""), (source.get("concern", "") or "")[:1000]


def _asked_spread():
    """The spread key the form or address names ("" for none); it may not be a spread."""
    source = request.form if request.method == "POST" else request.args
    return source.get("spread", "")[:32]


def _chosen_spread(deal):
    """The spread chosen on the form: the one asked for, else the deal's, else the default."""
    return get_spread(_asked_spread()) or (deal.spread if deal else SPREADS[DEFAULT_SPREAD])


def _shown_spread(deal):
    """The spread the deal area lays out: the deal's, else the one chosen."""
    return deal.spread if deal is not None else _chosen_spread(deal)


def _form_url(topic, concern):
    """The form's address, keeping what was chosen and typed."""
    spread = get_spread(_asked_spread())
    return url_for("reading.new", topic=topic or None, concern=concern or None,
                   spread=spread.key if spread else None)


def _back_to_form(topic, concern):
    return redirect(_form_url(topic, concern), code=303)


def _render_form(topic, concern, errors=None, notice=None, status=200, limit_reached=None):
    deal = deals.current()
    return render_template(
        "reading/page.html",
        topics=TOPICS, topic=topic, concern=concern, deal=deal, errors=errors or {},
        notice=notice, spreads=SPREADS, chosen=_chosen_spread(deal), spread=_shown_spread(deal),
        concern_max=service.CONCERN_MAX,
        limit_reached=_no_calls_left() if limit_reached is None else limit_reached,
    ), status


def _no_calls_left():
    per_day = quota.daily_allowance(current_app.config)
    return (per_day is not None and current_user.is_authenticated
            and quota.calls_left(current_user.id, per_day) == 0)


def _render_deal(deal, notice=None, status=200, fresh=False):
    return render_template(
        "reading/_deal.html", deal=deal, notice=notice, spread=_shown_spread(deal), fresh=fresh,
    ), status


@bp.get("/reading")
def new():
    """The topic and concern form with the current deal. Before any deal, and with nothing
    in the address, it is the same page for every signed-in visitor: kept once, with their
    own values filled in (tarot/fragments.py)."""
    topic, concern = _form_values()
    if deals.current() is None:
        limit_reached = _no_calls_left()
        return kept_page(
            ("reading", limit_reached), lambda: _render_form(topic, concern, limit_reached=limit_reached)[0],
        )
    return _render_form(topic, concern)


@bp.get("/reading/signin")
def signin():
    """Send a visitor to sign in, coming back to this form with topic and concern kept."""
    topic, concern = _form_values()
    return redirect(url_for("auth.login", next=_form_url(topic, concern)), code=303)


@bp.post("/reading/deal")
def deal():
    """Shuffle: a new face-down deal of 30 for the chosen spread, replacing the old one and its
    picks. An unknown spread is refused and the old deal kept."""
    spread = get_spread(_asked_spread() or DEFAULT_SPREAD)
    if spread is None:
        return _refused_spread()
    new_deal = deals.new_deal(spread)
    if wants_fragment():
        return _render_deal(new_deal, fresh=True)
    topic, concern = _form_values()
    return _back_to_form(topic, concern)


def _refused_spread():
    notice = _("없는 배열이에요. 배열을 다시 골라 주세요.")
    if wants_fragment():
        return _render_deal(deals.current(), notice, 422)
    topic, concern = _form_values()
    return _render_form(topic, concern, errors={"spread": notice}, status=422)


@bp.post("/reading/pick")
def pick():
    """Pick or un-pick a slot of the current deal."""
    topic, concern = _form_values()
    current = deals.current()
    notice = None
    status = 200
    if not current_user.is_authenticated:
        notice = _("카드를 고르려면 먼저 로그인해 주세요.")
        status = 401
    elif current is None:
        notice = _("먼저 카드를 섞어 주세요.")
        status = 409
    else:
        try:
            slot = int(request.form.get("slot", ""))
            deals.toggle_pick(current, slot)
        except ValueError as exc:
            notice = str(exc) if isinstance(exc, deals.PickError) else _("없는 자리의 카드예요. 다시 골라 주세요.")
            status = 422
    if wants_fragment():
        return _render_deal(current, notice, status)
    if notice:
        flash(notice, "error")
    return _back_to_form(topic, concern)


@bp.post("/reading")
@limiter.shared_limit(lambda: current_app.config["READING_RATE_LIMIT"], scope="reading-requests")
def create():
    """Create the reading from the picked cards → 303 to its page."""
    topic, concern = _form_values()
    if not current_user.is_authenticated:
        flash(_("운세를 보려면 먼저 로그인해 주세요."), "error")
        return redirect(url_for("reading.signin", topic=topic, concern=concern), code=303)
    try:
        topic, concern = service.validate_form(request.form.get("topic"), request.form.get("concern"))
    except service.ReadingFormError as exc:
        return _render_form(topic, concern, errors=exc.errors, status=422)
    current = deals.current()
    if current is None or not current.complete:
        earlier = service.find_by_request_key(current_user, request.form.get("deal_id", ""))
        if earlier:  # the same form sent twice: the first already made the reading
            return redirect(url_for("reading.show", public_id=earlier.public_id), code=303)
        count = _shown_spread(current).count_label
        return _render_form(topic, concern, errors={"cards": _("카드 %(count)s을 골라 주세요.", count=count)}, status=422)
    if _asked_spread() and _asked_spread() != current.spread.key:
        # Another spread chosen after shuffling (without scripts, choosing does not re-deal).
        return _render_form(topic, concern, status=422, errors={
            "spread": _("카드를 섞은 뒤에 배열을 바꾸셨어요. 카드를 새로 섞어 주세요."),
        })
    try:
        reading = service.create_reading(
            current_user, topic, concern, current, current_lang(), quota.daily_allowance(current_app.config)
        )
    except quota.QuotaExceeded as exc:
        body, status = _render_form(topic, concern, notice="limit", status=429)
        return body, status, {"Retry-After": str(exc.retry_after)}
    except service.DealAlreadyUsed:
        deals.clear()
        return _render_form(topic, concern, status=409, errors={
            "cards": _("이 카드로는 이미 풀이를 받았어요. 카드를 새로 섞어 주세요."),
        })
    deals.clear()
    return redirect(url_for("reading.show", public_id=reading.public_id), code=303)


def _own_reading(public_id):
    """The signed-in user's reading with this public id; 404 for anyone else's or none."""
    reading = get_owned(public_id, current_user)
    if reading is None:
        abort(404)
    return reading


def _cards_of(reading):
    deck = current_deck()
    return [
        {"card": deck[c["card"]], "reversed": c["reversed"], "position": c["position"]}
        for c in reading.cards
    ]


@bp.get("/reading/<public_id>")
@login_required
def show(public_id):
    """The reading: its cards face up in their places, the answer area, the follow-ups and
    the share panel."""
    reading = _own_reading(public_id)
    jobs.ensure_running(reading)
    if share_panel.needs_whole_page():  # the Kakao SDK needs this page's own CSP
        return "", 200, {"HX-Redirect": url_for("reading.show", public_id=public_id)}
    share_panel.allow_kakao_sdk()
    return render_template(
        "reading/show.html", reading=reading, cards=_cards_of(reading), waiting=waiting_message(),
        share=share_panel.panel(reading), poll_at_once=True,
    )


@bp.get("/reading/<public_id>/answer")
@limiter.exempt  # polled every 200–500 ms by design; it has no limit to check
@login_required
def answer(public_id):
    """The answer partial; it polls itself until the reading is done or failed."""
    reading = _own_reading(public_id)
    jobs.ensure_running(reading)
    body = render_template("reading/_answer.html", reading=reading, waiting=waiting_message())
    # The follow-up questions' area (reading/_followups.html) waits for this event to load.
    return body, 200, ({"HX-Trigger": "reading-done"} if reading.status == ReadingStatus.DONE else {})


@bp.post("/reading/<public_id>/save")
@login_required
def save(public_id):
    """Put the finished reading in the archive."""
    reading = _own_reading(public_id)
    if not reading.finished or reading.answer is None:
        message, status = _("풀이가 끝난 뒤에 저장할 수 있어요."), 409
    elif service.save_reading(reading):
        message, status = _("보관함에 저장했어요 😊"), 200
    else:
        message, status = _("이미 저장된 결과예요 🃏"), 200
    if wants_fragment():
        return render_template("reading/_save.html", reading=reading, message=message), status
    flash(message, "success" if status == 200 else "error")
    return redirect(url_for("reading.show", public_id=public_id), code=303)


@bp.post("/reading/<public_id>/retry")
@limiter.shared_limit(lambda: current_app.config["READING_RATE_LIMIT"], scope="reading-requests")
@login_required
def retry(public_id):
    """Start a failed reading again (a counted model call, see tarot/quota.py)."""
    reading = _own_reading(public_id)
    config = current_app.config
    try:
        service.retry_reading(reading, quota.daily_allowance(config), config["READING_RETRIES"])
    except quota.QuotaExceeded as exc:
        return _retry_refused(reading, _("오늘 받을 수 있는 AI 풀이를 모두 받았어요. 내일 다시 만나요! 카드 설명은 언제든 볼 수 있어요."),
                              429, {"Retry-After": str(exc.retry_after)})
    except service.RetryLimitReached:
        return _retry_refused(reading, _("이 풀이는 다시 시도할 수 있는 횟수를 모두 썼어요. 카드를 새로 섞어 새 풀이를 받아 보세요."), 409)
    if wants_fragment():
        return render_template("reading/_answer.html", reading=reading, waiting=waiting_message())
    return redirect(url_for("reading.show", public_id=public_id), code=303)


def _retry_refused(reading, message, status, headers=None):
    """The failed answer again, saying why it was not retried, without the retry button."""
    if wants_fragment():
        body = render_template("reading/_answer.html", reading=reading, retry_refused=message)
    else:
        body = render_template(
            "reading/show.html", reading=reading, cards=_cards_of(reading), retry_refused=message,
        )
    return body, status, headers or {}
