"""What each process of the catalog race runs: kept apart from the test module so that a spawned
process imports only the catalog, not the test's models (forking a process that already runs
torch's threads can leave a child waiting forever on a lock one of those threads held)."""

from __future__ import annotations

from rag.catalog import Catalog
from rag.errors import RagError


def open_catalog(url: str, barrier) -> str:
    barrier.wait()
    try:
        catalog = Catalog(url)
    except RagError as exc:
        return str(exc)
    catalog_id = catalog.meta()["catalog_id"]
    catalog.close()
    return catalog_id
