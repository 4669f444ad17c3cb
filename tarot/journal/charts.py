"""Bar charts drawn as SVG on the server: numbers in, positions out.

No chart library: a chart is a few rectangles and labels. Horizontal bars are laid out in
percentages of the chart's width and rows of fixed height, so the same SVG fills a 320 px
phone and a desktop column while its text keeps its size (no viewBox: a user unit is a
CSS pixel). Every chart goes with a table of the same numbers
(tarot/templates/journal/_charts.html).
"""

from dataclasses import dataclass

# The longest bar takes this share of the width (percent); the rest holds its number.
BAR_AREA = 74.0
ROW_HEIGHT = 46  # px: a label line, then the bar
COLUMN_PLOT = 120  # px: the tallest column
COLUMN_GAP = 0.22  # of each column's slot


@dataclass(frozen=True)
class Bar:
    """One row of a horizontal bar chart."""

    label: str
    value: float
    text: str  # the value as the chart and the table say it: "12", "31%"
    length: float  # percent of the chart's width
    y: int  # px, top of the row
    expected: float | None = None  # percent of the width where a fair deck would reach
    expected_text: str = ""
    href: str | None = None

    @property
    def text_x(self):
        """Where the bar's number starts (percent): past the bar and past its marker."""
        return max(self.length, self.expected or 0)


@dataclass(frozen=True)
class Column:
    """One column of a vertical bar chart (a month)."""

    label: str
    note: str  # a second line under some labels (the year)
    value: int
    x: float  # percent, the column's left edge
    width: float  # percent
    height: float  # px
    full_label: str  # for the table: "2026년 3월"

    @property
    def center(self):
        return round(self.x + self.width / 2, 3)


def bars(items):
    """Bars for ``items``: dicts with label, value, text and optionally expected, expected_text, href.

    Lengths are scaled so the largest value (or expected share) fills BAR_AREA.
    """
    items = list(items)
    top = max([item["value"] for item in items] + [item.get("expected") or 0 for item in items] + [0])
    scale = BAR_AREA / top if top else 0
    result = []
    for index, item in enumerate(items):
        expected = item.get("expected")
        result.append(Bar(
            label=item["label"], value=item["value"], text=item["text"],
            length=round(item["value"] * scale, 2), y=index * ROW_HEIGHT,
            expected=round(expected * scale, 2) if expected is not None else None,
            expected_text=item.get("expected_text", ""), href=item.get("href"),
        ))
    return result


def columns(items):
    """Columns for ``items``: dicts with label, note, value, full_label, spread evenly."""
    items = list(items)
    top = max([item["value"] for item in items] + [0])
    slot = 100 / len(items) if items else 0
    return [
        Column(
            label=item["label"], note=item.get("note", ""), value=item["value"],
            x=round(index * slot + slot * COLUMN_GAP / 2, 3), width=round(slot * (1 - COLUMN_GAP), 3),
            height=round(item["value"] / top * COLUMN_PLOT, 1) if top else 0,
            full_label=item["full_label"],
        )
        for index, item in enumerate(items)
    ]
