"""目标值: a printed performance target read into operator, number and unit.

The printed text is always kept by the caller; this only says what it means where that is
clear. Kinds:
  numeric         one number, with an operator (≥ ≤ > < =; a bare number is '='), and a unit
  qualitative     no number (有所提升, 显著提升, 称职 …)
  compound        several numbers or a range (初任培训 2 次, 日常培训 1 次; 80-100 次): not
                  reduced to one number
  not_applicable  不适用 / 无
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

NUMERIC, QUALITATIVE, COMPOUND, NOT_APPLICABLE = "numeric", "qualitative", "compound", "not_applicable"
NOT_APPLICABLE_TEXTS = ("不适用", "无")

# What the PDF conversion left in place of the printed symbols.
_LATEX = (
    (r"\geqslant", "≥"), (r"\geq", "≥"), (r"\ge", "≥"),
    (r"\leqslant", "≤"), (r"\leq", "≤"), (r"\le", "≤"),
    (r"\gt", ">"), (r"\lt", "<"), (r"\%", "%"), ("$", ""),
)
# Full-width and look-alike characters. 》 stands where a '>' was printed (》3 年).
_CHARACTERS = str.maketrans({
    "＞": ">", "＜": "<", "＝": "=", "％": "%", "≧": "≥", "≦": "≤", "》": ">", "《": "<",
    "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7", "８": "8", "９": "9",
    "．": ".", "－": "-", "−": "-", "＋": "+",
})
_SYMBOLS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", ">": ">", "<": "<", "=": "="}
# Words before the number that say the comparison.
_OPERATOR_WORDS = (
    ("不低于", ">="), ("不少于", ">="), ("至少", ">="), ("达到", ">="),
    ("不高于", "<="), ("不超过", "<="), ("不多于", "<="), ("至多", "<="),
    ("大于", ">"), ("高于", ">"), ("超过", ">"), ("多于", ">"),
    ("小于", "<"), ("低于", "<"), ("少于", "<"),
)
# Words after the number (100 宗以上, 30 天以内).
_SUFFIX_WORDS = (("以上", ">="), ("以下", "<="), ("以内", "<="))
# A change rather than a level (降低 2%): the number is kept, no comparison is implied.
_CHANGE_WORDS = ("降低", "下降", "减少", "提高", "提升", "增长", "增加", "上升")

# Numbering the conversion left in front of a target: 1、18 人; 目标 1: 显著提升; 目标值：≥80%.
_ENUMERATION = re.compile(r"^(?:(?:目标值|目标\s*\d+|指标\s*\d+)\s*[:：]\s*|\d+\s*(?:、|[.](?![0-9]))\s*)")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_NUMERIC = re.compile(
    r"^(?P<prefix>[^0-9<>=≥≤]*?)\s*(?P<symbol>>=|<=|≥|≤|>|<|=)?\s*(?P<number>[-+]?[0-9]+(?:\.[0-9]+)?)\s*(?P<rest>.*)$"
)
_NOTE = re.compile(r"\s*[（(].*[）)]\s*$")
_TRAILING = " \t。；;，,、"


@dataclass(frozen=True)
class ParsedTarget:
    kind: str | None  # None when nothing is printed
    operator: str | None = None  # '>=', '<=', '>', '<', '='
    value: Decimal | None = None
    unit: str | None = None
    note: str | None = None  # what follows the unit, e.g. '（以当年实际在编民警数为准）'


def normalize(text: str) -> str:
    """LaTeX and full-width forms to plain symbols; spaces around them kept as printed."""
    for latex, plain in _LATEX:
        text = text.replace(latex, plain)
    return text.translate(_CHARACTERS).strip()


@lru_cache(maxsize=16384)  # targets repeat ('100%', '≥95%'); ParsedTarget is frozen
def parse_target(text: str | None) -> ParsedTarget:
    if text is None or not text.strip():
        return ParsedTarget(kind=None)
    plain = normalize(text)
    if plain.strip(_TRAILING) in NOT_APPLICABLE_TEXTS:
        return ParsedTarget(kind=NOT_APPLICABLE)
    plain = _ENUMERATION.sub("", plain).strip(_TRAILING)
    numbers = _NUMBER.findall(plain)
    if not numbers:
        return ParsedTarget(kind=QUALITATIVE)
    if len(numbers) > 1:
        return ParsedTarget(kind=COMPOUND)
    match = _NUMERIC.match(plain)
    if not match:  # pragma: no cover - one number always matches
        return ParsedTarget(kind=COMPOUND)
    prefix, rest = match["prefix"].strip(), match["rest"].strip()
    operator = _SYMBOLS.get(match["symbol"] or "")
    if operator is None:
        operator = next((op for word, op in _OPERATOR_WORDS if prefix.endswith(word)), None)
    for word, op in _SUFFIX_WORDS:
        if rest.endswith(word):
            rest = rest[: -len(word)].strip()
            operator = operator or op
    if operator is None and not any(word in prefix for word in _CHANGE_WORDS):
        operator = "="
    unit, note = _unit_and_note(rest)
    return ParsedTarget(kind=NUMERIC, operator=operator, value=Decimal(match["number"]), unit=unit, note=note)


def _unit_and_note(rest: str) -> tuple[str | None, str | None]:
    """'人（以当年实际在编民警数为准）' -> ('人', '（…）'); '%可用' -> ('%', '可用'); spaces dropped from the unit."""
    note = None
    found = _NOTE.search(rest)
    if found:
        rest, note = rest[: found.start()], found.group(0).strip()
    rest = re.sub(r"\s+", "", rest)
    if rest.startswith("%") and len(rest) > 1:
        rest, note = "%", rest[1:] + (note or "")
    return (rest or None), note
