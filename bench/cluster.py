"""Ray's overhead on this machine, and a projection to 10 and 100 nodes from measured unit costs.

    .venv/bin/python bench/cluster.py [--articles N] [--rounds R] [--pg-url postgresql+psycopg://...]

On the SQuAD 2.0 articles of ../shared/datasets/squad2_cs224n_dev (one Markdown file each, as
bench/ingest.py) it times, back to back and alternating for ``--rounds`` rounds, three `rag ingest`
commands, each into a fresh index, all at the same CPU priority (wall time of the whole command:
Python start, model load, parse, embed, catalog, FAISS, BM25):

  * local: the default path (parser processes + the embedding model in the main process);
  * ray, cluster running: ``--ray 127.0.0.1:PORT`` against a one-node Ray cluster started here
    beforehand (as a user with a cluster has it; its start is not counted);
  * ray, local start: ``--ray``, which starts a Ray cluster for the run and stops it after.

Then, in this process, the unit costs the projection needs: parsing one file (one process, the
parser the workers run), embedding one chunk (the model on all cores, batches of 512 as the
pipeline sends them), and the driver's write of one document (one catalog transaction with its
vectors, plus the FAISS add), on SQLite and, with ``--pg-url``, on PostgreSQL. Load on the machine
is printed before and after (`os.getloadavg`), since it is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.squad_corpus import load_articles, write_articles  # noqa: E402

# no usage statistics; every Ray server on loopback; token authentication (the token: start_ray_head)
RAY_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_AUTH_MODE": "token"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_ray_head(temp: Path) -> str:
    """A one-node Ray cluster on 127.0.0.1 with all this machine's cores; returns its address."""
    port = free_port()
    token = temp / "auth_token"
    token.write_text(secrets.token_hex(32))
    RAY_ENV["RAY_AUTH_TOKEN_PATH"] = str(token)  # for the cluster and for every `rag ingest --ray` of the run
    ray = str(Path(sys.executable).parent / "ray")
    subprocess.run([ray, "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}", f"--num-cpus={os.cpu_count()}",
                    "--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={temp}",
                    f"--ray-client-server-port={free_port()}", f"--object-store-memory={200 * 2**20}"],
                   check=True, capture_output=True, env={**os.environ, **RAY_ENV})
    return f"127.0.0.1:{port}"


def stop_ray(temp: Path, address: str) -> None:
    """Kill the processes of this cluster only, children included (`ray stop` stops every cluster)."""
    import psutil

    roots = [p for p in psutil.process_iter(["cmdline"]) if p.pid != os.getpid()
             and (str(temp) in " ".join(p.info["cmdline"] or []) or address in " ".join(p.info["cmdline"] or []))]
    found = {p.pid: p for p in roots}
    for root in roots:
        try:
            found.update({c.pid: c for c in root.children(recursive=True)})
        except psutil.Error:
            pass
    for process in found.values():
        try:
            process.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(list(found.values()), timeout=10)
    shutil.rmtree(temp, ignore_errors=True)


def timed_ingest(docs: Path, index: Path, *extra: str) -> tuple[float, dict]:
    """Wall seconds and report of one `rag ingest` into a fresh index."""
    shutil.rmtree(index, ignore_errors=True)
    started = time.perf_counter()
    # RAG_INGEST_NICE=0: every variant at the same CPU priority. The local path otherwise runs at nice
    # 10, and so does a Ray cluster that `--ray` starts, but not one started beforehand; on a shared
    # machine that difference alone would be measured.
    result = subprocess.run([sys.executable, "-m", "rag.cli", "ingest", str(docs), "--index", str(index), "--json", *extra],
                            capture_output=True, text=True, cwd=ROOT, env={**os.environ, **RAY_ENV, "RAG_INGEST_NICE": "0"})
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"rag ingest {' '.join(extra)} failed:\n{result.stderr[-3000:]}")
    return seconds, json.loads(result.stdout.strip().splitlines()[-1])


# ---- unit costs ------------------------------------------------------------------------------------


def unit_costs(docs: Path, index: Path, pg_url: str | None) -> dict:
    """Seconds per parsed file, per embedded chunk, and per document (and chunk) the driver writes."""
    from ingest.discover import fingerprint
    from ingest.parse import init_worker, parse_in_worker
    from ingest.pipeline import parse_options
    from rag.catalog import Catalog
    from rag.config import Settings
    from rag.embed import Embedder
    from rag.vector_index import VectorIndex

    index.mkdir(parents=True, exist_ok=True)
    settings = Settings(index_dir=index)
    embedder = Embedder(settings.embedding_model, settings.embedding_device, settings.embedding_batch_size)
    options = parse_options(settings, embedder)
    init_worker(options)
    sources = [fingerprint(str(p)) for p in sorted(docs.iterdir())]
    parse_in_worker(sources[0])  # imports unstructured once, as a worker does before its first file
    started = time.perf_counter()
    parsed = [parse_in_worker(s) for s in sources]
    parse_s = (time.perf_counter() - started) / len(sources)
    texts = [c.text for p in parsed for c in p.chunks]

    embedder.encode(["warm up"])
    started = time.perf_counter()
    vectors = np.vstack([embedder.encode(texts[i:i + 512]) for i in range(0, len(texts), 512)])
    embed_s = (time.perf_counter() - started) / len(texts)

    costs = {"files": len(sources), "chunks": len(texts), "parse_s_per_file": parse_s, "embed_s_per_chunk": embed_s}
    urls = {"sqlite": f"sqlite:///{index / 'write-bench.sqlite'}"}
    if pg_url:
        urls["postgresql"] = pg_url
    for name, url in urls.items():
        catalog = Catalog(url)
        collection = catalog.collection_id("bench")
        faiss = VectorIndex(vectors.shape[1])
        offset = 0
        started = time.perf_counter()
        for document in parsed:
            rows = vectors[offset:offset + len(document.chunks)]
            offset += len(document.chunks)
            _removed, added = catalog.store_document(collection, document.source, document.chunks, rows, document.n_chars)
            faiss.add(np.array(added, dtype=np.int64), rows)
        seconds = time.perf_counter() - started
        costs[f"write_s_per_document_{name}"] = seconds / len(parsed)
        costs[f"write_s_per_chunk_{name}"] = seconds / len(texts)
        costs[f"write_s_per_one_chunk_document_{name}"] = _one_chunk_writes(catalog, collection, parsed[0].chunks[0], vectors[:1])
        catalog.close()
    return costs


