"""Files handed over by a browser: a safe name, a size limit, and a place inside the upload folder.

A browser sends any name it likes (``../../.bashrc``, ``C:\\x\\y.pdf``, control characters, 1,000
characters); ``safe_name`` keeps the last path component's letters, digits and a few punctuation
marks. ``stored_name`` keeps two names apart when they clean to the same safe name: a name that was
already safe is kept as it is, any other gets a short hash of the exact name (``report?.pdf`` ->
``report_ (3f2a9c1b0d).pdf``), so re-uploading the same name replaces the earlier copy and nothing
else does, without a record to keep in step. ``upload_folder`` does the same for collections.
``save_upload`` writes to a temporary file of its own, created exclusively and never through a
symlink, then renames it over the target: a half-written file is never ingested and two
simultaneous uploads of one name leave one of them whole.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rag.errors import RagError

MAX_NAME_BYTES = 180
MAX_EXT_CHARS = 16
# Windows device names: harmless on Linux, but the folder may be synced to a Windows machine
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
UNSAFE = re.compile(r"[^\w.\- ()+,@]+", re.UNICODE)
TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


class UploadError(RagError):
    """An uploaded file that was not saved (empty, too big, no usable name)."""


@dataclass(frozen=True)
class SavedUpload:
    original_name: str
    path: Path
    size: int


def _clean(part: str) -> str:
    return UNSAFE.sub("_", part).strip(" ._")


def _join(stem: str, ext: str, tag: str = "") -> str:
    """``stem (tag).ext``, the stem shortened to fit MAX_NAME_BYTES."""
    tail = (f" ({tag})" if tag else "") + (f".{ext}" if ext else "")
    while len(f"{stem}{tail}".encode()) > MAX_NAME_BYTES and stem:
        stem = stem[:-1]
    stem = stem.strip(" ._") or "upload"
    if stem.lower().split(".")[0] in RESERVED:
        stem = f"_{stem}"
    return stem + tail


def _parts(name: str) -> tuple[str, str]:
    """The cleaned stem and extension; the extension survives a stem with no safe character."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[/\\]", name)[-1]  # the browser's path, of either kind, is not ours to keep
    name = "".join(c for c in name if c.isprintable())
    stem, dot, ext = name.rpartition(".")
    if not stem.strip("."):  # "report", ".bashrc", "..": no extension
        stem, ext = name, ""
    return _clean(stem), _clean(ext)[:MAX_EXT_CHARS]


def safe_name(name: str) -> str:
    """A file name that cannot leave its folder, hide itself or name a device; never empty."""
    return _join(*_parts(name))


def stored_name(name: str) -> str:
    """``safe_name``, made distinct for each exact name: a name already safe is kept, any other
    carries a hash of itself, so two names never share a file and one name always gets the same."""
    name = unicodedata.normalize("NFC", name or "")  # the same name, however the browser composed it
    safe = safe_name(name)
    if safe == name:
        return safe
    tag = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return _join(*_parts(name), tag=tag)


def upload_folder(root: Path, collection: str) -> Path:
    """The folder a collection's uploads go to, one per collection (``a?b`` and ``a_b`` differ)."""
    return Path(root) / stored_name(collection)


def _write_new(folder: Path, data: bytes) -> Path:
    """``data`` in a new hidden file in ``folder`` (skipped by discovery), created exclusively and
    never through a symlink planted at its name."""
    while True:
        tmp = folder / f".upload-{secrets.token_hex(8)}.part"
        try:
            fd = os.open(tmp, TEMP_FLAGS, 0o644)
        except FileExistsError:  # a name someone else has taken: draw another
            continue
        break
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def save_upload(folder: Path, name: str, data: bytes, max_bytes: int) -> SavedUpload:
    """Write one uploaded file into ``folder`` under its stored name, replacing an earlier upload of
    the same name. Raises ``UploadError`` for an empty or oversized file."""
    if not data:
        raise UploadError(f"{name}: the file is empty")
    if len(data) > max_bytes:
        raise UploadError(f"{name}: {len(data) / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB limit")
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / stored_name(name)  # not resolved: a symlink planted here is replaced, not followed
    if target.parent != folder or target.name in {"", ".", ".."}:  # cannot happen after safe_name; checked anyway
        raise UploadError(f"{name}: refused, the name points outside the upload folder")
    tmp = _write_new(folder, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return SavedUpload(name, target, len(data))
