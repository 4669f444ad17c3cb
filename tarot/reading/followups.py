"""Follow-up questions under a finished reading: asking one, and its job kind.

The owner may ask FOLLOWUPS_MAX questions about a reading's cards (a failed answer does not
use one up). Each is a row of ``followups`` that an interpretation job answers like the
reading itself (tarot/jobs.py), grounded in the reading's cards and first answer
(tarot/oracle/followup.py). With a model configured it is a counted call ("followup").
"""

import unicodedata
from dataclasses import replace

from sqlalchemy.exc import IntegrityError

from .. import jobs, quota
from ..extensions import db
from ..i18n import gettext as _
from ..models import FollowUp, JobStatus
from ..oracle.followup import FollowUpRequest, clean_answer, get_interpreter
from . import job as reading_job

FOLLOWUPS_MAX = 3
QUESTION_MAX = 300


class FollowUpRefused(Exception):
    """The question was not taken; ``message`` says why and ``status`` is the HTTP status."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


def clean_question(raw):
    """The question normalised (NFC, unified newlines, trimmed), or FollowUpRefused (422)."""
    text = unicodedata.normalize("NFC", (raw or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise FollowUpRefused(_("궁금한 점을 적어 주세요."), 422)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in "\n\t" for ch in text):
        raise FollowUpRefused(_("보이지 않는 특수 문자는 쓸 수 없어요. 다시 적어 주세요."), 422)
    if len(text) > QUESTION_MAX:
        raise FollowUpRefused(
            _("질문은 %(max)d자까지 적을 수 있어요. 지금 %(count)d자예요.", max=QUESTION_MAX, count=len(text)), 422)
    return text


def questions_left(followups):
    """How many more questions a reading with these follow-ups takes (failed ones do not count)."""
    asked = sum(1 for followup in followups if followup.status != JobStatus.FAILED)
    return max(0, FOLLOWUPS_MAX - asked)


def answering(followups):
    """True while one of these follow-ups is still being answered."""
    return any(not followup.finished for followup in followups)


def _refusal(reading, followups):
    """Why the reading takes no question now, or None."""
    if reading.status != JobStatus.DONE or reading.answer is None:
        return FollowUpRefused(_("풀이가 끝난 뒤에 질문할 수 있어요."), 409)
    if answering(followups):
        return FollowUpRefused(_("앞의 질문에 답하고 있어요. 답이 끝나면 다시 물어봐 주세요."), 409)
    if questions_left(followups) == 0:
        return FollowUpRefused(_("한 풀이에는 질문을 세 번까지 할 수 있어요."), 409)
    return None


def ask(reading, raw_question, locale, per_day):
    """Store the question as pending and start its job; return the FollowUp.

    With a daily allowance (``per_day``) the question is a counted model call, recorded in
    the same transaction. Raises FollowUpRefused (bad question, reading not done, a question
    still being answered, none left) and quota.QuotaExceeded; nothing is stored then.
    """
    question = clean_question(raw_question)
    # Requests for the same user take turns from here, so two at once see each other.
    # (Locking reads: on MariaDB they see what another request committed while this one waited.)
    quota.lock_user(reading.user_id)
    db.session.refresh(reading, with_for_update=True)
    followups = db.session.execute(
        db.select(FollowUp).where(FollowUp.reading_id == reading.id).with_for_update()
        .execution_options(populate_existing=True)
    ).scalars().all()
    if (refusal := _refusal(reading, followups)) is not None:
        db.session.rollback()
        raise refusal
    try:
        if per_day is not None:
            quota.record_call(reading.user_id, quota.CallKind.FOLLOWUP, per_day, reading_id=reading.id)
        number = max((f.number for f in followups), default=0) + 1
        followup = FollowUp(reading_id=reading.id, number=number, question=question, locale=locale,
                            status=JobStatus.PENDING)
        jobs.reserve(followup)
        db.session.add(followup)
        db.session.commit()
    except (quota.QuotaExceeded, IntegrityError) as exc:
        db.session.rollback()
        if isinstance(exc, IntegrityError):  # the same place taken at once: answered as busy
            raise FollowUpRefused(_("앞의 질문에 답하고 있어요. 답이 끝나면 다시 물어봐 주세요."), 409) from exc
        raise
    jobs.start(FOLLOWUP, followup.id)
    return followup


def build_request(followup):
    """The interpreter's view of a follow-up: the reading in the question's language, its
    first answer, the questions answered before this one, and this question."""
    reading = followup.reading
    earlier = tuple(
        (f.question, f.answer) for f in reading.followups
        if f.number < followup.number and f.status == JobStatus.DONE
    )
    return FollowUpRequest(
        reading=replace(reading_job.build_request(reading), lang=followup.locale or "ko"),
        first_answer=reading.answer or {}, earlier=earlier, question=followup.question,
    )


def finish(text):
    """The answer as stored, or None when nothing is left of it."""
    answer = clean_answer(text)
    return {"answer": answer} if answer else None


FOLLOWUP = jobs.register(jobs.JobKind(
    name="followup", table=FollowUp, build_request=build_request, interpreter=get_interpreter,
    finish=finish, describe=lambda followup: f"{followup.reading.public_id}#{followup.number}",
))
