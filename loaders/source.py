"""Reading a report file: bytes -> text, refusing what is not text at all.

A PDF (recognised by its first bytes, whatever its name) is read by loaders.pdf into the
lines a text conversion gives, each with its page and row (SourceText.line_sources).

Encodings: a BOM decides (UTF-8, UTF-16 LE/BE); without one, UTF-8, then GB18030 (a superset
of GBK/GB2312, the usual encoding of Chinese text files). `encoding=` overrides detection.
Line ends LF, CRLF and CR all become LF; line numbers stay those of the file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import ReportError

_HTML = re.compile(r"^\s*(<!doctype\s+html|<html|<\?xml|<head|<body|<!--)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
PDF_MAGIC = b"%PDF-"
# Formats people save next to the text by mistake, recognised by their first bytes.
_MAGIC = (
    (PDF_MAGIC, "a PDF (load the .pdf file itself)"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
)
# A UTF-8 file with this many non-ASCII characters before its first bad byte is UTF-8 with a
# damaged byte, not GBK: GBK text does not form that many valid UTF-8 sequences by chance.
_UTF8_EVIDENCE = 4
# C0 control characters other than TAB, LF, VT, FF, CR do not occur in converted text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


def _mostly_control(head) -> bool:
    pattern = _CONTROL_BYTES if isinstance(head, bytes) else _CONTROL
    return len(pattern.findall(head)) > max(2, len(head) // 200)


@dataclass(frozen=True)
class SourceText:
    path: str
    text: str
    sha256: str  # of the file's bytes
    encoding: str  # "pdf" for a PDF
    # Per line of `text` (1-based line n at n - 1): where a PDF prints it (loaders.pdf.PdfLine:
    # page, table, row). Empty for text input.
    line_sources: tuple = ()


def _is_wide(encoding: str | None) -> bool:
    """UTF-16/32 text has NUL bytes by design."""
    try:
        return bool(encoding) and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _bad_byte(data: bytes, error: UnicodeDecodeError) -> str:
    return f"invalid byte 0x{data[error.start]:02x} at offset {error.start}"


def _decode(data: bytes, encoding: str | None, where: str) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise ReportError(f"unknown encoding {encoding!r}", where=where) from exc
        except UnicodeDecodeError as exc:
            raise ReportError(f"cannot decode as {encoding}: {_bad_byte(data, exc)}", where=where) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise ReportError(f"cannot decode as {name} (the file starts with its BOM): "
                                  f"{_bad_byte(data, exc)}", where=where) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    prefix = data[:utf8_error.start].decode("utf-8")
    if sum(ord(c) > 0x7F for c in prefix) >= _UTF8_EVIDENCE:
        raise ReportError(f"cannot decode as utf-8: {_bad_byte(data, utf8_error)} "
                          "(the text before it is UTF-8; --encoding forces another)", where=where)
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ReportError(f"cannot decode as utf-8 ({_bad_byte(data, utf8_error)}) "
                          f"or gb18030 ({_bad_byte(data, exc)}); --encoding names another", where=where) from exc


def decode_bytes(data: bytes, where: str, *, encoding: str | None = None) -> SourceText:
    if not data.strip():
        raise ReportError("the file is empty", where=where)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReportError(f"the file is binary: {what}", where=where)
    if not (data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _is_wide(encoding)):
        if b"\x00" in data[:8192]:
            raise ReportError("the file is binary (it contains NUL bytes), not text", where=where)
        if _mostly_control(data[:8192]):
            raise ReportError("the file is binary (it contains control bytes), not text", where=where)
    text, used = _decode(data, encoding, where)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ReportError("the file is empty", where=where)
    head = text[:8192]
    if _mostly_control(head):
        raise ReportError(f"the file is binary (control characters when read as {used}), not text", where=where)
    if _HTML.match(head):
        raise ReportError("the file is an HTML/XML page, not a report converted to text", where=where)
    # CRLF and lone CR line ends become LF; the line numbers stay those of the file.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path=where, text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=used)


DEFAULT_MAX_BYTES = 50 * 2**20
MB = 2**20


def _folder_problem(path: Path) -> str:
    try:
        with os.scandir(path):
            return "a folder, not a file"
    except OSError as exc:
        return f"cannot read the folder: {exc.strerror}; the files in it are not loaded"


def open_input(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES):
    """The file opened for reading, or a ReportError saying what the path is instead: a dangling
    link, a FIFO (never waited on), a folder that cannot be read, a file over the size limit."""
    path, where = Path(path), str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it changes nothing for files).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise ReportError(f"a dangling link: its target {os.readlink(path)} does not exist", where=where) from exc
        raise ReportError("the file does not exist (any more)", where=where) from exc
    except OSError as exc:
        if path.is_dir():
            raise ReportError(_folder_problem(path), where=where) from exc
        raise ReportError(f"cannot read the file: {exc.strerror or exc}", where=where) from exc
    mode, size = (status := os.fstat(fd)).st_mode, status.st_size
    problem = None
    if stat.S_ISDIR(mode):
        problem = _folder_problem(path)
    elif stat.S_ISFIFO(mode):
        problem = "a FIFO (named pipe), not a file: nothing was read from it"
    elif not stat.S_ISREG(mode):
        problem = "not a regular file (a socket or a device)"
    elif size > max_bytes:
        problem = f"the file is {size / MB:,.1f} MB, over the limit of {max_bytes / MB:.3g} MB (--max-size)"
    if problem:
        os.close(fd)
        raise ReportError(problem, where=where)
    return os.fdopen(fd, "rb")


def read_source(path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                keep_pdf_text: bool = False) -> SourceText:
    """The file's text, decoded (a PDF's: its text layer; `keep_pdf_text`: see loaders.pdf.cache)."""
    try:
        with open_input(path, max_bytes) as file:
            data = file.read(max_bytes + 1)
    except OSError as exc:
        raise ReportError(f"cannot read the file: {exc.strerror or exc}", where=str(path)) from exc
    if len(data) > max_bytes:  # it grew after it was opened
        raise ReportError(f"the file is over the limit of {max_bytes / MB:.3g} MB (--max-size)", where=str(path))
    if data.startswith(PDF_MAGIC):
        from loaders.pdf import read_pdf  # pdfplumber loads only for PDFs

        pdf = read_pdf(path, data=data, keep=keep_pdf_text)
        return SourceText(path=str(path), text=pdf.text, sha256=pdf.sha256, encoding="pdf", line_sources=pdf.lines)
    return decode_bytes(data, str(path), encoding=encoding)
