"""The catalog's database connection: SQLite opened in WAL mode (or read-only when its folder cannot be
written), its tables made or checked, and database errors turned into one line that names the cause
(a full disk, a read-only file, a damaged file, a server that is down).
"""

from __future__ import annotations

import errno
import functools
import inspect
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import inspect as inspect_db
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from rag.errors import CatalogError, IndexDamagedError, RagError, StorageError, storage_error
from rag.schema import Base


def sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: atomic and consistent after a crash
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _use_wal(cursor) -> None:
    # WAL is stored in the file, so only a new catalog switches. The switch does not wait for a
    # lock held by another process opening the same new catalog ("database is locked"): retry.
    for attempt in range(100):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.01 + 0.002 * attempt)


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite catalog URL, or None for another database (or an in-memory one)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database


def read_only_url(path: str) -> URL:
    """A URL that reads a SQLite file in a folder nothing may be written to.

    SQLite cannot open a WAL database read-only unless its -wal and -shm files exist; after a clean
    close they do not, and then the main file holds everything, so it is opened as immutable.
    """
    wal = Path(path + "-wal")
    query = {"mode": "ro", "uri": "true"}
    if not (wal.exists() and wal.stat().st_size):
        query["immutable"] = "1"
    return URL.create("sqlite", database="file:" + quote(path), query=query)


def is_read_only(path: str) -> bool:
    folder = os.path.dirname(path) or "."
    return os.path.exists(path) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK))


def read_only_error(path: str) -> StorageError:
    """Why a SQLite catalog that can be read cannot be written: a full disk, a read-only mount or permissions."""
    try:
        fs = os.statvfs(os.path.dirname(path) or ".")
        code = errno.ENOSPC if fs.f_bavail == 0 else errno.EROFS if fs.f_flag & os.ST_RDONLY else errno.EACCES
    except OSError:
        code = errno.EACCES
    return storage_error(OSError(code, os.strerror(code)), f"write the catalog {path}")


def describe_database_error(exc: SQLAlchemyError, where: str) -> RagError:
    """One line naming the cause of a database error: a full disk, a read-only file, a damaged file,
    a server that is down, or else the database's own message."""
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split())[:300]
    lowered = text.lower()
    code = getattr(orig, "sqlite_errorname", "")  # SQLite's own name of the error, e.g. SQLITE_FULL
    if code.startswith("SQLITE_IOERR"):
        return StorageError(
            f"the catalog at {where} cannot be read or written ({code}); check that the disk has free space and "
            f"works, then run again"
        )
    if "disk is full" in lowered or "no space left" in lowered or "could not extend file" in lowered:
        return StorageError(f"disk full: the catalog at {where} cannot be written ({text}); free some space and run again")
    if "readonly database" in lowered or "read-only" in lowered or "permission denied" in lowered:
        return StorageError(f"the catalog at {where} cannot be written ({text}); make it writable and run again")
    if "malformed" in lowered or "not a database" in lowered or code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return IndexDamagedError(
            f"the catalog at {where} is damaged ({text}); restore it from a backup, or delete the index folder and "
            f"ingest the documents again"
        )
    if exc.connection_invalidated or "connect" in lowered or "server" in lowered or "terminating" in lowered:
        return StorageError(f"the catalog database at {where} is unreachable ({text}); start it and run again")
    return CatalogError(f"the catalog at {where} failed: {text}")


def guarded(method: Callable) -> Callable:
    """Turn the database errors of a catalog method (or generator) into one-line ``RagError``s."""
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generator(self, *args, **kwargs):
            try:
                yield from method(self, *args, **kwargs)
            except SQLAlchemyError as exc:
                raise describe_database_error(exc, self.safe_url) from exc
        return generator

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise describe_database_error(exc, self.safe_url) from exc
    return wrapper


def create_tables(engine: Engine) -> None:
    """Make the catalog's tables where missing. Two processes opening a new catalog at once both see
    a table missing and both create it; the loser's CREATE fails with "already exists" (PostgreSQL:
    a duplicate pg_type row), and is tried again."""
    for attempt in range(5):
        try:
            Base.metadata.create_all(engine)
            return
        except SQLAlchemyError as exc:
            raced = "already exists" in str(exc) or isinstance(exc, IntegrityError)
            if not raced or attempt == 4:
                raise
            time.sleep(0.05 * (attempt + 1))


def check_tables(engine: Engine, where: str) -> None:
    """``IndexDamagedError`` when a catalog table is missing (an empty or foreign database file)."""
    missing = sorted(set(Base.metadata.tables) - set(inspect_db(engine).get_table_names()))
    if missing:
        raise IndexDamagedError(
            f"the catalog at {where} is empty or damaged (tables {', '.join(missing)} are missing); restore it "
            f"from a backup, or delete the index folder and ingest the documents again"
        )
