"""Documents: upload and ingest with live progress, re-sync a folder, list and delete documents,
create and switch collections."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

from ingest.uploads import UploadError, save_upload, upload_folder
from rag.errors import RagError
from rag.records import IngestReport
from webui import render, state

log = logging.getLogger("rag.webui")


@dataclass
class Outcome:
    """What one ingest from the page did; ``interrupted`` holds the user's click that came meanwhile."""

    report: IngestReport | None = None
    rows: list[dict] = field(default_factory=list)
    interrupted: ScriptControlException | None = None
    error: str | None = None  # why the whole run failed (a bad file only fails its own row)


def run_ingest(engine, paths: list[Path], collection: str, prune: bool = False, labels: dict[str, str] | None = None) -> Outcome:
    """Ingest with a progress bar and a live per-file table.

    A click elsewhere while it runs (another page, another button) does not stop it. Streamlit
    starts the next run at once and raises a stop request in this one at its next UI call; that
    is caught, the ingest goes on unseen, and ``finish`` ends this run after storing the result,
    so no upload is left half ingested."""
    labels = labels or {}
    rows: dict[str, dict] = {}
    for path in paths:
        if path.is_file():
            key = str(path.absolute())
            rows[key] = {"file": render.plain(labels.get(key, path.name)), "status": "waiting", "error": ""}
    outcome = Outcome()
    bar = st.progress(0.0, text="Checking files ...")
    table = st.empty()
    if rows:
        table.dataframe(list(rows.values()), hide_index=True, width="stretch")

    def on_progress(event) -> None:
        if event.path:
            row = rows.setdefault(event.path, {"file": render.plain(Path(event.path).name), "status": "", "error": ""})
            row["status"] = event.detail or event.status  # added, updated or failed; OCR page n of m
        if outcome.interrupted:
            return
        try:
            if event.path:
                text = f"{event.files_done} of {event.files_total} files · {event.chunks} chunks · {Path(event.path).name}"
                bar.progress(event.files_done / max(event.files_total, 1), text=render.md_text(text))
            else:
                bar.progress(0.0, text=f"Parsing {event.files_total} files ...")
            table.dataframe(list(rows.values()), hide_index=True, width="stretch")
        except ScriptControlException as exc:  # Streamlit raises the user's next click here
            outcome.interrupted = exc

    st.session_state["ingesting"] = True
    try:
        outcome.report = engine.ingest([str(p) for p in paths], collection=collection, prune=prune, on_progress=on_progress)
    except RagError as exc:
        bar.empty()
        outcome.error = f"Ingest failed: {exc}"
        st.error(render.md_text(outcome.error))
        return outcome
    finally:
        st.session_state["ingesting"] = False
    for error in outcome.report.errors:
        row = rows.setdefault(error.path, {"file": render.plain(Path(error.path).name), "status": "", "error": ""})
        row["status"], row["error"] = "failed", render.plain(error.error)
    for row in rows.values():
        if row["status"] == "waiting":
            row["status"] = "unchanged"
    outcome.rows = list(rows.values())
    return outcome


def finish(message: str, rows: list[dict], failed: bool, outcome: Outcome | None) -> None:
    """Keep the result for the page to show, then rerun, or follow the click that came during the ingest."""
    st.session_state["last_ingest"] = (message, rows, failed)
    if outcome is not None and outcome.interrupted is not None:
        raise outcome.interrupted
    st.rerun()


def summary(report) -> str:
    parts = [f"{report.added} added", f"{report.updated} updated", f"{report.unchanged} unchanged"]
    if report.removed:
        parts.append(f"{report.removed} removed")
    if report.failed:
        parts.append(f"{report.failed} failed")
    return f"Ingested: {', '.join(parts)}; {report.chunks} chunks in {report.seconds:.1f} s."


def show_last_result() -> None:
    result = st.session_state.get("last_ingest")
    if not result:
        return
    message, rows, failed = result
    (st.warning if failed else st.success)(render.md_text(message))
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")


