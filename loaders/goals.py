"""Goal cells of 表14 and 表15: `<p>` markup left by the conversion, and numbered goals."""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.grid import clean_text

_PARAGRAPH_BREAK = re.compile(r"</p\s*>\s*<p[^>]*>|<br\s*/?>", re.IGNORECASE)
_MARKUP = re.compile(r"</?p[^>]*>", re.IGNORECASE)
# 目标 N needs its separator (a line wrap may glue it to the previous goal); a bare N、 needs a gap.
_GOAL_MARKER = r"目标\s*{n}(?!\d)\s*(?:[:：、]|[.．](?!\d))"
_NUMBER_MARKER = r"(?:^|(?<=[\s;；。.,，!！]))(?<!\d){n}(?!\d)\s*[、:：]"
_MARKER_END = re.compile(r"\s*[:：.．、]$")
_GOAL_LABEL = re.compile(r"^目标\s*[:：]\s*")


@lru_cache(maxsize=256)  # each goal number's pattern built once, not formatted and looked up in re's cache per call
def _marker(template: str, number: int) -> re.Pattern:
    return re.compile(template.format(n=number))


def paragraphs(cell: str) -> list[str]:
    """A cell's text without `<p>` markup, one item per paragraph."""
    parts = _PARAGRAPH_BREAK.split(cell)
    return [text for part in parts if (text := clean_text(_MARKUP.sub("", part)))]


def split_goals(text: str) -> list[tuple[str | None, str]]:
    """Numbered goals (目标 1：…, 1、…) as (printed marker, goal text); paragraphs count as goals."""
    goals: list[tuple[str | None, str]] = []
    for paragraph in paragraphs(text):
        goals.extend(_numbered(paragraph, len(goals) + 1))
    return goals


def _numbered(text: str, first: int) -> list[tuple[str | None, str]]:
    """Split at markers numbered first, first+1, … in order; the markers must follow each other."""
    for template in (_GOAL_MARKER, _NUMBER_MARKER):
        starts = []
        position, number = 0, first
        while True:
            match = _marker(template, number).search(text, position)
            if not match:
                break
            starts.append(match)
            position, number = match.end(), number + 1
        if not starts and first > 1:
            # Later paragraphs restart at 目标 1 only if they carry their own numbers.
            continue
        if starts and starts[0].start() == 0:
            pieces = []
            for index, match in enumerate(starts):
                end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
                goal = text[match.end():end].strip().rstrip(";；,， ").strip()
                marker = _MARKER_END.sub("", match.group(0).strip())
                pieces.append((marker, goal))
            return pieces
    plain = _GOAL_LABEL.sub("", text)
    return [(None, plain.rstrip(";；,， ").strip())]
