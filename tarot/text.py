"""Turning outside text (the model's answer, users' words) into safe HTML."""

import re
import unicodedata

from markupsafe import Markup, escape

_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def paragraphs(text):
    """Escape text and wrap its blank-line-separated paragraphs in <p>; keep line breaks.

    Markdown bold that a model slips in is turned into <strong>, which is safe because the
    text was escaped first; nothing else of the text becomes markup.
    """
    if not text:
        return Markup("")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", str(text).strip()) if b.strip()]
    html = []
    for block in blocks:
        safe = str(escape(block))
        safe = _EMPHASIS.sub(r"<strong>\2</strong>", safe)
        html.append("<p>" + safe.replace("\n", "<br>") + "</p>")
    return Markup("\n".join(html))  # noqa: S704 - every block was escaped above


def normalize_user_text(raw):
    """What a person typed, as stored: NFC, one kind of newline, no surrounding blanks."""
    return unicodedata.normalize("NFC", (raw or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def has_invisible_characters(text):
    """True when ``text`` holds control, format or private-use characters (tabs and newlines aside)."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in "\n\t" for ch in text)


def init_app(app):
    app.jinja_env.filters["paragraphs"] = paragraphs
