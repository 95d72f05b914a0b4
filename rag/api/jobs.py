"""Ingest jobs started over HTTP: run one at a time in the background, with progress to poll."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Job:
    id: str
    owner: str  # the API key id that started it; only it may read the job
    collection: str
    files: list[str]
    status: str = "queued"  # queued, running, done, failed
    files_done: int = 0
    files_total: int = 0
    chunks: int = 0
    report: dict | None = None
    error: str | None = None
    rejected: list[dict] = field(default_factory=list)  # uploads refused before ingest (empty, too big)

    def to_dict(self) -> dict:
        return {"id": self.id, "collection": self.collection, "status": self.status, "files_done": self.files_done,
                "files_total": self.files_total, "chunks": self.chunks, "report": self.report, "error": self.error,
                "rejected": self.rejected}


class Jobs:
    def __init__(self, engine, on_report=None) -> None:
        self.engine = engine
        self.on_report = on_report or (lambda report: None)
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-job")

    def start(self, owner: str, collection: str, paths: list[Path], rejected: list[dict]) -> Job:
        job = Job(uuid.uuid4().hex, owner, collection, [str(p) for p in paths], rejected=rejected)
        with self._lock:
            self._jobs[job.id] = job
        if paths:
            self._runner.submit(self._run, job, paths)
        else:
            job.status = "failed"
            job.error = "no file was accepted"
        return job

    def get(self, job_id: str, owner: str) -> Job | None:
        job = self._jobs.get(job_id)
        return job if job and job.owner == owner else None

    def close(self) -> None:
        self._runner.shutdown(wait=False, cancel_futures=True)

    def _run(self, job: Job, paths: list[Path]) -> None:
        job.status = "running"

        def progress(event) -> None:
            job.files_done, job.files_total, job.chunks = event.files_done, event.files_total, event.chunks

        try:
            report = self.engine.ingest(paths, collection=job.collection, on_progress=progress)
        except Exception as exc:  # noqa: BLE001 - a job's failure is reported to whoever polls it
            job.status, job.error = "failed", str(exc).splitlines()[0][:500]
            return
        job.report = report.to_dict()
        job.status = "done"
        self.on_report(report)
