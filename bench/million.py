"""A million chunks: a synthetic-but-realistic corpus loaded through the real index, then measured.

Chunks are made of real text: the paragraphs of SQuAD2 (dev + test) and the PubMedQA abstracts in
../shared/datasets are split into sentences, each distinct sentence is embedded once with the
packaged MiniLM, and each chunk is 3-6 random sentences (fixed seed): its text is the sentences
joined, its vector the L2-normalised mean of their vectors. The mean approximates embedding the
joined text itself; ``compose_check`` measures how closely (cosine to the real embedding).
Queries are real questions (SQuAD2, PubMedQA), encoded by the real model at query time.

    nice -n 5 .venv/bin/python -m bench.million --chunks 1000000 --stages check,faiss,build,measure,add
    RAG_ANN_THRESHOLD=10000 .venv/bin/python -m bench.million --chunks 20000   # the quick version, IVF too

Stages (each cached in WORKDIR): sentences and their vectors, FAISS candidates over the composed
vectors (recall@10 against exact, latency, build, size, save), the index folder written through
``Catalog.store_documents`` and ``Index.save``, then open time, hybrid latency, recall of the
product's index, RSS and adding one 10-page (and one 13-page) document through ``ingest``. Results: WORKDIR/*.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.faiss_candidates import exact_neighbours, faiss_candidates, print_candidates, recall_at
from bench.squad_corpus import SQUAD_DIR, load_articles

PUBMED = SQUAD_DIR.parent / "pubmedqa" / "ori_pqal.json"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
MIN_SENTENCE = 25  # characters: shorter pieces are headings or split abbreviations
CHUNKS_PER_DOC = 40  # a 10-page document's worth
SENTENCES_PER_CHUNK = (3, 6)


# ---- real text ----------------------------------------------------------------------------------


def source_texts() -> list[list[str]]:
    """The real texts as documents: each SQuAD2 article (dev + test) and each PubMedQA abstract, as paragraphs."""
    texts = [list(article.paragraphs) for article in load_articles()]
    texts += [item["CONTEXTS"] for item in json.loads(PUBMED.read_text(encoding="utf-8")).values()]
    return texts


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) >= MIN_SENTENCE]


def distinct_sentences() -> tuple[list[str], list[np.ndarray]]:
    """Every distinct sentence of the real texts in a fixed order, and the sentences of each source document."""
    seen: dict[str, int] = {}
    groups = []
    for document in source_texts():
        members = [seen.setdefault(sentence, len(seen)) for paragraph in document for sentence in split_sentences(paragraph)]
        if members:
            groups.append(np.unique(members))
    return list(seen), groups


def questions(count: int, seed: int = 3) -> list[str]:
    """Real questions: answerable SQuAD2 ones and PubMedQA's, shuffled with a fixed seed."""
    found = [q for article in load_articles(("dev",)) for q, answers in article.questions if answers]
    found += [item["QUESTION"] for item in json.loads(PUBMED.read_text(encoding="utf-8")).values()]
    rng = np.random.default_rng(seed)
    return [found[i] for i in rng.permutation(len(found))[:count]]


def sentence_vectors(workdir: Path, embedder, limit: int | None = None) -> tuple[list[str], np.ndarray]:
    """The distinct sentences (the first ``limit``) and their unit vectors, embedded once and cached in WORKDIR."""
    sentences = distinct_sentences()[0][:limit]
    cached = workdir / f"sentences{len(sentences)}.npy"
    if cached.exists():
        vectors = np.load(cached)
        if len(vectors) == len(sentences):
            return sentences, vectors
    started = time.perf_counter()
    parts = []
    for first in range(0, len(sentences), 2048):
        parts.append(embedder.encode(sentences[first : first + 2048]))
        print(f"  embedded {first + len(parts[-1])} of {len(sentences)} sentences", flush=True)
    vectors = np.vstack(parts)
    workdir.mkdir(parents=True, exist_ok=True)
    np.save(cached, vectors)
    _record(workdir, "sentences", {"sentences": len(sentences), "embed_s": time.perf_counter() - started})
    return sentences, vectors


# ---- composed chunks ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Composition:
    """Chunk ``i`` is the sentences ``members[starts[i]:starts[i + 1]]``."""

    starts: np.ndarray
    members: np.ndarray

    def __len__(self) -> int:
        return len(self.starts) - 1

    def sentences_of(self, i: int) -> np.ndarray:
        return self.members[self.starts[i] : self.starts[i + 1]]


