"""A fake Gemini API on 127.0.0.1 that speaks the REST protocol google-genai uses.

It serves ``POST /<version>/models/<model>:generateContent`` and
``:streamGenerateContent?alt=sse`` (version v1 or v1beta; other paths are 404). Each request takes the next scripted behaviour from
``script`` (the last one repeats): a streamed answer, an HTTP error, a hang, a dropped
connection, a safety block or garbage. Every request is recorded for assertions, and
``fake.sent()`` reads one back as the client sent it (generation config, system
instruction, the user's JSON).

Like the real API, thinking tokens count against ``maxOutputTokens``: an answer scripted
with ``thoughts`` spends that many tokens thinking (at most the request's
``thinkingBudget``; none when it is 0), then its text at one token per character (the worst
case for Korean). When the two do not fit, the text is cut where the room ends and the
stream finishes with MAX_TOKENS.
"""

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """Stream ``chunks`` of text, waiting ``first_delay`` then ``delay`` between chunks.

    The last chunk carries ``finish`` as its finish reason ("" sends none).
    """

    chunks: list
    first_delay: float = 0.0
    delay: float = 0.0
    finish: str = "STOP"
    thoughts: int = 0  # tokens the model thinks when its budget allows


@dataclass
class Error:
    code: int
    status: str = "INTERNAL"
    message: str = "fake error"


@dataclass
class Hang:
    seconds: float = 30.0


@dataclass
class Drop:
    """Send ``chunks`` and then cut the connection without ending the stream."""

    chunks: list = field(default_factory=lambda: ["[[greeting]]\n안녕하세요, "])


@dataclass
class Blocked:
    """A safety block: in the prompt feedback, or as the candidate's finish reason."""

    where: str = "prompt"


@dataclass
class Garbage:
    body: str = "data: {not json at all\r\n\r\n"


METHOD = re.compile(r"/v1(?:beta)?/models/[\w.-]+:(generateContent|streamGenerateContent\?alt=sse)")

SIX_PART_ANSWER = [
    "[[greeting]]\n안녕하세요, 오늘도 와 주셨네요. ",
    "차 한 잔 하면서 천천히 볼게요.\n\n[[past]]\n과거 자리의 카드는 지나온 시간을 말해요. ",
    "그때의 선택이 지금을 만들었어요.\n\n[[present]]\n지금은 마음을 정리하는 때예요.\n\n",
    "[[future]]\n앞으로는 천천히 길이 열릴 거예요.\n\n[[advice]]\n오늘 작은 일부터 시작해 보세요.\n\n",
    "[[conclusion]]\n다 잘될 거예요. 또 들러 주세요.",
]


@dataclass
class Sent:
    """One recorded request, read as the SDK sent it."""

    path: str
    headers: dict
    body: dict

    @property
    def generation_config(self):
        return self.body.get("generationConfig", {})

    @property
    def system(self):
        return "".join(part["text"] for part in self.body["systemInstruction"]["parts"])

    @property
    def user_text(self):
        (content,) = self.body["contents"]
        return "".join(part["text"] for part in content["parts"])

    @property
    def data(self):
        """The user message parsed as JSON (the reading as quoted data)."""
        return json.loads(self.user_text)


def proto_field(message, name):
    """A field of a JSON-encoded protobuf message, which the API accepts under its
    lowerCamelCase name or its original snake_case name (the SDK sends some of each)."""
    camel = re.sub(r"_(\w)", lambda m: m.group(1).upper(), name)
    return message.get(camel, message.get(name))


def _spent_thinking(answer, config):
    budget = proto_field(proto_field(config, "thinking_config") or {}, "thinking_budget")
    if budget is None or budget < 0:
        return min(answer.thoughts, 8192)  # the 2.5 models' dynamic ceiling
    return min(answer.thoughts, budget)


def fit_to_room(answer, config):
    """(chunks, finish, thought tokens) as the model would stream them under ``config``."""
    thinking = _spent_thinking(answer, config)
    room = (proto_field(config, "max_output_tokens") or 8192) - thinking
    chunks, used = [], 0
    for text in answer.chunks:
        if used + len(text) > room:
            chunks.append(text[: max(room - used, 0)])
            return chunks, "MAX_TOKENS", thinking
        chunks.append(text)
        used += len(text)
    return chunks, answer.finish, thinking


