"""Small server-side SVG charts for the profile page: no script, no network, Chinese labels.

Geometry is computed in Decimal like the money it draws (no float anywhere); the text is set in
the page's CJK font stack, so the system's fonts (e.g. Noto Sans CJK) render it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from budget_db.checks import format_money

PALETTE = ("#3b6ea8", "#e0893a", "#4f9a5b", "#b3474b", "#7a5ea8", "#8c7354", "#c86fa8", "#6f7f8c")
ROW_HEIGHT = 26
LABEL_WIDTH = 190
BAR_WIDTH = 360
VALUE_WIDTH = 110


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]  # one per category; None: not printed


def _px(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1")))


def _length(value: Decimal | None, largest: Decimal) -> Decimal:
    if not value or value < 0 or not largest:
        return Decimal(0)
    return value / largest * BAR_WIDTH


def _text(x, y, content: str, *, anchor: str = "start", size: int = 13, weight: str = "normal") -> str:
    return (f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" text-anchor="{anchor}" '
            f'dominant-baseline="middle">{escape(content)}</text>')


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
            f'<title>{escape(title)}</title>{_text(0, 12, title, size=15, weight="bold")}{"".join(body)}</svg>')


def bar_chart(title: str, items: list[tuple[str, Decimal | None]], unit: str = "万元") -> str:
    """Horizontal bars, one per (label, amount), longest = the largest amount."""
    return grouped_bar_chart(title, [label for label, _ in items], [Series(unit, tuple(v for _, v in items))],
                             unit, legend=False)


def grouped_bar_chart(title: str, categories: list[str], series: list[Series], unit: str = "万元", *,
                      legend: bool = True) -> str:
    """Per category one bar per series (e.g. two years side by side), with the amount beside each."""
    largest = max((v for s in series for v in s.values if v is not None), default=Decimal(0))
    top = 30 + (ROW_HEIGHT if legend else 0)
    group = ROW_HEIGHT * len(series) + 8
    body = []
    if legend:
        for index, s in enumerate(series):
            x = LABEL_WIDTH + index * 130
            body.append(f'<rect x="{x}" y="{top - 22}" width="12" height="12" fill="{PALETTE[index % len(PALETTE)]}"/>')
            body.append(_text(x + 18, top - 16, s.name, size=12))
    for row, category in enumerate(categories):
        y0 = top + row * group
        body.append(_text(LABEL_WIDTH - 8, y0 + group // 2 - 4, category, anchor="end"))
        for index, s in enumerate(series):
            value = s.values[row]
            y = y0 + index * ROW_HEIGHT
            length = _length(value, largest)
            body.append(f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{_px(length)}" height="{ROW_HEIGHT - 8}" '
                        f'fill="{PALETTE[index % len(PALETTE)]}"/>')
            shown = "—" if value is None else format_money(value)
            body.append(_text(_px(LABEL_WIDTH + length + 6), y + ROW_HEIGHT // 2 - 1, shown, size=12))
    height = top + group * len(categories) + 10
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    return _svg(width, height, f"{title}（{unit}）", body)
