"""Which files a load takes: files, folders searched for patterns, and globs, each once, in order."""

from __future__ import annotations

import glob as globbing
import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from budget_db.terminal import one_line

DEFAULT_GLOBS = ("*.txt", "*.pdf")  # report text files and published PDFs
_GLOB_CHARS = frozenset("*?[")


class UsageError(ValueError):
    """A path argument that names nothing (exit code 2)."""


def check_pattern(pattern: str) -> None:
    """A --glob names files inside the folders given: not a path of its own, nothing above them."""
    if not pattern or os.path.isabs(pattern) or ".." in PurePosixPath(pattern).parts:
        raise UsageError(f"--glob takes a file name pattern such as '*.txt' (matched inside the folders), "
                         f"not a path: {one_line(repr(pattern), 300)}")


def _walk(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    """Every entry below `folder` matching one of `patterns` that is not a folder (files, FIFOs,
    links: the reader says what each is), and every subfolder that cannot be read (reported, not
    skipped)."""
    found: list[Path] = []
    seen: set[str] = set()

    def unreadable(error: OSError) -> None:
        found.append(Path(error.filename or folder))

    for root, folders, names in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree
            folders[:] = []
            continue
        seen.add(real)
        for name in names:
            path = Path(root, name)
            if any(path.relative_to(folder).match(pattern) for pattern in patterns):
                found.append(path)
    return sorted(found)


def expand_paths(arguments: Iterable[str | Path], pattern: str | Iterable[str] = DEFAULT_GLOBS) -> list[Path]:
    """Files, folders (searched recursively for `pattern`, one or several) and globs -> paths,
    each once, in order.

    Anything named that exists is taken (a FIFO, a dangling link …: refused later with its own
    reason); a name that matches nothing is a usage error."""
    patterns = (pattern,) if isinstance(pattern, str) else tuple(pattern)
    for each in patterns:
        check_pattern(each)
    found: list[Path] = []
    for argument in map(str, arguments):
        path = Path(argument)
        if path.is_dir():
            found.extend(_walk(path, patterns))
        elif os.path.lexists(path):
            found.append(path)
        elif _GLOB_CHARS & set(argument):
            for match in sorted(globbing.glob(argument, recursive=True)):
                match_path = Path(match)
                found.extend(_walk(match_path, patterns) if match_path.is_dir() else [match_path])
        else:
            raise UsageError(f"no such file or folder: {one_line(argument, 4200)}")
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique

