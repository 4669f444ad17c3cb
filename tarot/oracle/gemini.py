"""The Gemini interpreter (google-genai), streaming."""

import functools
import time

import httpx
from google import genai
from google.genai import errors, types

from . import ErrorKind, InterpretationError
from . import prompt as reading_prompt

try:  # google-genai may talk through httpx2 as well as httpx
    import httpx2

    _TRANSPORT_ERRORS = (httpx.TransportError, httpx2.TransportError)
except ImportError:  # pragma: no cover - depends on the installed SDK
    _TRANSPORT_ERRORS = (httpx.TransportError,)

_SAFETY = [
    types.SafetySetting(category=category, threshold=types.HarmBlockThreshold.BLOCK_ONLY_HIGH)
    for category in (
        types.HarmCategory.HARM_CATEGORY_HARASSMENT,
        types.HarmCategory.HARM_CATEGORY_HATE_SPEECH,
        types.HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
        types.HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT,
    )
]
_BLOCKING_FINISH = {"SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION"}

# Room for the answer itself. A complete six-part answer is asked to be 1,200-2,000 Korean
# characters (350-550 English words, about 750 tokens). Even at one token per Korean
# character (Gemini's tokenizer usually needs fewer), 2,000 characters are 2,000 tokens;
# twice that leaves room for an answer that runs long and for the six markers.
ANSWER_TOKENS = 4096
# Thinking tokens count against max_output_tokens. With no budget set (or -1, "dynamic"),
# Gemini 2.5 models think up to 8,192 tokens, so that much more room is left for them.
DEFAULT_THINKING_TOKENS = 8192


def output_tokens(thinking_budget):
    """max_output_tokens for a thinking budget: the answer's room plus the thinking's."""
    if thinking_budget is None or thinking_budget < 0:
        return ANSWER_TOKENS + DEFAULT_THINKING_TOKENS
    return ANSWER_TOKENS + thinking_budget


def default_thinking_budget(model):
    """The thinking budget when GEMINI_THINKING_BUDGET is unset: 0 (no thinking) for Flash
    models, where thinking delays the first words of a reading and risks MAX_TOKENS; None
    (send no budget: the model's own default) for the others, some of which cannot switch
    thinking off."""
    return 0 if "flash" in model.lower() else None


def classify_api_error(exc):
    """Map an SDK APIError to an InterpretationError."""
    code = getattr(exc, "code", None) or 0
    if code == 429 or code >= 500:
        return InterpretationError(ErrorKind.BUSY, f"Gemini answered {code}", transient=True)
    if code == 408:
        return InterpretationError(ErrorKind.TIMEOUT, "Gemini timed out", transient=True)
    return InterpretationError(ErrorKind.REFUSED, f"Gemini refused the request ({code})")


@functools.lru_cache(maxsize=4)
def _client(api_key, base_url, timeout):
    """A shared SDK client per configuration.

    Making one loads the CA certificates twice (about 100 ms of CPU, holding the GIL), so
    jobs share it; its httpx client may be shared between threads.
    """
    http_options = types.HttpOptions(
        base_url=base_url,
        timeout=int(timeout * 1000),
        # The job retries with its own backoff; the SDK must not retry underneath it.
        retry_options=types.HttpRetryOptions(attempts=1),
    )
    return genai.Client(api_key=api_key, http_options=http_options)


class GeminiInterpreter:
    """Streams a reading from Gemini. One instance per job, on a shared SDK client.

    ``prompt`` is the module that words the request (``system_instruction(request)`` and
    ``user_content(request)``): the reading's by default; a follow-up question has its own.
    """

    name = "gemini"

    def __init__(self, api_key, model, base_url=None, timeout=60, thinking_budget=None, prompt=None):
        self.model = model
        # What is asked: system_instruction(request) and user_content(request) of a reading,
        # or of another kind of answer (the daily card's note, tarot/oracle/daily.py).
        self.prompt = prompt or reading_prompt
        self.timeout = timeout
        self.thinking_budget = (
            default_thinking_budget(model) if thinking_budget is None else thinking_budget
        )
        self.client = _client(api_key, base_url, timeout)

    @classmethod
    def from_config(cls, config, prompt=None):
        return cls(
            prompt=prompt,
            api_key=config["GEMINI_API_KEY"],
            model=config["GEMINI_MODEL"],
            base_url=config.get("GEMINI_BASE_URL"),
            timeout=config.get("GEMINI_TIMEOUT", 60),
            thinking_budget=config.get("GEMINI_THINKING_BUDGET"),
        )

    def _config(self, request):
        thinking = None
        if self.thinking_budget is not None:
            thinking = types.ThinkingConfig(thinking_budget=self.thinking_budget)
        return types.GenerateContentConfig(
            system_instruction=self.prompt.system_instruction(request),
            temperature=0.8,
            top_p=0.95,
            max_output_tokens=output_tokens(self.thinking_budget),
            thinking_config=thinking,
            safety_settings=_SAFETY,
        )

    def stream(self, request):
        """Yield the answer's text as Gemini writes it."""
        deadline = time.monotonic() + self.timeout * 2
        try:
            chunks = self.client.models.generate_content_stream(
                model=self.model, contents=self.prompt.user_content(request),
                config=self._config(request),
            )
            produced = False
            finish = ""
            for chunk in chunks:
                self._check_blocked(chunk)
                finish = _finish_reason(chunk) or finish
                text = chunk.text or ""
                if text:
                    produced = True
                    yield text
                if time.monotonic() > deadline:
                    raise InterpretationError(ErrorKind.TIMEOUT, "answer took too long", transient=True)
            if not produced:
                raise InterpretationError(ErrorKind.MALFORMED, "empty answer", transient=True)
            # Gemini ends every complete stream with a finish reason; without one the
            # answer was cut off, and MAX_TOKENS means it ran out of room mid-sentence.
            if not finish:
                raise InterpretationError(ErrorKind.NETWORK, "the stream ended early", transient=True)
            if finish == "MAX_TOKENS":
                raise InterpretationError(ErrorKind.MALFORMED, "the answer hit the token limit", transient=True)
        except errors.APIError as exc:
            raise classify_api_error(exc) from exc
        except httpx.TimeoutException as exc:
            raise InterpretationError(ErrorKind.TIMEOUT, str(exc), transient=True) from exc
        except _TRANSPORT_ERRORS as exc:
            kind = ErrorKind.TIMEOUT if "Timeout" in type(exc).__name__ else ErrorKind.NETWORK
            raise InterpretationError(kind, str(exc) or type(exc).__name__, transient=True) from exc
        except ValueError as exc:  # a stream the SDK could not decode
            raise InterpretationError(ErrorKind.MALFORMED, str(exc), transient=True) from exc

    @staticmethod
    def _check_blocked(chunk):
        feedback = getattr(chunk, "prompt_feedback", None)
        if feedback is not None and getattr(feedback, "block_reason", None):
            raise InterpretationError(ErrorKind.BLOCKED, f"prompt blocked: {feedback.block_reason}")
        name = _finish_reason(chunk)
        if name in _BLOCKING_FINISH:
            raise InterpretationError(ErrorKind.BLOCKED, f"answer blocked: {name}")


def _finish_reason(chunk):
    """The first candidate's finish reason as a name ("STOP", "SAFETY" …), or ""."""
    for candidate in chunk.candidates or ():
        reason = getattr(candidate, "finish_reason", None)
        if reason:
            return getattr(reason, "name", None) or str(reason)
    return ""