def compose(n_chunks: int, groups: list[np.ndarray], seed: int = 0) -> Composition:
    """Each chunk: 3-6 sentences of one source document (picked in proportion to its sentences), in their order."""
    rng = np.random.default_rng(seed)
    sizes = np.array([len(g) for g in groups])
    sources = rng.choice(len(groups), size=n_chunks, p=sizes / sizes.sum())
    lengths = np.minimum(rng.integers(SENTENCES_PER_CHUNK[0], SENTENCES_PER_CHUNK[1] + 1, size=n_chunks), sizes[sources])
    members = [np.sort(rng.choice(groups[g], size=k, replace=False)) for g, k in zip(sources, lengths)]
    starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    return Composition(starts, np.concatenate(members).astype(np.int64))


def chunk_vectors(composition: Composition, sentence_vecs: np.ndarray, start: int = 0, stop: int | None = None) -> np.ndarray:
    """L2-normalised mean of each chunk's sentence vectors, for chunks start..stop."""
    stop = len(composition) if stop is None else stop
    if stop - start > 50_000:  # in blocks: the gathered sentence vectors of 1M chunks would take 7 GB
        return np.vstack([chunk_vectors(composition, sentence_vecs, i, min(stop, i + 50_000)) for i in range(start, stop, 50_000)])
    lo, hi = composition.starts[start], composition.starts[stop]
    sums = np.add.reduceat(sentence_vecs[composition.members[lo:hi]], composition.starts[start:stop] - lo, axis=0)
    return (sums / np.linalg.norm(sums, axis=1, keepdims=True)).astype(np.float32)


def chunk_text(composition: Composition, sentences: list[str], i: int) -> str:
    return " ".join(sentences[j] for j in composition.sentences_of(i))


def compose_check(composition: Composition, sentences: list[str], sentence_vecs: np.ndarray, embedder, count: int) -> dict:
    """Cosine between a composed vector and the real embedding of the joined text, over ``count`` chunks."""
    picks = np.random.default_rng(7).choice(len(composition), size=min(count, len(composition)), replace=False)
    real = embedder.encode([chunk_text(composition, sentences, int(i)) for i in picks])
    composed = np.vstack([chunk_vectors(composition, sentence_vecs, int(i), int(i) + 1) for i in picks])
    cosines = np.sum(real * composed, axis=1)
    return {"chunks": len(picks), "mean": float(cosines.mean()), "p5": float(np.percentile(cosines, 5)),
            "min": float(cosines.min())}


# ---- queries ------------------------------------------------------------------------------------


def query_vectors(workdir: Path, embedder, count: int) -> tuple[list[str], np.ndarray]:
    asked = questions(count)
    cached = workdir / f"queries{count}.npy"
    if cached.exists():
        return asked, np.load(cached)
    vectors = embedder.encode(asked)
    np.save(cached, vectors)
    return asked, vectors


# ---- the index folder -----------------------------------------------------------------------------


