"""Warm lines shown while the reader writes, and plain words for each failure."""

import time

from ..i18n import lazy_gettext as _l
from ..oracle import ErrorKind

WAITING = (
    _l("카드가 들려줄 이야기를 차근차근 정리하고 있어요 😊"),
    _l("찻잎이 우러나는 동안 조금만 기다려 주세요 🍵"),
    _l("혼자 끙끙 앓지 마세요. 이 이야기는 여기서만 머물러요 🤫"),
    _l("새로고침을 하거나 나갔다 와도 괜찮아요. 풀이는 사라지지 않아요 ☕"),
    _l("다 잘될 거예요, 얍! 🤗"),
    _l("해 뜨기 직전이 가장 어둡대요. 곧 밝아질 거예요 🌅"),
    _l("비 온 뒤에 땅이 굳는다잖아요. 우리 같이 단단해져요 🌱"),
    _l("신비로운 힘이 답을 준비하고 있어요 ✨"),
    _l("마음이 가라앉을 땐 맛있는 걸 먹으러 가요 🍰"),
    _l("정말로, 다 잘될 거예요!"),
)
ROTATE_SECONDS = 3

FAILURES = {
    ErrorKind.BUSY: _l("지금 리더가 너무 바빠서 답을 마치지 못했어요. 잠시 뒤 다시 시도해 주세요."),
    ErrorKind.REFUSED: _l("풀이 요청이 받아들여지지 않았어요. 잠시 뒤 다시 시도해 주세요."),
    ErrorKind.BLOCKED: _l("답변이 안전 기준에 걸려 멈췄어요. 고민을 조금 다르게 적어 새로 보거나, 다시 시도해 주세요."),
    ErrorKind.TIMEOUT: _l("답이 너무 오래 걸려서 멈췄어요. 다시 시도하면 금방 받아 볼 수 있을 거예요."),
    ErrorKind.NETWORK: _l("리더와의 연결이 끊겼어요. 다시 시도해 주세요."),
    ErrorKind.MALFORMED: _l("답변이 온전하지 않게 도착했어요. 다시 시도해 주세요."),
    ErrorKind.INTERNAL: _l("저희 쪽 문제로 풀이를 마치지 못했어요. 다시 시도해 주세요."),
}


def waiting_message(now=None):
    """The waiting line for this moment; it changes every few seconds."""
    index = int((now or time.time()) // ROTATE_SECONDS) % len(WAITING)
    return WAITING[index]


def failure_message(kind):
    return FAILURES.get(kind, FAILURES[ErrorKind.INTERNAL])
