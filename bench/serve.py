"""`rag serve` under concurrent clients on loopback: searches, then asks.

    .venv/bin/python -m bench.serve [--work /tmp/bench-serve] [--search-clients 16] [--seconds 20]
                                    [--ask-clients 8] [--asks-per-client 2] [--json FILE]

Builds (or reuses) an index of sample_docs/ in WORK, starts a real `rag serve` process with the
bundled model on a free loopback port, and runs, one phase after the other:

* **search**: N clients, each in its own thread with its own HTTP connection, send /v1/search
  (hybrid, k=5) back to back for SECONDS; questions cycle through the sample questions. Reports
  requests, errors, p50/p95/max latency in ms as the client sees it (HTTP included).
* **ask**: one client asks every question once (the reference answers), then M clients ask the
  same questions at once. A 503 (queue full) is counted and retried after its Retry-After; any
  other error is an error. Reports latency p50/p95, the 503 count, errors, and how many answers
  differ from the single client's (the goal is none: one model answers one question at a time).

Goals (issue 14, 2-core machine): 16 search clients p95 <= 150 ms without errors; 8 ask clients
without errors other than 503 and with answers identical to a single client's.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = [
    "How often is the sourdough starter fed?",
    "When does the Riverside branch close on Saturday?",
    "How long can the Aurora X2 drone fly?",
    "What is the chlorine contact time at the water treatment plant?",
    "How much can be claimed per night for hotels?",
    "When is the database maintenance window?",
    "How many units of the 10 mm hex bolts are in stock?",
    "Who leads Project Osprey?",
]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


def _summary(latencies: list[float]) -> dict:
    return {"p50_ms": round(_percentile(latencies, 0.5), 1), "p95_ms": round(_percentile(latencies, 0.95), 1),
            "max_ms": round(max(latencies), 1) if latencies else None}


def build_index(work: Path) -> Path:
    index = work / "index"
    if not (index / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "rag.cli", "ingest", str(ROOT / "sample_docs"), "--index", str(index)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return index


def start_server(index: Path, queue: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "serve", "--index", str(index), "--port", str(port), "--queue", str(queue)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not start")


def search_phase(url: str, clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = 0.0

    def client(number: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as http:
            i = number
            while time.monotonic() < stop_at:
                started = time.perf_counter()
                try:
                    response = http.post("/v1/search", json={"query": QUESTIONS[i % len(QUESTIONS)], "k": 5})
                    ok = response.status_code == 200
                except httpx.HTTPError as exc:
                    ok, response = False, exc
                took = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(took) if ok else errors.append(str(getattr(response, "status_code", response)))
                i += 1

    # warm up: the first searches load BM25 and FAISS pages
    with httpx.Client(base_url=url, timeout=60) as http:
        for question in QUESTIONS:
            http.post("/v1/search", json={"query": question, "k": 5})
    stop_at = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"clients": clients, "seconds": seconds, "requests": len(latencies) + len(errors), "errors": len(errors),
            "error_samples": errors[:5], **_summary(latencies)}


def ask_phase(url: str, clients: int, per_client: int) -> dict:
    def ask(http: httpx.Client, question: str, busy: list[int], errors: list[str]) -> tuple[str, float]:
        started = time.perf_counter()
        for _ in range(200):
            try:
                response = http.post("/v1/ask", json={"question": question})
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
                return "", 0.0
            if response.status_code == 503:
                busy.append(1)
                time.sleep(float(response.headers.get("Retry-After", "1")))
                continue
            if response.status_code != 200:
                errors.append(str(response.status_code))
                return "", 0.0
            return response.json()["answer"], (time.perf_counter() - started) * 1000
        errors.append("gave up after 200 busy replies")
        return "", 0.0

    reference: dict[str, str] = {}
    single: list[float] = []
    with httpx.Client(base_url=url, timeout=600) as http:
        for question in QUESTIONS:
            reference[question], took = ask(http, question, [], [])
            single.append(took)

    latencies: list[float] = []
    busy: list[int] = []
    errors: list[str] = []
    differ: list[dict] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        with httpx.Client(base_url=url, timeout=600) as http:
            for i in range(per_client):
                question = QUESTIONS[(number + i) % len(QUESTIONS)]
                text, took = ask(http, question, busy, errors)
                with lock:
                    if took:
                        latencies.append(took)
                        if text != reference[question]:
                            differ.append({"question": question, "single": reference[question], "concurrent": text})

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"clients": clients, "asks": clients * per_client, "errors": len(errors), "error_samples": errors[:5],
            "busy_503": len(busy), "answers_differing_from_single_client": len(differ), "differing": differ[:3],
            "single_client": _summary(single), **_summary(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-serve"))
    parser.add_argument("--search-clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--ask-clients", type=int, default=8)
    parser.add_argument("--asks-per-client", type=int, default=2)
    parser.add_argument("--queue", type=int, default=4, help="the server's answer queue (more asks get 503)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    index = build_index(args.work)
    process, url = start_server(index, args.queue)
    try:
        result = {
            "machine": {"cores": os.cpu_count()},
            "search": search_phase(url, args.search_clients, args.seconds),
            "ask": ask_phase(url, args.ask_clients, args.asks_per_client),
        }
    finally:
        process.terminate()
        process.wait(30)
    result["goals"] = {
        "search_p95_le_150ms_no_errors": result["search"]["p95_ms"] <= 150 and result["search"]["errors"] == 0,
        "ask_only_503_and_identical": result["ask"]["errors"] == 0 and result["ask"]["answers_differing_from_single_client"] == 0,
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
