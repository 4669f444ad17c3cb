"""The words around the numbers: chart rows for /archive/stats, and what the export page needs."""

import base64
import hashlib
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton
from flask import current_app, url_for
from flask_babel import format_date, format_number, format_percent, get_locale

from ..i18n import current_lang
from ..i18n import gettext as _
from .charts import bars, columns
from .stats import EXPECTED_REVERSED

# Month labels under the columns, and the month as the table says it: CLDR skeletons, so
# each language writes them its own way ("12월" / "Dec", "2026년 12월" / "December 2026").
MONTH_SKELETONS = ("MMM", "yMMMM")
EXPORT_CSS = Path(__file__).resolve().parent.parent / "static" / "css" / "journal-export.css"


def _percent(share):
    return format_percent(share, "#,##0%")


def _card_bars(entries, lang):
    return bars(
        {"label": entry.card.name(lang), "value": entry.drawn, "text": format_number(entry.drawn),
         "href": url_for("archive.index", card=entry.card.slug)}
        for entry in entries
    )


def _share_bars(groups):
    return bars(
        {"label": group.label, "value": group.share, "text": _percent(group.share),
         "expected": group.expected, "expected_text": _percent(group.expected)}
        for group in groups
    )


def _orientation_bars(numbers):
    reversed_share = numbers.reversed_share
    shares = [(_("정방향"), 1 - reversed_share, 1 - EXPECTED_REVERSED), (_("역방향"), reversed_share, EXPECTED_REVERSED)]
    return bars(
        {"label": label, "value": share, "text": _percent(share),
         "expected": expected, "expected_text": _percent(expected)}
        for label, share, expected in shares
    )


def _month_columns(months):
    short, full = MONTH_SKELETONS
    locale = get_locale()
    return columns(
        {"label": format_skeleton(short, start, locale=locale), "value": count,
         "full_label": format_skeleton(full, start, locale=locale),
         "note": format_date(start, "yyyy") if index == 0 or start.month == 1 else ""}
        for index, (start, count) in enumerate(months)
    )


def stats_charts(numbers):
    """The charts of /archive/stats, each a list of bars (or columns) in the page's language."""
    lang = current_lang()
    return {
        "top": _card_bars(numbers.top, lang),
        "groups": _share_bars(numbers.groups),
        "orientation": _orientation_bars(numbers),
        "topics": bars(
            {"label": label, "value": count, "text": format_number(count),
             "href": url_for("archive.index", topic=key)}
            for key, label, count in numbers.topics
        ),
        "months": _month_columns(numbers.months),
    }


@lru_cache(maxsize=1)
def _read_style(path):
    css = Path(path).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return css, digest


def export_style():
    """(css, sha-256 in base64): the export page's own stylesheet, inlined so the saved file
    needs nothing else, and its hash for the response's Content-Security-Policy."""
    return _read_style(str(EXPORT_CSS))


def today_in_seoul():
    """Today's date where the site keeps its calendar (BABEL_DEFAULT_TIMEZONE)."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return datetime.now(UTC).astimezone(zone).date()
