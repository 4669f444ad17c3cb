"""Interpretation jobs: run outside the request, progress kept in the Reading row.

A job claims its row, streams the interpreter's answer into it, retries what a retry may
help and ends it done or failed; the claim, the fenced writes and the lease's renewal are
tarot/leases.py's. A poll that finds an unclaimed or expired row starts a new job for it.
"""

import hashlib
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from flask import current_app
from flask_babel import force_locale
from sqlalchemy.exc import SQLAlchemyError

from . import leases
from .deck import current_deck
from .extensions import db
from .leases import ROUND, Heartbeat, claim, is_held, renewed, write
from .models import Reading, ReadingStatus, utcnow
from .oracle import ErrorKind, InterpretationError, ReadingRequest, SpreadCard
from .oracle import get_interpreter as _get_interpreter
from .oracle.sections import parse_answer
from .spreads import SPREADS, in_place_order, spread_of

log = logging.getLogger(__name__)

# The reading service reserves a new row and starts a retry's round through jobs.
reserve = leases.reserve
next_round = leases.next_round

MAX_CLAIMS = 5  # takeovers included; a reading that keeps killing workers ends as failed
# Seconds between partial-text writes. Polls come every 0.6 s or more, so writing more often
# only adds database writes (under load on SQLite, 0.25 s made writers queue for seconds).
WRITE_INTERVAL = 0.5
FINAL_WRITE_DELAYS = (0.2, 0.5, 1, 2, 4)  # a busy database gets this long to take the result

_executor = None
_executor_lock = threading.Lock()


def _pool():
    global _executor
    with _executor_lock:
        if _executor is None:
            # Jobs mostly wait on the model's stream, so a process runs many at once.
            threads = current_app.config.get("READING_JOB_THREADS", 32)
            _executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="reading-job")
        return _executor


def start(reading_id):
    """Run the job for a reading in a background thread of this process."""
    app = current_app._get_current_object()
    _pool().submit(_run_in_app, app, reading_id)


def ensure_running(reading):
    """Start a job for a reading nobody is working on (its worker died, or never began)."""
    if reading.status not in (ReadingStatus.PENDING, ReadingStatus.RUNNING):
        return False
    if is_held(reading):
        return False
    start(reading.id)
    return True


def _run_in_app(app, reading_id):
    with app.app_context():
        try:
            run(reading_id)
        except Exception:  # the thread must never die silently
            log.exception("reading job %s crashed", reading_id)
            db.session.rollback()
        finally:
            db.session.remove()


def build_request(reading):
    """The interpreter's view of a reading row."""
    deck = current_deck()
    spread = spread_of(reading)
    cards = in_place_order(spread, reading.cards)
    seed = int(hashlib.sha256(reading.public_id.encode()).hexdigest()[:12], 16)
    return ReadingRequest(
        topic=reading.topic,
        concern=reading.concern or "",
        nickname=reading.user.nickname,
        lang=reading.locale or "ko",
        cards=tuple(SpreadCard(c["position"], deck[c["card"]], bool(c["reversed"])) for c in cards),
        seed=seed,
        spread=spread.key,
    )


def get_interpreter():
    """The interpreter for new jobs (tests may replace the app's choice via config)."""
    factory = current_app.config.get("INTERPRETER_FACTORY")
    return factory() if factory else _get_interpreter(current_app.config)


def run(reading_id):
    """Claim the reading and interpret it, retrying transient failures with backoff."""
    token = claim(reading_id)
    if token is None:
        return
    reading = db.session.get(Reading, reading_id)
    if token % ROUND > MAX_CLAIMS:
        write(reading_id, token, status=ReadingStatus.FAILED, error_kind=ErrorKind.TIMEOUT,
               finished_at=utcnow(), lease_until=None)
        log.warning("reading %s failed: claimed %s times", reading.public_id, token)
        return
    public_id = reading.public_id
    # The heartbeat starts before anything slow (the first interpreter builds its client).
    with Heartbeat(reading_id, token):
        request = build_request(reading)
        # Nothing is read from the row after this: end the transaction so its connection
        # goes back to the pool while the model thinks, instead of being held by an idle job
        # (a process has more job threads than pooled connections).
        db.session.close()
        interpreter = get_interpreter()
        with force_locale(request.lang):
            _interpret_with_retries(reading_id, public_id, token, interpreter, request)


def _interpret_with_retries(reading_id, public_id, token, interpreter, request):
    delays = list(current_app.config.get("READING_RETRY_DELAYS", (2, 5, 10)))
    while True:
        try:
            answer = _interpret_once(reading_id, token, interpreter, request)
        except InterpretationError as exc:
            if exc.transient and delays:
                delay = delays.pop(0)
                log.info("reading %s: %s, retrying in %ss", public_id, exc.kind, delay)
                if not _write_progress(reading_id, token, ""):
                    return
                time.sleep(delay)
                continue
            _write_result(reading_id, token, status=ReadingStatus.FAILED, error_kind=exc.kind,
                          finished_at=utcnow(), lease_until=None, interpreter=interpreter.name,
                          model=interpreter.model)
            log.warning("reading %s failed: %s (%s)", public_id, exc.kind, exc)
            return
        except _LeaseLost:
            return
        except Exception:  # noqa: BLE001 - a bug must end as a clear failure, not a stuck row
            log.exception("reading %s: interpreter crashed", public_id)
            db.session.rollback()
            _write_result(reading_id, token, status=ReadingStatus.FAILED, error_kind=ErrorKind.INTERNAL,
                          finished_at=utcnow(), lease_until=None)
            return
        _write_result(reading_id, token, status=ReadingStatus.DONE, answer=answer, partial_text=None,
                      finished_at=utcnow(), lease_until=None, interpreter=interpreter.name,
                      model=interpreter.model)
        return


class _LeaseLost(Exception):
    pass


def _write_result(reading_id, token, **values):
    """Store a finished job's outcome, waiting out a busy or briefly unreachable database.

    If every try fails the row keeps its lease, which runs out, and the next poll runs the
    reading again: slower, but it ends.
    """
    for delay in (*FINAL_WRITE_DELAYS, None):
        try:
            return write(reading_id, token, **values)
        except SQLAlchemyError:
            db.session.rollback()
            if delay is None:
                raise
            log.warning("reading %s: result not stored yet, retrying in %ss", reading_id, delay, exc_info=True)
            time.sleep(delay)


def _write_progress(reading_id, token, text):
    """Store the answer so far; a busy database only skips this write (the next one catches up)."""
    try:
        return write(reading_id, token, partial_text=text, lease_until=renewed())
    except SQLAlchemyError:
        db.session.rollback()
        log.warning("reading %s: progress not stored this time", reading_id, exc_info=True)
        return True


def _interpret_once(reading_id, token, interpreter, request):
    """Stream one answer into the row; return its sections (the request's spread's)."""
    text = ""
    last_write = 0.0
    for chunk in interpreter.stream(request):
        text += chunk
        now = time.monotonic()
        if now - last_write >= WRITE_INTERVAL:
            if not _write_progress(reading_id, token, text):
                raise _LeaseLost
            last_write = now
    answer = parse_answer(text, SPREADS[request.spread].sections)
    if answer is None:
        raise InterpretationError(ErrorKind.MALFORMED, "the answer lacked a section", transient=True)
    return answer
