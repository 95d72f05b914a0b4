"""Documents: upload and ingest with live progress, re-sync a folder, list and delete documents,
create and switch collections."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from ingest.uploads import UploadError, safe_name, save_upload
from rag.errors import RagError
from webui import render, state

log = logging.getLogger("rag.webui")


def run_ingest(engine, paths: list[Path], collection: str, prune: bool = False, labels: dict[str, str] | None = None):
    """Ingest with a progress bar and a live per-file table; returns (report, rows) or None on error."""
    labels = labels or {}
    rows: dict[str, dict] = {}
    for path in paths:
        if path.is_file():
            key = str(path.absolute())
            rows[key] = {"file": labels.get(key, path.name), "status": "waiting", "error": ""}
    bar = st.progress(0.0, text="Checking files ...")
    table = st.empty()
    if rows:
        table.dataframe(list(rows.values()), hide_index=True, width="stretch")

    def on_progress(event) -> None:
        total = max(event.files_total, 1)
        if event.path:
            row = rows.setdefault(event.path, {"file": Path(event.path).name, "status": "", "error": ""})
            row["status"] = event.status  # added, updated or failed
            bar.progress(event.files_done / total,
                         text=f"{event.files_done} of {event.files_total} files · {event.chunks} chunks · {Path(event.path).name}")
        else:
            bar.progress(0.0, text=f"Parsing {event.files_total} files ...")
        table.dataframe(list(rows.values()), hide_index=True, width="stretch")

    try:
        report = engine.ingest([str(p) for p in paths], collection=collection, prune=prune, on_progress=on_progress)
    except RagError as exc:
        bar.empty()
        st.error(f"Ingest failed: {exc}")
        return None
    for error in report.errors:
        row = rows.setdefault(error.path, {"file": Path(error.path).name, "status": "", "error": ""})
        row["status"], row["error"] = "failed", error.error
    for row in rows.values():
        if row["status"] == "waiting":
            row["status"] = "unchanged"
    bar.progress(1.0, text=f"Done in {report.seconds:.1f} s")
    return report, list(rows.values())


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
    (st.warning if failed else st.success)(message)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")


def upload_section(engine, collection: str) -> None:
    st.subheader("Add documents")
    limit_mb = engine.settings.max_file_mb
    generation = st.session_state.setdefault("uploader_generation", 0)
    files = st.file_uploader(
        f"Upload files (up to {limit_mb:.0f} MB each); they are stored in the index folder and join '{collection}'",
        accept_multiple_files=True, key=f"uploader-{generation}",
    )
    if not st.button(f"Ingest {len(files or [])} file(s)", type="primary", disabled=not files, icon=":material/upload:"):
        return
    folder = engine.settings.resolved_upload_dir / safe_name(collection)
    saved, errors, labels = [], [], {}
    for upload in files:
        try:
            item = save_upload(folder, upload.name, upload.getvalue(), engine.settings.max_file_bytes)
        except (UploadError, OSError) as exc:
            errors.append({"file": upload.name, "status": "failed", "error": str(exc)})
            continue
        saved.append(item.path)
        labels[str(item.path)] = upload.name if item.path.name == upload.name else f"{upload.name} \u2192 {item.path.name}"
    result = run_ingest(engine, saved, collection, labels=labels) if saved else None
    rows = errors + (result[1] if result else [])
    failed = bool(errors) or bool(result and result[0].failed)
    message = summary(result[0]) if result else "No file was ingested."
    st.session_state["last_ingest"] = (message, rows, failed)
    st.session_state["uploader_generation"] = generation + 1  # empties the uploader
    st.rerun()


def resync_section(engine, collection: str) -> None:
    with st.expander("Re-sync a folder"):
        folder = st.text_input("Folder on this machine", key="resync_folder",
                               help="New and changed files are ingested, unchanged ones skipped.")
        prune = st.checkbox("Delete documents whose files are gone", key="resync_prune")
        if st.button("Re-sync", icon=":material/sync:"):
            path = Path(folder.strip()).expanduser()
            if not folder.strip() or not path.is_dir():
                st.error(f"Not a folder on this machine: {folder.strip()}")
                return
            result = run_ingest(engine, [path], collection, prune=prune)
            if result:
                st.session_state["last_ingest"] = (summary(result[0]), result[1], bool(result[0].failed))
                st.rerun()


def documents_section(engine, collection: str) -> None:
    docs = engine.documents(collection)
    st.subheader(f"Documents in '{collection}' ({len(docs)})")
    if not docs:
        st.info("No documents yet.")
        return
    rows = [
        {"name": Path(d.path).name, "status": d.status, "chunks": d.n_chunks, "type": d.file_type,
         "error": d.error or "", "updated": d.updated_at.strftime("%Y-%m-%d %H:%M"), "path": d.path}
        for d in docs
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    by_id = {d.id: d for d in docs}
    chosen = st.multiselect("Delete documents", options=list(by_id), format_func=lambda i: Path(by_id[i].path).name,
                            key="delete_choice", placeholder="Choose documents to delete")
    if st.button("Delete", disabled=not chosen, icon=":material/delete:"):
        uploads = engine.settings.resolved_upload_dir.resolve()
        removed = engine.delete_documents(chosen)
        for doc_id in chosen:  # an uploaded copy goes too, or a re-sync would bring it back; other files stay
            path = Path(by_id[doc_id].path)
            if path.resolve().is_relative_to(uploads):
                path.unlink(missing_ok=True)
        st.session_state["last_ingest"] = (f"Deleted {len(chosen)} document(s), {removed} chunks.", [], False)
        st.session_state.pop("delete_choice", None)
        st.rerun()


def collections_section(engine, collection: str) -> None:
    names = engine.collections() or [collection]
    left, right = st.columns(2, vertical_alignment="bottom")
    with left:
        choice = st.selectbox("Collection", names, index=names.index(collection) if collection in names else 0)
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
                    st.error(str(exc))
                else:
                    st.session_state["collection"] = created
                    state.new_chat()
                    st.rerun()


def main() -> None:
    engine = state.engine()
    collection = state.collection(engine)
    st.title("Documents")
    collections_section(engine, collection)
    show_last_result()
    upload_section(engine, collection)
    resync_section(engine, collection)
    documents_section(engine, collection)


main()
