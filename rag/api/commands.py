"""`rag serve` and `rag keys`: thin commands over rag.api and rag.keys (registered by rag.cli)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from rag.config import Settings
from rag.errors import RagError
from rag.terminal import index_option


def _key_store(index: Path | None):
    from rag.index import MANIFEST
    from rag.keys import KeyStore

    settings = Settings(**({"index_dir": index} if index else {}))
    if not (settings.index_dir / MANIFEST).exists():
        raise RagError(f"no index at {settings.index_dir}: create one with `rag ingest PATH --index {settings.index_dir}`")
    return KeyStore(settings.resolved_catalog_url)


@click.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; other than loopback needs an API key to exist.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; each loads its own model and answers one question at a time.")
@click.option("--queue", "queue_size", type=click.IntRange(0, 1000), default=8, show_default=True,
              help="Questions that may wait for the model per process; more get 503 with Retry-After.")
def serve(index: Path | None, host: str, port: int, workers: int, queue_size: int) -> None:
    """Serve the index over HTTP: OpenAI-compatible /v1/chat/completions, /v1/ask, /v1/search,
    documents and collections, with API keys (`rag keys`). OpenAPI docs at /docs."""
    import uvicorn

    from rag.api.app import is_loopback_host

    settings = Settings(**({"index_dir": index} if index else {}))
    store = _key_store(settings.index_dir)
    try:
        keyed = store.any_active()
    finally:
        store.close()
    if not is_loopback_host(host) and not keyed:
        raise RagError(f"refusing to listen on {host}: no API key exists, so anyone who reaches the port could read "
                       f"every document. Create one first: rag keys create NAME --read COLLECTION --index {settings.index_dir}")
    os.environ["RAG_INDEX_DIR"] = str(settings.index_dir.absolute())
    os.environ["RAG_SERVE_QUEUE"] = str(queue_size)
    click.echo(f"serving {settings.index_dir} on http://{host}:{port} (docs at /docs; "
               f"{'API keys required' if keyed else 'no API keys: loopback only'})", err=True)
    uvicorn.run("rag.api.commands:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


def app_from_environment():
    """uvicorn's factory: one engine per server process, over RAG_INDEX_DIR."""
    from rag.api.app import create_app
    from rag.engine import Engine

    engine = Engine(Settings(), create=False)
    return create_app(engine, queue_size=int(os.environ.get("RAG_SERVE_QUEUE", "8")))


@click.group()
def keys() -> None:
    """API keys for `rag serve`: each reads and/or changes only the collections it names."""


@keys.command("create")
@click.argument("name")
@index_option
@click.option("--read", "read", multiple=True, metavar="COLLECTION", help="A collection it may read ('*': all).")
@click.option("--write", "write", multiple=True, metavar="COLLECTION", help="A collection it may upload to and delete from.")
@click.option("--admin", is_flag=True, help="All collections, and creating collections.")
def create_key(name: str, index: Path | None, read: tuple[str, ...], write: tuple[str, ...], admin: bool) -> None:
    """Create a key; it is printed once and stored only as a hash."""
    store = _key_store(index)
    try:
        key, secret = store.create(name, read=list(read), write=list(write), admin=admin)
    finally:
        store.close()
    click.echo(f"created key {key.name!r} (id {key.id}); keep it now, it is not shown again:", err=True)
    click.echo(secret)


@keys.command("list")
@index_option
@click.option("--json", "as_json", is_flag=True)
def list_keys(index: Path | None, as_json: bool) -> None:
    """List keys (never their secrets)."""
    store = _key_store(index)
    try:
        found = store.list()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([k.to_dict() for k in found]))
        return
    for key in found:
        scope = "admin" if key.admin else f"read {','.join(key.read) or '-'} write {','.join(key.write) or '-'}"
        click.echo(f"{key.id}  {key.name!r}  {scope}{'  REVOKED' if key.revoked else ''}")


@keys.command("revoke")
@click.argument("name_or_id")
@index_option
def revoke_key(name_or_id: str, index: Path | None) -> None:
    """Revoke a key by name or id; servers refuse it from the next request on."""
    store = _key_store(index)
    try:
        if not store.revoke(name_or_id):
            raise RagError(f"no active key named {name_or_id!r}")
    finally:
        store.close()
    click.echo(f"revoked {name_or_id!r}", err=True)


if __name__ == "__main__":
    sys.exit(serve())
