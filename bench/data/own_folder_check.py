"""Check bench/data/own_folder/, blind17_questions.jsonl and chats_own.jsonl.

Every gold / answers string must occur (case-insensitive, whitespace-normalised) in the text of its
source file, extracted independently of the RAG tool: python-docx (paragraphs and tables), openpyxl
(all sheets, cell values), python-pptx (text frames and tables), pypdf, HTML with tags stripped, the
e-mail body. Run:  /work/main/.venv/bin/python bench/data/own_folder_check.py
"""

import email
import html
import json
import re
import sys
from email import policy
from pathlib import Path

import docx
import openpyxl
import pypdf
from pptx import Presentation

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "own_folder"


def text_of(p):
    ext = p.suffix.lower()
    if ext == ".docx":
        d = docx.Document(p)
        parts = [x.text for x in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                parts.append(" | ".join(c.text for c in r.cells))
        return "\n".join(parts)
    if ext == ".xlsx":
        wb = openpyxl.load_workbook(p)
        parts = []
        for ws in wb.worksheets:
            parts.append(ws.title)
            for row in ws.iter_rows(values_only=True):
                parts.append(" | ".join("" if v is None else str(v) for v in row))
        return "\n".join(parts)
    if ext == ".pptx":
        parts = []
        for s in Presentation(p).slides:
            for sh in s.shapes:
                if sh.has_text_frame:
                    parts.append(sh.text_frame.text)
                if getattr(sh, "has_table", False) and sh.has_table:
                    for r in sh.table.rows:
                        parts.append(" | ".join(c.text for c in r.cells))
        return "\n".join(parts)
    if ext == ".pdf":
        return "\n".join(pg.extract_text() for pg in pypdf.PdfReader(p).pages)
    if ext == ".html":
        t = re.sub(r"(?is)<(script|style).*?</\1>", " ", p.read_text(encoding="utf-8"))
        return html.unescape(re.sub(r"<[^>]+>", " ", t))
    if ext == ".eml":
        m = email.message_from_bytes(p.read_bytes(), policy=policy.default)
        for h in ("From", "To", "Subject", "Date"):
            assert m[h], f"{p.name}: missing {h} header"
        return "Subject: " + m["subject"] + "\n" + m.get_body().get_content()
    return p.read_text(encoding="utf-8")


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def main():
    errors, warnings = [], []
    files = sorted(FOLDER.iterdir())
    texts = {p.name: norm(text_of(p)) for p in files}
    total = sum(p.stat().st_size for p in files)
    for p in files:
        if not re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9]+", p.name):
            errors.append(f"bad file name {p.name}")
    if total >= 1_000_000:
        errors.append(f"folder too big: {total} bytes")

    def found(s, src):
        return norm(s) in texts[src]

    # ---- questions
    lines = (HERE / "blind17_questions.jsonl").read_text(encoding="utf-8").splitlines()
    qs = [json.loads(x) for x in lines]
    ans = [q for q in qs if q["gold"] is not None]
    una = [q for q in qs if q["gold"] is None]
    if (len(qs), len(ans), len(una)) != (40, 32, 8):
        errors.append(f"counts {len(qs)}/{len(ans)}/{len(una)}")
    for q in qs:
        if set(q) != {"set", "q", "gold", "source", "evidence"} or q["set"] != "own-folder":
            errors.append(f"fields: {q}")
        if q["gold"] is None:
            if q["source"] is not None or q["evidence"] is not None:
                errors.append(f"unanswerable with source/evidence: {q['q']}")
            continue
        if q["source"] not in texts:
            errors.append(f"no such source {q['source']}")
            continue
        for g in q["gold"]:
            if len(g) < 3:
                errors.append(f"gold too short {g!r}")
            if not found(g, q["source"]):
                errors.append(f"gold {g!r} not in {q['source']}  ({q['q']})")
        if not found(q["evidence"], q["source"]):
            warnings.append(f"evidence not verbatim (table row / display format?) in {q['source']}: "
                            f"{q['evidence'][:70]}")
    sources = {q["source"] for q in ans}
    print(f"questions: {len(qs)} ({len(ans)} answerable over {len(sources)} files, {len(una)} not)")

    # ---- chats
    kinds = {"first": 0, "followup": 0, "switch": 0}
    refuse = 0
    chats = [json.loads(x) for x in (HERE / "chats_own.jsonl").read_text(encoding="utf-8").splitlines()]
    for c in chats:
        if c["corpus"] != "own-folder" or not (2 <= len(c["turns"]) <= 4):
            errors.append(f"chat {c['id']}: corpus/turns")
        if c["turns"][0]["kind"] != "first":
            errors.append(f"chat {c['id']}: first turn kind")
        for t in c["turns"]:
            kinds[t["kind"]] += 1
            if t["kind"] == "followup" and not t.get("standalone"):
                errors.append(f"chat {c['id']}: followup without standalone")
            if t["source"] not in texts:
                errors.append(f"chat {c['id']}: no such source {t['source']}")
                continue
            if t.get("refuse"):
                refuse += 1
                if t["answers"]:
                    errors.append(f"chat {c['id']}: refuse turn with answers")
                continue
            if not t["answers"]:
                errors.append(f"chat {c['id']}: no answers")
            for a in t["answers"]:
                if not found(a, t["source"]):
                    errors.append(f"chat {c['id']}: answer {a!r} not in {t['source']}")
    if refuse > 3:
        errors.append(f"{refuse} refuse turns (max 3)")
    print(f"chats: {len(chats)}, turns {kinds}, refuse {refuse}")
    print(f"folder: {len(files)} files, {total} bytes")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
