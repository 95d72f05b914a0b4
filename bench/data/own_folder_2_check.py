"""Check bench/data/blind18_questions.jsonl and chats_own2.jsonl against own_folder_2/.

Every gold / answers string must occur (case-insensitive, whitespace-normalised) in the text of its
source document as a reader sees it: .docx paragraphs and tables (python-docx), .xlsx every sheet's
cell values (openpyxl; also the values as displayed, e.g. dates and £ amounts), .pptx text frames and
tables (python-pptx), .pdf (pypdf), .html with tags stripped and entities decoded, .eml decoded
body parts, other files as UTF-8 text.

    /work/main/.venv/bin/python bench/data/own_folder_2_check.py
"""
import csv
import email
import html
import json
import os
import re
import sys
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "own_folder_2")
QUESTIONS = os.path.join(HERE, "blind18_questions.jsonl")
CHATS = os.path.join(HERE, "chats_own2.jsonl")


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def shown(v, fmt):
    """Roughly how a spreadsheet shows a cell value."""
    import datetime as dt
    out = [str(v)]
    if isinstance(v, (dt.date, dt.datetime)):
        out.append(f"{v.day} {v.strftime('%B %Y')}")
    elif isinstance(v, float) or isinstance(v, int):
        if "0.00" in (fmt or ""):
            out.append(f"£{v:,.2f}" if "£" in fmt else f"{v:,.2f}")
    return " ".join(out)


def text_of(path):
    ext = path.rsplit(".", 1)[-1].lower()
    if ext == "docx":
        from docx import Document
        d = Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        return "\n".join(parts)
    if ext == "xlsx":
        from openpyxl import load_workbook
        wb = load_workbook(path)
        parts = []
        for ws in wb.worksheets:
            parts.append(f"# {ws.title}")
            for row in ws.iter_rows():
                parts.append(" | ".join(shown(c.value, c.number_format) for c in row
                                        if c.value is not None))
        return "\n".join(parts)
    if ext == "pptx":
        from pptx import Presentation
        parts = []
        for slide in Presentation(path).slides:
            for sh in slide.shapes:
                if sh.has_text_frame:
                    parts.append(sh.text_frame.text)
                if getattr(sh, "has_table", False) and sh.has_table:
                    for row in sh.table.rows:
                        parts.append(" | ".join(c.text for c in row.cells))
        return "\n".join(parts)
    if ext == "pdf":
        from pypdf import PdfReader
        return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)
    if ext in ("html", "htm"):
        raw = open(path, encoding="utf-8").read()
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        return html.unescape(re.sub(r"<[^>]+>", " ", raw))
    if ext == "eml":
        msg = email.message_from_binary_file(open(path, "rb"), policy=policy.default)
        parts = [f"Subject: {msg['subject']}", f"From: {msg['from']}", f"Date: {msg['date']}"]
        for part in msg.walk():
            if part.get_content_type() == "text/plain":
                parts.append(part.get_content())
        return "\n".join(parts)
    if ext == "csv":
        with open(path, newline="", encoding="utf-8") as f:
            return "\n".join(" | ".join(r) for r in csv.reader(f))
    return open(path, encoding="utf-8").read()


def main():
    errors = []
    files = sorted(os.listdir(FOLDER))
    texts = {f: norm(text_of(os.path.join(FOLDER, f))) for f in files}
    total = sum(os.path.getsize(os.path.join(FOLDER, f)) for f in files)
    if not 14 <= len(files) <= 16:
        errors.append(f"{len(files)} files in the folder")
    if total >= 1_000_000:
        errors.append(f"folder is {total} bytes")
    for f in files:
        if not re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9]+", f):
            errors.append(f"bad file name {f}")

    def check(where, src, answers):
        if src not in texts:
            errors.append(f"{where}: source {src!r} not in folder")
            return
        for a in answers:
            if norm(a) not in texts[src]:
                errors.append(f"{where}: {a!r} not found in {src}")

    lines = open(QUESTIONS, encoding="utf-8").read().splitlines()
    qs = [json.loads(ln) for ln in lines]
    ans = [q for q in qs if q["gold"] is not None]
    una = [q for q in qs if q["gold"] is None]
    if (len(qs), len(ans), len(una)) != (40, 32, 8):
        errors.append(f"questions: {len(qs)} lines, {len(ans)} answerable, {len(una)} not")
    for i, q in enumerate(qs, 1):
        if set(q) != {"set", "q", "gold", "source", "evidence"} or q["set"] != "own-folder-2":
            errors.append(f"q{i}: bad fields {sorted(q)}")
        if q["gold"] is None:
            if q["source"] is not None or q["evidence"] is not None:
                errors.append(f"q{i}: unanswerable with source/evidence")
            continue
        if not q["gold"] or not all(isinstance(g, str) and g for g in q["gold"]):
            errors.append(f"q{i}: empty gold")
        check(f"q{i} {q['q']!r}", q["source"], q["gold"])
    used = {q["source"] for q in ans}

    chats = [json.loads(ln) for ln in open(CHATS, encoding="utf-8").read().splitlines()]
    kinds, refuse = {}, 0
    if len(chats) != 10:
        errors.append(f"{len(chats)} chats")
    for c in chats:
        if c.get("corpus") != "own-folder-2" or not 2 <= len(c["turns"]) <= 4:
            errors.append(f"{c['id']}: corpus or turn count")
        for k, t in enumerate(c["turns"]):
            kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
            if (k == 0) != (t["kind"] == "first"):
                errors.append(f"{c['id']} turn {k+1}: kind {t['kind']}")
            if t["kind"] == "followup" and not t.get("standalone"):
                errors.append(f"{c['id']} turn {k+1}: followup without standalone")
            if t.get("refuse"):
                refuse += 1
                if t["answers"]:
                    errors.append(f"{c['id']} turn {k+1}: refuse with answers")
                continue
            if not t["answers"]:
                errors.append(f"{c['id']} turn {k+1}: no answers")
            check(f"{c['id']} turn {k+1} {t['question']!r}", t["source"], t["answers"])
            used.add(t["source"])
    if refuse > 3:
        errors.append(f"{refuse} refuse turns")

    print(f"{len(files)} files, {total} bytes; questions {len(qs)} ({len(ans)} answerable, "
          f"{len(una)} not); chats {len(chats)}, turns {kinds}, refuse {refuse}")
    print("files never used as a source:", sorted(set(files) - used) or "none")
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} failures")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
