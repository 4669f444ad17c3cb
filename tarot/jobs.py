"""Interpretation jobs: run outside the request, progress kept in the job's own row.

A job row is a row of any table with the job columns (models.JobColumns). What a job
reads, which interpreter it asks and what it stores when done is its kind's (``JobKind``,
one per table, registered with ``register``); the rest is the same for every kind: the job
claims its row, streams the interpreter's answer into it, retries what a retry may help and
ends it done or failed. The claim, the fenced writes and the lease's renewal are
tarot/leases.py's. A poll that finds an unclaimed or expired row starts a new job for it.
"""

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as wait_for_futures
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale
from sqlalchemy.exc import SQLAlchemyError

from . import leases
from .extensions import db
from .leases import ROUND, Heartbeat, claim, is_held, renewed, write
from .models import JobStatus, utcnow
from .oracle import ErrorKind, InterpretationError

log = logging.getLogger(__name__)

MAX_CLAIMS = 5  # takeovers included; a row that keeps killing workers ends as failed
# Seconds between partial-text writes. Polls come every 0.6 s or more, so writing more often
# only adds database writes (under load on SQLite, 0.25 s made writers queue for seconds).
WRITE_INTERVAL = 0.5
FINAL_WRITE_DELAYS = (0.2, 0.5, 1, 2, 4)  # a busy database gets this long to take the result


@dataclass(frozen=True)
class JobKind:
    """One kind of job: the table of its rows and the three things only it knows.

    - ``build_request(row)``: the interpreter's request, read from the row (and its
      relations) before the model is asked; it has a ``lang`` the job speaks in.
    - ``interpreter(config)``: the interpreter for the app's settings: an object with
      ``name``, ``model`` and ``stream(request)``, which yields text and raises
      oracle.InterpretationError.
    - ``finish(text)``: the columns to store with "done" from the whole text, or None when
      the text is not a complete answer (the job then retries it as malformed). A kind whose
      answer's shape depends on the request (a reading's sections on its spread) sets
      ``finish_reads_request`` and is called ``finish(text, request)``.

    ``describe(row)`` names the row in logs.
    """

    name: str
    table: type
    build_request: Callable
    interpreter: Callable
    finish: Callable
    describe: Callable = lambda row: str(row.id)
    finish_reads_request: bool = False


_KINDS = {}


def register(kind):
    """Make ``kind`` the job kind of its table's rows; return it."""
    _KINDS[kind.table] = kind
    return kind


def kind_of(row):
    """The job kind registered for this row's table."""
    return _KINDS[type(row)]


reserve = leases.reserve  # the services reserve a new row for the job their request starts

_executor = None
_executor_lock = threading.Lock()
_running = set()  # futures of the jobs this process has started and not yet finished


def _pool():
    global _executor
    with _executor_lock:
        if _executor is None:
            # Jobs mostly wait on the model's stream, so a process runs many at once.
            threads = current_app.config.get("READING_JOB_THREADS", 32)
            _executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="job")
        return _executor


def start(kind, row_id):
    """Run the job for a row of ``kind`` in a background thread of this process."""
    app = current_app._get_current_object()
    future = _pool().submit(_run_in_app, app, kind, row_id)
    with _executor_lock:
        _running.add(future)
    future.add_done_callback(_forget)


def _forget(future):
    with _executor_lock:
        _running.discard(future)


def wait_until_idle(timeout):
    """Wait up to ``timeout`` seconds for this process's started jobs; True if none is left."""
    with _executor_lock:
        running = list(_running)
    return not wait_for_futures(running, timeout=timeout).not_done


def ensure_running(row):
    """Start a job for a row nobody is working on (its worker died, or never began)."""
    if row.status not in (JobStatus.PENDING, JobStatus.RUNNING):
        return False
    if is_held(row):
        return False
    start(kind_of(row), row.id)
    return True


def prepare_retry(row):
    """Set a failed row up to be interpreted again (the caller commits, then starts it).

    Its attempts move to the next round, so a job of an earlier round can never write.
    """
    row.status = JobStatus.PENDING
    row.error_kind = None
    row.partial_text = None
    row.finished_at = None
    row.attempts = leases.next_round(row.attempts)
    reserve(row)


def _run_in_app(app, kind, row_id):
    with app.app_context():
        try:
            run(kind, row_id)
        except Exception:  # the thread must never die silently
            log.exception("%s job %s crashed", kind.name, row_id)
            db.session.rollback()
        finally:
            db.session.remove()


