"""Reading a report file: bytes -> text, refusing what is not text at all."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import ReportError

_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html|<\?xml|<head|<body)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class SourceText:
    path: str
    text: str
    sha256: str  # of the file's bytes
    encoding: str


def _decode(data: bytes, encoding: str | None, where: str) -> tuple[str, str]:
    if encoding:
        candidates = [encoding]
    else:
        candidates = [name for bom, name in _BOMS if data.startswith(bom)] or ["utf-8", "gb18030"]
    error: UnicodeDecodeError | None = None
    for name in candidates:
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            error = error or exc
        except LookupError as exc:
            raise ReportError(f"unknown encoding {name!r}", where=where) from exc
    assert error is not None
    raise ReportError(
        f"cannot decode as {' or '.join(candidates)}: invalid byte at offset {error.start}", where=where
    )


def decode_bytes(data: bytes, where: str, *, encoding: str | None = None) -> SourceText:
    if not data.strip():
        raise ReportError("the file is empty", where=where)
    if _HTML.match(data[:1024].lstrip(codecs.BOM_UTF8)):
        raise ReportError("the file is an HTML/XML page, not a report converted to text", where=where)
    has_utf16_bom = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in data[:8192] and not has_utf16_bom and not (encoding or "").lower().startswith("utf-16"):
        raise ReportError("the file is binary (it contains NUL bytes), not text", where=where)
    text, used = _decode(data, encoding, where)
    # CRLF and lone CR line ends become LF; the line numbers stay those of the file.
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return SourceText(path=where, text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=used)


def read_source(path: str | Path, *, encoding: str | None = None) -> SourceText:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"cannot read the file: {exc.strerror}", where=str(path)) from exc
    return decode_bytes(data, str(path), encoding=encoding)
