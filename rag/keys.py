"""API keys for `rag serve`, stored hashed in the catalog database beside the documents.

A key is ``rag_<id>_<secret>``: the id finds the row, the secret is compared (constant time) with
the stored SHA-256 of it. Secrets are 32 random bytes, so a fast hash is enough; the plain key is
shown once, at creation. Every request reads the table, so a key created or revoked while a server
runs (or by another replica) takes effect at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Boolean, Column, DateTime, MetaData, String, Table, Text, create_engine, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError, SQLAlchemyError

from rag.errors import ConfigError, RagError

ALL = "*"
metadata = MetaData()
keys_table = Table(
    "rag_api_keys", metadata,
    Column("id", String(16), primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("secret_sha256", String(64), nullable=False),
    Column("read", Text, nullable=False),  # JSON list of collection names, or ["*"]
    Column("write", Text, nullable=False),
    Column("admin", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)


@dataclass(frozen=True)
class ApiKey:
    """Who a request is: the key's name and what it may read and change."""

    id: str
    name: str
    read: tuple[str, ...]
    write: tuple[str, ...]
    admin: bool = False
    created_at: datetime | None = None
    revoked: bool = False

    def can_read(self, collection: str) -> bool:
        return self.admin or ALL in self.read or collection in self.read or self.can_write(collection)

    def can_write(self, collection: str) -> bool:
        return self.admin or ALL in self.write or collection in self.write

    def readable(self, collections: list[str]) -> list[str]:
        return [c for c in collections if self.can_read(c)]

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "read": list(self.read), "write": list(self.write),
                "admin": self.admin, "created_at": self.created_at.isoformat() if self.created_at else None,
                "revoked": self.revoked}


# Without any key the server trusts loopback callers fully (it refuses to bind elsewhere).
LOCAL_USER = ApiKey("local", "local (no keys exist)", (ALL,), (ALL,), admin=True)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class KeyStore:
    """The ``rag_api_keys`` table of a catalog database."""

    def __init__(self, url: str) -> None:
        try:
            self.engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
            try:
                metadata.create_all(self.engine, checkfirst=True)
            except (OperationalError, ProgrammingError, IntegrityError) as exc:  # created by another process just now
                if "already exists" not in str(exc) and "duplicate" not in str(exc).lower():
                    raise
        except SQLAlchemyError as exc:
            raise RagError(f"cannot open the API key table in the catalog: {str(exc).splitlines()[0]}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def create(self, name: str, *, read: list[str] = (), write: list[str] = (), admin: bool = False) -> tuple[ApiKey, str]:
        """A new key; returns it with the plain key string, which is not stored and not shown again."""
        name = (name or "").strip()
        if not name or len(name) > 200 or not name.isprintable():
            raise ConfigError("a key needs a name of 1-200 printable characters")
        if not (read or write or admin):
            raise ConfigError("a key needs --read COLLECTION, --write COLLECTION or --admin")
        key_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
        row = {"id": key_id, "name": name, "secret_sha256": _digest(secret), "read": json.dumps(sorted(set(read))),
               "write": json.dumps(sorted(set(write))), "admin": admin, "created_at": datetime.now(timezone.utc)}
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(keys_table).values(**row))
        except IntegrityError as exc:
            raise ConfigError(f"a key named {name!r} exists already") from exc
        return _key(row), f"rag_{key_id}_{secret}"

    def list(self) -> list[ApiKey]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(keys_table).order_by(keys_table.c.created_at)).mappings().all()
        return [_key(row) for row in rows]

    def revoke(self, name_or_id: str) -> bool:
        """Revoke the key of this name or id; False if there is no such active key."""
        table = keys_table
        with self.engine.begin() as connection:
            result = connection.execute(
                update(table).where((table.c.name == name_or_id) | (table.c.id == name_or_id), table.c.revoked_at.is_(None))
                .values(revoked_at=datetime.now(timezone.utc))
            )
        return result.rowcount > 0

    def any_active(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(select(keys_table.c.id).where(keys_table.c.revoked_at.is_(None)).limit(1)).first() is not None

    def authenticate(self, presented: str) -> ApiKey | None:
        """The active key a presented string is, or None (unknown, malformed, revoked)."""
        prefix, _, rest = (presented or "").partition("_")
        key_id, _, secret = rest.partition("_")
        if prefix != "rag" or not key_id or not secret or len(presented) > 200:
            hmac.compare_digest(_digest(presented or ""), _digest(""))  # same work either way
            return None
        with self.engine.connect() as connection:
            row = connection.execute(select(keys_table).where(keys_table.c.id == key_id)).mappings().first()
        expected = row["secret_sha256"] if row else _digest("")
        if not hmac.compare_digest(_digest(secret), expected) or row is None or row["revoked_at"] is not None:
            return None
        return _key(row)


def _key(row) -> ApiKey:
    return ApiKey(row["id"], row["name"], tuple(json.loads(row["read"])), tuple(json.loads(row["write"])),
                  bool(row["admin"]), row["created_at"], row.get("revoked_at") is not None)