def synthetic_document(composition: Composition, sentences: list[str], doc: int, first: int, vectors: np.ndarray):
    """Document ``doc``: chunks first..first+len(vectors), ten pages of four chunks, as ``store_documents`` takes them."""
    from rag.records import Chunk, SourceFile

    chunks, offset = [], 0
    for ordinal in range(len(vectors)):
        text = chunk_text(composition, sentences, first + ordinal)
        chunks.append(Chunk(ordinal, text, offset, offset + len(text), pages=(ordinal // 4 + 1,),
                            heading_path=(f"Document {doc}",), element_types=("NarrativeText",),
                            n_tokens=len(text.split()) * 4 // 3))
        offset += len(text) + 2
    digest = hashlib.sha256(f"synthetic {doc}".encode()).hexdigest()
    return SourceFile(f"/synthetic/doc{doc:06d}.txt", offset, 0.0, digest, "txt"), chunks, vectors, offset


def fill_catalog(index, composition: Composition, sentences: list[str], sentence_vecs: np.ndarray, batch_docs: int = 500) -> None:
    """Every composed chunk into the catalog, ``CHUNKS_PER_DOC`` a document, ``batch_docs`` documents a transaction."""
    collection = index.catalog.collection_id("default")
    step = CHUNKS_PER_DOC * batch_docs
    for first in range(0, len(composition), step):
        last = min(len(composition), first + step)
        vectors = chunk_vectors(composition, sentence_vecs, first, last)
        documents = [
            synthetic_document(composition, sentences, start // CHUNKS_PER_DOC, start,
                               vectors[start - first : min(last, start + CHUNKS_PER_DOC) - first])
            for start in range(first, last, CHUNKS_PER_DOC)
        ]
        index.catalog.store_documents(collection, documents)
        print(f"  catalog: {last} chunks", flush=True)


def build_index(folder: Path, composition: Composition, sentences: list[str], sentence_vecs: np.ndarray, embedder,
                **settings) -> dict:
    """The index folder the product reads: catalog rows in bulk, then FAISS and BM25 as the first writer saves them."""
    from bench.timing import timing_methods
    from rag.config import Settings
    from rag.index import Index
    from rag.keyword_index import KeywordIndex
    from rag.vector_index import VectorIndex

    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    index = Index.open(Settings(index_dir=folder, **settings), embedder, create=True)
    fill_catalog(index, composition, sentences, sentence_vecs)
    fill_s = time.perf_counter() - started
    totals: dict[str, float] = {}
    with timing_methods(totals, (VectorIndex, "build"), (VectorIndex, "save"), (KeywordIndex, "build"), (KeywordIndex, "save")):
        with index.write_lock():  # FAISS built from the catalog's vectors; FAISS, BM25 and the manifest saved
            pass
    index.close()
    return {"chunks": len(composition), "documents": -(-len(composition) // CHUNKS_PER_DOC), "catalog_fill_s": fill_s,
            "total_s": time.perf_counter() - started, **{k + "_s": v for k, v in totals.items()},
            "peak_rss_gb": _peak_rss_gb(), "disk_gb": _disk_gb(folder),
            "disk_parts_gb": {p.name: round(_disk_gb(p), 3) for p in folder.iterdir()}}


# ---- measuring the product --------------------------------------------------------------------------


def measure(folder: Path, composition: Composition, sentence_vecs: np.ndarray, asked: list[str], embedder) -> dict:
    """Open time, hybrid latency (query encoding included, one query at a time), ANN recall@10, RSS."""
    import rag
    from bench.timing import OtherLoad, stats, time_each

    embedder.warm_up()
    embedder.encode_query("warm up")
    rss_before = _rss_gb()
    started = time.perf_counter()
    engine = rag.open(folder, embedder=embedder, create=False)
    open_s = time.perf_counter() - started
    rss_open = _rss_gb()
    index = engine.index
    with OtherLoad() as load:
        hybrid = stats(time_each(lambda q: engine.retrieve(q, k=5, mode="hybrid"), asked))
    dense = stats(time_each(lambda q: engine.retrieve(q, k=5, mode="dense"), asked))
    keyword = stats(time_each(lambda q: engine.retrieve(q, k=5, mode="keyword"), asked))
    out = {"open_s": open_s, "faiss": type(index.vectors.index).__name__, "faiss_inner": _inner_name(index.vectors),
           "nprobe": index.vectors.nprobe, "hybrid_ms": hybrid, "other_processes_cores_during_hybrid": load.cores, "dense_ms": dense, "keyword_ms": keyword,
           "ann_recall@10": ann_recall(index, composition, sentence_vecs, embedder.encode(asked)), "queries": len(asked),
           "rss_before_open_gb": rss_before, "rss_after_open_gb": rss_open, "rss_after_queries_gb": _rss_gb()}
    engine.close()
    return out


def ann_recall(index, composition: Composition, sentence_vecs: np.ndarray, queries: np.ndarray) -> float:
    """Recall@10 of the index's FAISS search against exact search over the composed vectors."""
    ids = [1, len(composition) // 2, len(composition)]  # chunk ids are 1..n in composition order (a fresh catalog)
    stored = index.catalog.get_vectors(ids)
    if not all(np.allclose(stored[i], chunk_vectors(composition, sentence_vecs, i - 1, i)[0]) for i in ids):
        raise RuntimeError("the catalog's chunk ids are not 1..n in composition order")
    found = index.vectors.search(queries, 10)[1] - 1
    return recall_at(found, exact_neighbours(chunk_vectors(composition, sentence_vecs), queries))


THIRTEEN_PAGES = SQUAD_DIR.parent / "example-docs" / "pdf" / "multi-column.pdf"  # the nearest to 10 pages in the datasets


def ten_pages(workdir: Path) -> Path:
    """A 10-page document: the first ten pages of THIRTEEN_PAGES (a two-column paper), written once."""
    from pypdf import PdfReader, PdfWriter

    path = workdir / "ten-pages.pdf"
    if not path.exists():
        writer = PdfWriter()
        for page in PdfReader(THIRTEEN_PAGES).pages[:10]:
            writer.add_page(page)
        with path.open("wb") as out:
            writer.write(out)
    return path


def add_document(folder: Path, embedder, path: Path) -> dict:
    """Ingest one document into the big index through ``ingest`` (in process, model loaded: a web UI
    upload, the Python API), where the time goes, then the same through the ``rag ingest`` command
    (a new process: interpreter, imports, model); the document is deleted after each."""
    import subprocess
    import sys

    import psutil

    from bench.rss import wait_with_peak_rss
    from bench.timing import timing_methods
    from ingest.pipeline import ingest
    from rag.catalog import Catalog
    from rag.config import Settings
    from rag.index import Index
    from rag.keyword_index import KeywordIndex
    from rag.vector_index import VectorIndex

    settings = Settings(index_dir=folder)
    totals: dict[str, float] = {}
    with timing_methods(totals, (Index, "open"), (Index, "save"), (VectorIndex, "load"), (VectorIndex, "save"),
                        (KeywordIndex, "load"), (KeywordIndex, "save"), (Index, "refresh_keyword"),
                        (Catalog, "store_document"), (type(embedder), "encode")):
        started = time.perf_counter()
        report = ingest([path], settings, embedder=embedder)
        add_s = time.perf_counter() - started
    out = {"document": path.name, "chunks": report.chunks, "ingest_s": add_s, "parts_s": totals,
           "delete_s": _delete(settings, embedder, path)}
    command = [str(Path(sys.executable).parent / "rag"), "ingest", str(path), "--index", str(folder), "--json"]
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = wait_with_peak_rss(process)
    out.update(cli_s=time.perf_counter() - started, cli_peak_rss_gb=peak / 1e9,
               cli_report=json.loads(process.stdout.read().decode().strip().splitlines()[-1]))
    _delete(settings, embedder, path)
    return out


def _delete(settings, embedder, path: Path) -> float:
    from rag.index import Index

    with Index.open(settings, embedder) as index:
        stored = {str(path.absolute()), str(path.resolve())}  # as ingest stored it, through a symlink or not
        ids = [d.id for d in index.catalog.documents() if d.path in stored]
        started = time.perf_counter()
        index.delete_documents(ids)
        return time.perf_counter() - started


def _inner_name(vectors) -> str:
    import faiss

    inner = faiss.downcast_index(vectors.index)
    if isinstance(inner, faiss.IndexIVF):
        return f"{type(inner).__name__} nlist={inner.nlist}"
    return type(inner).__name__


def _rss_gb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1e9


def _peak_rss_gb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def _disk_gb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e9


def _record(workdir: Path, name: str, values) -> None:
    path = workdir / "results.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    results[name] = values
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"{name}: {json.dumps(values)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=20_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/million"))
    parser.add_argument("--queries", type=int, default=400, help="questions for recall (FAISS candidates)")
    parser.add_argument("--label", default="", help="names the add-document result (e.g. before/after a change)")
    parser.add_argument("--latency-queries", type=int, default=300, help="questions timed end to end")
    parser.add_argument("--stages", default="faiss,build,measure", help="comma-separated: check, faiss, build, measure, add")
    args = parser.parse_args()
    from rag.config import Settings
    from rag.embed import Embedder

    stages = set(args.stages.split(","))
    tag = f"n{args.chunks}"
    # the backend RAG_EMBEDDING_BACKEND names, else the one the big index was built with, else the default
    embedder = Embedder.from_settings(Settings(embedding_batch_size=128, index_dir=args.workdir / tag))
    sentences, sentence_vecs = sentence_vectors(args.workdir, embedder)
    composition = compose(args.chunks, distinct_sentences()[1])
    asked, queries = query_vectors(args.workdir, embedder, args.queries)
    if "check" in stages:
        _record(args.workdir, "compose_check", compose_check(composition, sentences, sentence_vecs, embedder, 2000))
    if "faiss" in stages:
        started = time.perf_counter()
        rows = faiss_candidates(chunk_vectors(composition, sentence_vecs), queries, args.workdir)
        _record(args.workdir, f"{tag}_faiss", {"rows": rows, "wall_s": time.perf_counter() - started})
        print_candidates(rows)
    folder = args.workdir / tag
    if "build" in stages:
        _record(args.workdir, f"{tag}_build", build_index(folder, composition, sentences, sentence_vecs, embedder))
    if "measure" in stages:
        measured = measure(folder, composition, sentence_vecs, asked[: args.latency_queries], embedder)
        _record(args.workdir, f"{tag}_measure", {**measured, "peak_rss_gb": _peak_rss_gb()})
    if "add" in stages:
        for path in (ten_pages(args.workdir), THIRTEEN_PAGES):
            _record(args.workdir, f"{tag}_add_{path.stem}{args.label}", add_document(folder, embedder, path))


if __name__ == "__main__":
    main()
