"""A batch's PDF texts, read once: pairing reads a Jiangsu PDF whole (is it a narrative, or
tables?), and its parse would read it again (≈ 0.5 s a PDF). In a batch's parsing processes the
first read leaves the text in a folder the batch removes at its end; the parse takes it from there
(in the one process that reads a small batch, the same).
Keyed by the sha256 of the file's bytes: a file changed in between is read again."""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

_folder: Path | None = None  # set while a batch reads (budget_db.parsing)


def use(folder: str | Path | None) -> None:
    global _folder
    _folder = Path(folder) if folder else None


@contextmanager
def kept_in(folder: str | Path) -> Iterator[None]:
    """Keep texts in `folder` for the duration (a batch read in this process)."""
    previous = _folder
    use(folder)
    try:
        yield
    finally:
        use(previous)


def load(sha256: str, path: str):
    """The PdfText kept for these bytes (as read from `path`), or None."""
    if _folder is None:
        return None
    try:
        data = (_folder / sha256).read_bytes()
    except FileNotFoundError:
        return None
    return replace(pickle.loads(zlib.decompress(data)), path=path)


def keep(pdf) -> None:
    """Keep a PdfText for the rest of the batch (nothing outside a batch)."""
    if _folder is None:
        return
    with tempfile.NamedTemporaryFile(dir=_folder, delete=False) as file:
        file.write(zlib.compress(pickle.dumps(pdf, protocol=pickle.HIGHEST_PROTOCOL), 1))
    os.replace(file.name, _folder / pdf.sha256)  # whole or not at all, for a parse reading it