def interpreter_for(kind):
    """The interpreter for new jobs of ``kind`` (tests may replace it via INTERPRETER_FACTORY)."""
    factory = current_app.config.get("INTERPRETER_FACTORY")
    return factory() if factory else kind.interpreter(current_app.config)


def run(kind, row_id):
    """Claim the row and interpret it, retrying transient failures with backoff."""
    token = claim(kind.table, row_id)
    if token is None:
        return
    row = db.session.get(kind.table, row_id)
    job = _Job(kind, row_id, token, kind.describe(row))
    if token % ROUND > MAX_CLAIMS:
        write(kind.table, row_id, token, status=JobStatus.FAILED, error_kind=ErrorKind.TIMEOUT,
              finished_at=utcnow(), lease_until=None)
        log.warning("%s %s failed: claimed %s times", kind.name, job.label, token)
        return
    # The heartbeat starts before anything slow (the first interpreter builds its client).
    with Heartbeat(kind.table, row_id, token):
        request = kind.build_request(row)
        # Nothing is read from the row after this: end the transaction so its connection
        # goes back to the pool while the model thinks, instead of being held by an idle job
        # (a process has more job threads than pooled connections).
        db.session.close()
        interpreter = interpreter_for(kind)
        with force_locale(request.lang):
            job.interpret_with_retries(interpreter, request)


class _LeaseLost(Exception):
    pass


@dataclass
class _Job:
    """One claim of one row: what it streams and writes, fenced by ``token``."""

    kind: JobKind
    row_id: int
    token: int
    label: str

    def interpret_with_retries(self, interpreter, request):
        delays = list(current_app.config.get("READING_RETRY_DELAYS", (2, 5, 10)))
        name = self.kind.name
        while True:
            try:
                values = self.interpret_once(interpreter, request)
            except InterpretationError as exc:
                if exc.transient and delays:
                    delay = delays.pop(0)
                    log.info("%s %s: %s, retrying in %ss", name, self.label, exc.kind, delay)
                    if not self.write_progress(""):
                        return
                    time.sleep(delay)
                    continue
                self.write_result(status=JobStatus.FAILED, error_kind=exc.kind, finished_at=utcnow(),
                                  lease_until=None, interpreter=interpreter.name, model=interpreter.model)
                log.warning("%s %s failed: %s (%s)", name, self.label, exc.kind, exc)
                return
            except _LeaseLost:
                return
            except Exception:  # noqa: BLE001 - a bug must end as a clear failure, not a stuck row
                log.exception("%s %s: interpreter crashed", name, self.label)
                db.session.rollback()
                self.write_result(status=JobStatus.FAILED, error_kind=ErrorKind.INTERNAL,
                                  finished_at=utcnow(), lease_until=None)
                return
            self.write_result(status=JobStatus.DONE, partial_text=None, finished_at=utcnow(),
                              lease_until=None, interpreter=interpreter.name, model=interpreter.model,
                              **values)
            return

    def interpret_once(self, interpreter, request):
        """Stream one answer into the row; return the columns its kind stores with "done"."""
        text = ""
        last_write = 0.0
        for chunk in interpreter.stream(request):
            text += chunk
            now = time.monotonic()
            if now - last_write >= WRITE_INTERVAL:
                if not self.write_progress(text):
                    raise _LeaseLost
                last_write = now
        values = self.kind.finish(text, request) if self.kind.finish_reads_request else self.kind.finish(text)
        if values is None:
            raise InterpretationError(ErrorKind.MALFORMED, "the answer was incomplete", transient=True)
        return values

    def write_result(self, **values):
        """Store a finished job's outcome, waiting out a busy or briefly unreachable database.

        If every try fails the row keeps its lease, which runs out, and the next poll runs
        the job again: slower, but it ends.
        """
        for delay in (*FINAL_WRITE_DELAYS, None):
            try:
                return write(self.kind.table, self.row_id, self.token, **values)
            except SQLAlchemyError:
                db.session.rollback()
                if delay is None:
                    raise
                log.warning("%s %s: result not stored yet, retrying in %ss", self.kind.name, self.label,
                            delay, exc_info=True)
                time.sleep(delay)

    def write_progress(self, text):
        """Store the answer so far; a busy database only skips this write (the next one catches up)."""
        try:
            return write(self.kind.table, self.row_id, self.token, partial_text=text, lease_until=renewed())
        except SQLAlchemyError:
            db.session.rollback()
            log.warning("%s %s: progress not stored this time", self.kind.name, self.label, exc_info=True)
            return True
