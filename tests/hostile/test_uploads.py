"""Uploads under attack: simultaneous saves of one name, planted symlinks, names and collections
that clean to the same safe name, names with no safe character at all."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ingest import uploads
from ingest.uploads import safe_name, save_upload, stored_name, upload_folder

LIMIT = 8 * 2**20


def saved_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_simultaneous_saves_of_one_name_never_splice_and_never_fail(tmp_path: Path):
    folder = tmp_path / "uploads"
    first, second = b"A" * (3 * 2**20), b"B" * (3 * 2**20 - 7)
    barrier = threading.Barrier(2)

    def save(data: bytes):
        barrier.wait()
        return save_upload(folder, "report.pdf", data, LIMIT)

    with ThreadPoolExecutor(2) as pool:
        for attempt in range(40):
            results = [f.result() for f in [pool.submit(save, first), pool.submit(save, second)]]  # re-raises
            assert {r.path for r in results} == {folder.resolve() / "report.pdf"}
            content = (folder / "report.pdf").read_bytes()
            assert content in (first, second), f"attempt {attempt}: a file of {len(content)} bytes made of both"
            assert saved_files(folder) == ["report.pdf"], "a temporary file was left behind"


def test_names_that_clean_alike_are_kept_apart_and_a_repeated_name_replaces_its_own_copy(tmp_path: Path):
    folder = tmp_path / "uploads"
    names = ["report.pdf", "report?.pdf", "C:\\x\\report.pdf", "report*.pdf"]
    assert {safe_name(n) for n in names} == {"report.pdf"}  # the collision this guards against
    paths = {n: save_upload(folder, n, n.encode(), LIMIT).path for n in names}
    assert paths["report.pdf"].name == "report.pdf"  # a name that is already safe stays as it is
    assert len(set(paths.values())) == len(names)
    assert all(p.suffix == ".pdf" and p.name.startswith("report (") for n, p in paths.items() if n != "report.pdf")
    assert {n: p.read_bytes() for n, p in paths.items()} == {n: n.encode() for n in names}
    # the same original name again replaces its earlier copy, and only that one
    again = save_upload(folder, "report?.pdf", b"second version", LIMIT)
    assert again.path == paths["report?.pdf"] and again.path.read_bytes() == b"second version"
    assert paths["report.pdf"].read_bytes() == b"report.pdf"
    assert len(saved_files(folder)) == len(names)


def test_alike_names_saved_at_the_same_moment_both_survive(tmp_path: Path):
    folder = tmp_path / "uploads"
    barrier = threading.Barrier(2)

    def save(name: str):
        barrier.wait()
        return save_upload(folder, name, name.encode() * 100_000, LIMIT)

    with ThreadPoolExecutor(2) as pool:
        for _ in range(10):
            a, b = pool.map(save, ["notes.txt", "notes?.txt"])
            assert a.path != b.path
            assert a.path.read_bytes() == b"notes.txt" * 100_000 and b.path.read_bytes() == b"notes?.txt" * 100_000


def test_a_planted_symlink_at_the_target_or_a_temporary_name_is_not_followed(tmp_path: Path, monkeypatch):
    folder = tmp_path / "uploads"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    # the temporary names the old code used, and the target itself
    for name in (".report.pdf.part", "report.pdf"):
        (folder / name).symlink_to(victim)
    # a planted link at the random temporary name too: make the first draw land on it
    draws = iter(["planted", "fresh"])
    monkeypatch.setattr(uploads.secrets, "token_hex", lambda n: next(draws))
    (folder / ".upload-planted.part").symlink_to(victim)

    saved = save_upload(folder, "report.pdf", b"uploaded", LIMIT)
    assert victim.read_text() == "precious"
    assert not saved.path.is_symlink() and saved.path.read_bytes() == b"uploaded"
    assert (folder / ".upload-planted.part").is_symlink() and (folder / ".report.pdf.part").is_symlink()
    assert not (folder / ".upload-fresh.part").exists()


def test_a_failed_save_leaves_no_temporary_file(tmp_path: Path):
    folder = tmp_path / "uploads"
    (folder / "report.pdf").mkdir(parents=True)  # something the rename cannot replace
    with pytest.raises(OSError):
        save_upload(folder, "report.pdf", b"data", LIMIT)
    assert saved_files(folder) == ["report.pdf"]


@pytest.mark.parametrize("name", ["\U0001f389.pdf", "\U0001f4c4\U0001f4c4 \u2728.pdf", "???.pdf", "...pdf.pdf"])
def test_a_stem_with_no_safe_character_keeps_its_extension(tmp_path: Path, name: str):
    assert safe_name(name).endswith(".pdf") and stored_name(name).endswith(".pdf")
    saved = save_upload(tmp_path, name, b"%PDF-1.4", LIMIT)
    assert saved.path.suffix == ".pdf" and saved.path.read_bytes() == b"%PDF-1.4"


def test_each_collection_has_its_own_upload_folder(tmp_path: Path):
    names = ["a?b", "a*b", "a_b", "a/b", "a\\b", "a b", "A_B", "..", ".", "", "con", "\U0001f389", "\U0001f38a",
             "default", "x" * 300, "x" * 301]
    folders = [upload_folder(tmp_path, n) for n in names]
    assert len(set(folders)) == len(names), dict(zip(names, folders))
    assert all(f.parent == tmp_path and f.name not in {"", ".", ".."} for f in folders)
    assert upload_folder(tmp_path, "default") == tmp_path / "default"  # existing folders stay where they are
    assert upload_folder(tmp_path, "a?b") == upload_folder(tmp_path, "a?b")
    for name, folder in zip(names, folders):  # each a folder one can create and write into
        save_upload(folder, "x.txt", name.encode() or b"-", LIMIT)
    assert len(os.listdir(tmp_path)) == len(names)
