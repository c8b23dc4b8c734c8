"""Text from reports and from the command line, made safe to print.

Report text is stored verbatim, but a cell holding an ESC sequence (or a bidi override that
reorders what follows it) must not drive the terminal: printed, such characters are escaped
as \\x1b, \\u202e …. Messages are one line, of bounded length.
"""

from __future__ import annotations

import json
import re

from loaders.errors import shorten

MESSAGE_LIMIT = 5000  # a path may be 4,096 bytes long
# C0 and C1 control characters, DEL, and the bidi controls.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    return _UNSAFE.sub(_escape, text)


def one_line(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """A message for the terminal: control characters (newlines too) escaped, at most `limit` long."""
    return shorten(printable(text), limit)


# What json.dumps leaves raw: DEL, C1 and the bidi controls (it escapes C0 itself).
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def json_text(document, indent: int | None = None) -> str:
    """JSON (one line unless indented), the same data, with no raw control character: those
    json.dumps leaves are written as \\uXXXX (they can only be inside strings)."""
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
