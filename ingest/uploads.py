"""Files handed over by a browser: a safe name, a size limit, and a place inside the upload folder.

A browser sends any name it likes (``../../.bashrc``, ``C:\\x\\y.pdf``, control characters, 1,000
characters); ``safe_name`` keeps the last path component's letters, digits and a few punctuation
marks, and ``save_upload`` checks that the result lies inside the folder before writing it
atomically (a half-written file is never ingested).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rag.errors import RagError

MAX_NAME_BYTES = 180
# Windows device names: harmless on Linux, but the folder may be synced to a Windows machine
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
UNSAFE = re.compile(r"[^\w.\- ()+,@]+", re.UNICODE)


class UploadError(RagError):
    """An uploaded file that was not saved (empty, too big, no usable name)."""


@dataclass(frozen=True)
class SavedUpload:
    original_name: str
    path: Path
    size: int


def safe_name(name: str) -> str:
    """A file name that cannot leave its folder, hide itself or name a device; never empty."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[/\\]", name)[-1]  # the browser's path, of either kind, is not ours to keep
    name = "".join(c for c in name if c.isprintable())
    name = UNSAFE.sub("_", name).strip(" ._")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    ext = ext[:16]
    while len(f"{stem}.{ext}".encode()) > MAX_NAME_BYTES and stem:
        stem = stem[:-1]
    stem = stem.strip(" ._") or "upload"
    if stem.lower().split(".")[0] in RESERVED:
        stem = f"_{stem}"
    return f"{stem}.{ext}" if ext else stem


def save_upload(folder: Path, name: str, data: bytes, max_bytes: int) -> SavedUpload:
    """Write one uploaded file into ``folder`` under its safe name, replacing an earlier upload of
    the same name. Raises ``UploadError`` for an empty or oversized file."""
    if not data:
        raise UploadError(f"{name}: the file is empty")
    if len(data) > max_bytes:
        raise UploadError(f"{name}: {len(data) / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB limit")
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    target = (folder / safe_name(name)).resolve()
    if target.parent != folder:  # cannot happen after safe_name; checked anyway
        raise UploadError(f"{name}: refused, the name points outside the upload folder")
    tmp = target.with_name(f".{target.name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return SavedUpload(name, target, len(data))
