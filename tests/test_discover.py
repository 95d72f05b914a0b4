import os
from pathlib import Path

from ingest.discover import display_path, fingerprint, walk


def test_walk_skips_hidden_and_temporary_files_and_survives_link_loops(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.txt").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("x")
    for name in (".dotfile", "~$lock.docx", "draft.txt~", "file.tmp", "x.swp"):
        (tmp_path / name).write_text("x")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)  # a -> loop -> root -> a ...
    (tmp_path / "same.txt").symlink_to(tmp_path / "a" / "doc.txt")
    found = list(walk([tmp_path]))
    assert len(found) == 1  # the file and the link to it are one document
    assert Path(found[0]).resolve() == (tmp_path / "a" / "doc.txt").resolve()


def test_hostile_names_are_walked_and_printable(tmp_path: Path):
    odd = os.fsencode(tmp_path) + b"/bad\xff name\n.txt"
    with open(odd, "wb") as handle:
        handle.write(b"hello")
    (tmp_path / "rm -rf ; $(x).md").write_text("hello")
    found = sorted(walk([tmp_path]))
    assert len(found) == 2
    shown = [display_path(p) for p in found]
    assert any("\\xff" in s for s in shown)
    for s in shown:
        s.encode("utf-8")  # storable


def test_fingerprint_hashes_content(tmp_path: Path):
    one, two = tmp_path / "one.TXT", tmp_path / "two.txt"
    one.write_text("same")
    two.write_text("same")
    assert fingerprint(str(one)).sha256 == fingerprint(str(two)).sha256
    assert fingerprint(str(one)).file_type == "txt"