def _one_chunk_writes(catalog, collection: int, chunk, vector: np.ndarray, n: int = 300) -> float:
    """Seconds per write of a one-chunk document: the fixed cost of a document's transaction."""
    from rag.records import SourceFile

    started = time.perf_counter()
    for i in range(n):
        catalog.store_document(collection, SourceFile(f"/one-chunk/{i}.txt", 800, 0.0, f"{i:064d}", "txt"), [chunk], vector, 800)
    return (time.perf_counter() - started) / n


def projection(costs: dict, cores: int, node_chunks_per_s: float) -> list[str]:
    """Throughput of N nodes like this one against what one driver can write."""
    lines = []
    chunks_per_doc = costs["chunks"] / costs["files"]
    for name in ("sqlite", "postgresql"):
        key = f"write_s_per_chunk_{name}"
        if key not in costs:
            continue
        driver = 1 / costs[key]
        lines.append(f"driver writes ({name}): {driver:,.0f} chunks/s = {driver / chunks_per_doc:,.0f} documents/s of "
                     f"{chunks_per_doc:.0f} chunks; bottleneck from {driver / node_chunks_per_s:,.0f} nodes on")
        for nodes in (1, 10, 100):
            cluster = nodes * node_chunks_per_s
            lines.append(f"  {nodes:>3} nodes: workers could do {cluster:8,.0f} chunks/s, driver takes {driver:8,.0f} -> "
                         f"{min(cluster, driver):8,.0f} chunks/s ({'driver-bound' if driver < cluster else 'worker-bound'})")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=0, help="use only the first N articles (0 = all 36)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of local / ray / ray-local runs, alternating")
    parser.add_argument("--pg-url", default=None, help="also measure the driver's writes into this PostgreSQL database")
    parser.add_argument("--skip-units", action="store_true", help="only the timed runs, not the unit costs and projection")
    args = parser.parse_args()

    articles = load_articles(("dev", "test"))
    if args.articles:
        articles = articles[: args.articles]
    work = Path(tempfile.mkdtemp(prefix="rag-bench-cluster-"))
    docs = work / "docs"
    write_articles(articles, docs)
    print(f"corpus: {len(articles)} SQuAD articles, {sum(len(a.markdown()) for a in articles):,} characters; "
          f"{os.cpu_count()} cores; load average before: {os.getloadavg()}")

    temp = Path(tempfile.mkdtemp(prefix="rag-ray-"))
    address = start_ray_head(temp)
    names = ("local", "ray (cluster running)", "ray (local start)")
    times: dict[str, list[float]] = {name: [] for name in names}
    try:
        for round_ in range(args.rounds):
            for name, extra in zip(names, ((), ("--ray", address), ("--ray",))):
                seconds, report = timed_ingest(docs, work / "index", *extra)
                times[name].append(seconds)
                print(f"round {round_ + 1} {name:<22} {seconds:7.1f} s  (report: {report['seconds']:.1f} s, "
                      f"{report['chunks']} chunks, {report['added']} added, {report['failed']} failed)", flush=True)
    finally:
        stop_ray(temp, address)
    for name in names[1:] if args.rounds else ():
        local, ours = statistics.median(times["local"]), statistics.median(times[name])
        print(f"{name:<22} median {ours:7.1f} s vs local {local:7.1f} s: overhead {100 * (ours / local - 1):+.1f} % (goal <= 15 %)")
    if args.skip_units:
        shutil.rmtree(work, ignore_errors=True)
        return

    costs = unit_costs(docs, work / "units", args.pg_url)
    print(json.dumps({k: round(v, 6) if isinstance(v, float) else v for k, v in costs.items()}))
    node = 1 / (costs["parse_s_per_file"] * costs["files"] / costs["chunks"] + costs["embed_s_per_chunk"])
    print(f"one node like this one ({os.cpu_count()} cores): {node:.1f} chunks/s from the unit costs (parse + embed in series)")
    for line in projection(costs, os.cpu_count() or 1, node):
        print(line)
    print(f"load average after: {os.getloadavg()}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
