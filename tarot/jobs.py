"""Interpretation jobs: run outside the request, progress kept in the Reading row.

A job claims its row with a conditional UPDATE that sets a lease; while it writes it renews
the lease. Every write is fenced by the row's ``attempts`` counter, so a job that lost its
lease (its process paused or died and another took over) can no longer change the row.
A poll that finds an unclaimed or expired row starts a new job for it (design section 5).
"""

import hashlib
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import and_, or_, update
from sqlalchemy.exc import SQLAlchemyError

from .deck import current_deck
from .extensions import db
from .models import Reading, ReadingStatus, utcnow
from .oracle import ErrorKind, InterpretationError, ReadingRequest, SpreadCard
from .oracle import get_interpreter as _get_interpreter
from .oracle.sections import parse_answer
from .spreads import POSITIONS

log = logging.getLogger(__name__)

START_GRACE_SECONDS = 10  # a new row is reserved this long for the job its request started
MAX_CLAIMS = 5  # takeovers included; a reading that keeps killing workers ends as failed
ROUND = 10  # a user's retry starts a new round of claims; the counter never goes back
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


def next_round(attempts):
    """The attempts value a retried reading starts from: the next multiple of ROUND.

    ``attempts`` is also the fencing token, so it only ever grows: an old job can never
    match a newer claim.
    """
    return (attempts // ROUND + 1) * ROUND


def reserve(reading):
    """Mark a new row as about to be worked on by the job its own request starts."""
    reading.lease_until = utcnow() + timedelta(seconds=START_GRACE_SECONDS)


def start(reading_id):
    """Run the job for a reading in a background thread of this process."""
    app = current_app._get_current_object()
    _pool().submit(_run_in_app, app, reading_id)


def ensure_running(reading):
    """Start a job for a reading nobody is working on (its worker died, or never began)."""
    if reading.status not in (ReadingStatus.PENDING, ReadingStatus.RUNNING):
        return False
    if reading.lease_until is not None and reading.lease_until > utcnow():
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


def _claim(reading_id):
    """Take the row if it is free; return the fencing token (attempts) or None."""
    now = utcnow()
    # A pending row's reservation only keeps polls from starting needless jobs; the
    # conditional UPDATE itself guarantees a single winner.
    free = or_(
        Reading.status == ReadingStatus.PENDING,
        and_(Reading.status == ReadingStatus.RUNNING, Reading.lease_until < now),
    )
    result = db.session.execute(
        update(Reading)
        .where(Reading.id == reading_id, free)
        .values(
            status=ReadingStatus.RUNNING,
            attempts=Reading.attempts + 1,
            lease_until=now + _lease_length(),
            started_at=now,
            partial_text="",
            error_kind=None,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if result.rowcount != 1:
        return None
    return db.session.execute(
        db.select(Reading.attempts).where(Reading.id == reading_id)
    ).scalar_one()


def _write(reading_id, token, **values):
    """Update the row if this job still holds it; False when the lease was lost."""
    result = db.session.execute(
        update(Reading)
        .where(
            Reading.id == reading_id,
            Reading.attempts == token,
            Reading.status == ReadingStatus.RUNNING,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def build_request(reading):
    """The interpreter's view of a reading row."""
    deck = current_deck()
    order = {p: i for i, p in enumerate(POSITIONS)}
    cards = sorted(reading.cards, key=lambda c: order[c["position"]])
    seed = int(hashlib.sha256(reading.public_id.encode()).hexdigest()[:12], 16)
    return ReadingRequest(
        topic=reading.topic,
        concern=reading.concern or "",
        nickname=reading.user.nickname,
        lang=reading.locale or "ko",
        cards=tuple(SpreadCard(c["position"], deck[c["card"]], bool(c["reversed"])) for c in cards),
        seed=seed,
    )


def get_interpreter():
    """The interpreter for new jobs (tests may replace the app's choice via config)."""
    factory = current_app.config.get("INTERPRETER_FACTORY")
    return factory() if factory else _get_interpreter(current_app.config)


def run(reading_id):
    """Claim the reading and interpret it, retrying transient failures with backoff."""
    token = _claim(reading_id)
    if token is None:
        return
    reading = db.session.get(Reading, reading_id)
    if token % ROUND > MAX_CLAIMS:
        _write(reading_id, token, status=ReadingStatus.FAILED, error_kind=ErrorKind.TIMEOUT,
               finished_at=utcnow(), lease_until=None)
        log.warning("reading %s failed: claimed %s times", reading.public_id, token)
        return
    public_id = reading.public_id
    # The heartbeat starts before anything slow (the first interpreter builds its client).
    with _Heartbeat(reading_id, token):
        request = build_request(reading)
        # Nothing is read from the row after this: end the transaction so its connection
        # goes back to the pool while the model thinks, instead of being held by an idle job
        # (a process has more job threads than pooled connections).
        db.session.close()
        interpreter = get_interpreter()
        with force_locale(request.lang):
            _interpret_with_retries(reading_id, public_id, token, interpreter, request)


class _Heartbeat:
    """Renew the lease while the job lives: through the model's first token and retry pauses.

    Without it a slow first token (thinking models take a while) would look like a dead
    worker, and a poll elsewhere would start the same reading twice.
    """

    def __init__(self, reading_id, token):
        self.app = current_app._get_current_object()
        self.reading_id = reading_id
        self.token = token
        self.interval = self.app.config["READING_LEASE_SECONDS"] / 3
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True, name="reading-lease")

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join(timeout=5)

    def _beat(self):
        while not self.stopped.wait(self.interval):
            with self.app.app_context():
                try:
                    held = _write(self.reading_id, self.token, lease_until=_lease())
                except Exception:  # noqa: BLE001 - a missed beat is retried on the next one
                    log.warning("reading %s: lease renewal failed", self.reading_id, exc_info=True)
                    held = True
                finally:
                    db.session.remove()
            if not held:
                return


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
            return _write(reading_id, token, **values)
        except SQLAlchemyError:
            db.session.rollback()
            if delay is None:
                raise
            log.warning("reading %s: result not stored yet, retrying in %ss", reading_id, delay, exc_info=True)
            time.sleep(delay)
    return False


def _write_progress(reading_id, token, text):
    """Store the answer so far; a busy database only skips this write (the next one catches up)."""
    try:
        return _write(reading_id, token, partial_text=text, lease_until=_lease())
    except SQLAlchemyError:
        db.session.rollback()
        log.warning("reading %s: progress not stored this time", reading_id, exc_info=True)
        return True


def _lease_length():
    # A live job renews its lease every third of this (see _Heartbeat); a dead one's lease
    # runs out within READING_LEASE_SECONDS and the next poll takes the reading over.
    return timedelta(seconds=current_app.config["READING_LEASE_SECONDS"])


def _lease():
    return utcnow() + _lease_length()


def _interpret_once(reading_id, token, interpreter, request):
    """Stream one answer into the row; return its six sections."""
    text = ""
    last_write = 0.0
    for chunk in interpreter.stream(request):
        text += chunk
        now = time.monotonic()
        if now - last_write >= WRITE_INTERVAL:
            if not _write_progress(reading_id, token, text):
                raise _LeaseLost
            last_write = now
    answer = parse_answer(text)
    if answer is None:
        raise InterpretationError(ErrorKind.MALFORMED, "the answer lacked the six parts", transient=True)
    return answer
