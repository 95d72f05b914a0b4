"""Find the files to ingest and fingerprint them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

from rag.records import SourceFile

# Editor backups, lock files and partial downloads: never documents.
TEMPORARY_PATTERNS = ("~$*", ".~lock.*", "*~", "*.tmp", "*.temp", "*.swp", "*.swo", "*.part", "*.crdownload", "#*#")


def is_ignored(name: str) -> bool:
    """Hidden and temporary files are ignored."""
    return name.startswith(".") or any(fnmatch(name, pattern) for pattern in TEMPORARY_PATTERNS)


def display_path(path: str) -> str:
    """A printable, storable form of a path whose bytes may not be valid UTF-8."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def walk(paths: Iterable[str | os.PathLike], exclude: Iterable[Path] = ()) -> Iterator[str]:
    """Yield the absolute paths of the files under ``paths``, sorted, each once.

    Symbolic links are followed, but a directory already visited (by device and inode) is not
    entered again, so link loops end. Folders in ``exclude`` (the index itself) are skipped.
    """
    excluded = {Path(p).resolve() for p in exclude}
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    for root in paths:
        root = Path(root).absolute()
        if root.is_file():
            candidates: Iterable[str] = [str(root)]
        else:
            candidates = _walk_dir(root, excluded, seen_dirs)
        for candidate in candidates:
            real = os.path.realpath(candidate)
            if real not in seen_files:
                seen_files.add(real)
                yield candidate


def _walk_dir(root: Path, excluded: set[Path], seen_dirs: set[tuple[int, int]]) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        stat = os.stat(dirpath)
        key = (stat.st_dev, stat.st_ino)
        if key in seen_dirs or Path(dirpath).resolve() in excluded:
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not is_ignored(d))
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            if not is_ignored(name) and os.path.isfile(full):
                yield full


def sha256_file(path: str, block: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while data := handle.read(block):
            digest.update(data)
    return digest.hexdigest()


def fingerprint(path: str) -> SourceFile:
    """Stat and hash one file. Raises OSError when it cannot be read."""
    stat = os.stat(path)
    suffix = Path(path).suffix.lower().lstrip(".")
    return SourceFile(path=path, size=stat.st_size, mtime=stat.st_mtime, sha256=sha256_file(path), file_type=suffix)