def upload_section(engine, collection: str) -> None:
    st.subheader("Add documents")
    limit_mb = engine.settings.max_file_mb
    generation = st.session_state.setdefault("uploader_generation", 0)
    files = st.file_uploader(
        render.md_text(f"Upload files (up to {limit_mb:.0f} MB each); they are stored in the index folder and join "
                       f"'{collection}'"),
        accept_multiple_files=True, key=f"uploader-{generation}",
    )
    if not st.button(f"Ingest {len(files or [])} file(s)", type="primary", disabled=not files, icon=":material/upload:"):
        return
    folder = upload_folder(engine.settings.resolved_upload_dir, collection)
    saved, errors, labels = [], [], {}
    for upload in files:
        try:
            item = save_upload(folder, upload.name, upload.getvalue(), engine.settings.max_file_bytes)
        except (UploadError, OSError) as exc:
            errors.append({"file": render.plain(upload.name), "status": "failed", "error": render.plain(str(exc))})
            continue
        saved.append(item.path)
        labels[str(item.path)] = upload.name if item.path.name == upload.name else f"{upload.name} \u2192 {item.path.name}"
    outcome = run_ingest(engine, saved, collection, labels=labels) if saved else None
    report = outcome.report if outcome else None
    st.session_state["uploader_generation"] = generation + 1  # empties the uploader
    message = summary(report) if report else (outcome and outcome.error) or "No file was ingested."
    finish(message, errors + (outcome.rows if outcome else []),
           bool(errors) or not report or bool(report.failed), outcome)


def resync_section(engine, collection: str) -> None:
    with st.expander("Re-sync a folder"):
        folder = st.text_input("Folder on this machine", key="resync_folder",
                               help="New and changed files are ingested, unchanged ones skipped.")
        prune = st.checkbox("Delete documents whose files are gone", key="resync_prune")
        if st.button("Re-sync", icon=":material/sync:"):
            path = Path(folder.strip()).expanduser()
            if not folder.strip() or not path.is_dir():
                st.error(render.md_text(f"Not a folder on this machine: {folder.strip()}"))
                return
            outcome = run_ingest(engine, [path], collection, prune=prune)
            if outcome.report:
                finish(summary(outcome.report), outcome.rows, bool(outcome.report.failed), outcome)


def documents_section(engine, collection: str) -> None:
    docs = engine.documents(collection)
    st.subheader(render.md_text(f"Documents in '{collection}' ({len(docs)})"))
    if not docs:
        st.info("No documents yet.")
        return
    rows = [
        {"name": render.plain(Path(d.path).name), "status": d.status, "chunks": d.n_chunks, "type": d.file_type,
         "error": render.plain(d.error or ""), "updated": d.updated_at.strftime("%Y-%m-%d %H:%M"),
         "path": render.plain(d.path)}
        for d in docs
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    by_id = {d.id: d for d in docs}
    chosen = st.multiselect("Delete documents", options=list(by_id), key="delete_choice",
                            format_func=lambda i: render.plain(Path(by_id[i].path).name),
                            placeholder="Choose documents to delete")
    if st.button("Delete", disabled=not chosen, icon=":material/delete:"):
        uploads = engine.settings.resolved_upload_dir.resolve()
        removed = engine.delete_documents(chosen)
        for doc_id in chosen:  # an uploaded copy goes too, or a re-sync would bring it back; other files stay
            path = Path(by_id[doc_id].path)
            if path.resolve().is_relative_to(uploads):
                path.unlink(missing_ok=True)
        st.session_state.pop("delete_choice", None)
        finish(f"Deleted {len(chosen)} document(s), {removed} chunks.", [], False, None)


def collections_section(engine, collection: str) -> None:
    names = engine.collections() or [collection]
    left, right = st.columns(2, vertical_alignment="bottom")
    with left:
        choice = st.selectbox("Collection", names, format_func=render.plain,
                              index=names.index(collection) if collection in names else 0)
        if choice != collection:
            st.session_state["collection"] = choice
            state.new_chat()
            st.rerun()
    with right:
        with st.popover("New collection", icon=":material/create_new_folder:"):
            name = st.text_input("Name", key="new_collection")
            if st.button("Create"):
                try:
                    created = engine.create_collection(name)
                except RagError as exc:
                    st.error(render.md_text(str(exc)))
                else:
                    st.session_state["collection"] = created
                    state.new_chat()
                    st.rerun()


def main() -> None:
    engine = state.engine()
    collection = state.collection(engine)
    st.title("Documents")
    collections_section(engine, collection)
    if st.session_state.get("ingesting"):
        st.info("An ingest started earlier is still running; its documents appear here when it ends (reload the page).")
    show_last_result()
    upload_section(engine, collection)
    resync_section(engine, collection)
    documents_section(engine, collection)


main()