class FakeGemini:
    """Run with ``with FakeGemini() as fake:``; point GEMINI_BASE_URL at ``fake.url``."""

    def __init__(self, script=None):
        self.script = list(script or [Answer(SIX_PART_ANSWER)])
        self.requests = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    def sent(self, index=-1):
        """Request ``index`` (the last by default) as a :class:`Sent`."""
        request = self.requests[index]
        return Sent(request["path"], request["headers"], request["body"])

    def next_behaviour(self):
        with self._lock:
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]

    def _handler(fake):  # noqa: N805 - the handler closes over the fake
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "body": body, "at": time.monotonic()}
                )
                method = METHOD.fullmatch(self.path)
                if not method:
                    return self._error(Error(404, "NOT_FOUND", f"no method at {self.path}"))
                if not self.headers.get("x-goog-api-key"):
                    return self._error(Error(401, "UNAUTHENTICATED", "API key missing"))
                behaviour = fake.next_behaviour()
                streaming = method[1] != "generateContent"
                if isinstance(behaviour, Error):
                    return self._error(behaviour)
                if isinstance(behaviour, Hang):
                    time.sleep(behaviour.seconds)
                    return self._error(Error(504, "DEADLINE_EXCEEDED"))
                if isinstance(behaviour, Blocked):
                    if behaviour.where == "prompt":
                        payload = {"promptFeedback": {"blockReason": "SAFETY"}}
                    else:
                        payload = {"candidates": [{"finishReason": "SAFETY", "index": 0}]}
                    return self._events([payload]) if streaming else self._json(payload)
                if isinstance(behaviour, Garbage):
                    return self._raw(behaviour.body)
                if isinstance(behaviour, Drop):
                    self._start_stream()
                    for text in behaviour.chunks:
                        self._send_event(_chunk(text))
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    self.close_connection = True
                    return None
                chunks, finish, thoughts = fit_to_room(behaviour, body.get("generationConfig", {}))
                if streaming:
                    return self._stream(behaviour, chunks, finish, thoughts)
                time.sleep(behaviour.first_delay)
                return self._json(_chunk("".join(chunks), finish=finish, thoughts=thoughts))

            def _error(self, error):
                data = json.dumps(
                    {"error": {"code": error.code, "message": error.message, "status": error.status}}
                ).encode()
                self.send_response(error.code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _json(self, payload):
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _raw(self, text):
                self._start_stream()
                self._send_chunk(text.encode())
                self._end_stream()

            # Like Google's servers, streams use chunked transfer encoding, so a connection
            # cut before the final empty chunk is an incomplete response, not a short one.
            def _start_stream(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()

            def _send_chunk(self, data):
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()

            def _end_stream(self):
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

            def _send_event(self, payload):
                self._send_chunk(b"data: " + json.dumps(payload, ensure_ascii=False).encode() + b"\r\n\r\n")

            def _events(self, payloads):
                self._start_stream()
                for payload in payloads:
                    self._send_event(payload)
                self._end_stream()

            def _stream(self, answer, chunks, finish, thoughts):
                self._start_stream()
                time.sleep(answer.first_delay)
                for index, text in enumerate(chunks):
                    if index:
                        time.sleep(answer.delay)
                    last = index == len(chunks) - 1
                    self._send_event(_chunk(text, finish=finish if last else "", thoughts=thoughts))
                self._end_stream()

        return Handler


def _chunk(text, finish="", thoughts=0):
    candidate = {"content": {"parts": [{"text": text}], "role": "model"}, "index": 0}
    if finish:
        candidate["finishReason"] = finish
    usage = {"promptTokenCount": 10, "candidatesTokenCount": len(text)}
    if thoughts:
        usage["thoughtsTokenCount"] = thoughts
    return {"candidates": [candidate], "usageMetadata": usage, "modelVersion": "gemini-2.5-flash"}
