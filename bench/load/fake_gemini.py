"""The fake Gemini as its own process, streaming realistic answers for the load bench.

Each request gets a six-part Korean answer of about 1,500 characters in ~60 chunks,
spread over a random 5–20 s (first token after 1–3 s), like a real model's stream.

    python bench/load/fake_gemini.py --port 8600
"""

import argparse
import random
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fakes.gemini import Answer, FakeGemini  # noqa: E402

PARTS = {
    "greeting": "안녕하세요, 오늘도 와 주셔서 반가워요. 따뜻한 밀크티 한 잔 옆에 두고 천천히 카드를 읽어 볼게요. ",
    "past": "과거 자리의 카드는 지나온 시간이 생각보다 단단한 바탕이 되었다고 말해요. 그때의 선택이 지금의 마음을 만들었어요. ",
    "present": "현재 자리의 카드는 마음이 조금 흔들리지만 방향은 이미 잡혀 있다고 알려 줘요. 지금은 숨을 고르는 때예요. ",
    "future": "미래 자리의 카드는 서두르지 않으면 길이 자연스럽게 열릴 가능성을 보여 줘요. 작은 신호를 놓치지 마세요. ",
    "advice": "두 장의 조언 카드는 오늘 할 수 있는 작은 일 하나부터 시작하라고 해요. 마음을 글로 적어 보는 것도 좋아요. ",
    "conclusion": "다섯 장을 모아 보면, 지금의 고민은 잘 지나갈 거예요. 스스로를 믿고 한 걸음씩 나아가 보세요. ",
}


def realistic_answer(rng):
    text = "".join(f"[[{key}]]\n{body * 4}\n\n" for key, body in PARTS.items())
    pieces = max(20, len(text) // 25)
    size = -(-len(text) // pieces)
    chunks = [text[i:i + size] for i in range(0, len(text), size)]
    total = rng.uniform(5, 20)
    first = rng.uniform(1, 3)
    return Answer(chunks, first_delay=first, delay=(total - first) / max(1, len(chunks) - 1))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512  # hundreds of readings open their streams at once


class RealisticGemini(FakeGemini):
    """A FakeGemini whose every answer has its own random length in time."""

    def __init__(self, seed=None):
        super().__init__()
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.served = 0

    def next_behaviour(self):
        with self.lock:
            self.served += 1
            return realistic_answer(self.rng)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8600)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    fake = RealisticGemini(args.seed)
    fake._server.server_close()  # the parent listens on a random port: take the asked one
    fake._server = _Server(("127.0.0.1", args.port), fake._handler())
    print(f"fake Gemini on http://127.0.0.1:{args.port}", flush=True)
    with fake:
        try:
            while True:
                time.sleep(60)
                print(f"answers started: {fake.served}", flush=True)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
