"""Check a person's folder against its blind question set and (optionally) its chats.

Every gold / answers string must occur (case-insensitive, whitespace-normalised) in the text of its
source document as a reader sees it, extracted independently of the RAG tool: .docx paragraphs and
tables (python-docx), .xlsx every sheet with cell values and their displayed form (dates and £ amounts,
openpyxl), .pptx text frames and tables (python-pptx), .pdf (pypdf), .html with tags stripped and
entities decoded, .eml headers and decoded text parts, .csv as text and as rows, other files as UTF-8.
Also checks the shape of the sets: 40 questions (32 answerable, 8 not) with the blind-set fields, one
set name, unique questions; 10 chats with unique ids, 2-4 turns, kinds, standalone rewrites, at most 3
refuse turns; sources that exist; a folder of 14-16 plain-named files under 1 MB.

    /work/main/.venv/bin/python bench/data/check_folder.py --folder bench/data/own_folder_3 \\
        --questions bench/data/blind19_questions.jsonl --chats bench/data/chats_own3.jsonl
"""
import argparse
import csv
import datetime as dt
import email
import html
import io
import json
import re
import sys
from email import policy
from pathlib import Path

import docx
import openpyxl
import pypdf
from pptx import Presentation


# ---------------------------------------------------------------- text as a reader sees it
def docx_text(p):
    d = docx.Document(p)
    rows = [" | ".join(c.text for c in r.cells) for t in d.tables for r in t.rows]
    return "\n".join([x.text for x in d.paragraphs] + rows)


DATE_PARTS = {
    "yyyy": lambda v: f"{v.year}", "yy": lambda v: f"{v.year % 100:02d}",
    "mmmm": lambda v: v.strftime("%B"), "mmm": lambda v: v.strftime("%b"),
    "mm": lambda v: f"{v.month:02d}", "m": lambda v: f"{v.month}",
    "dddd": lambda v: v.strftime("%A"), "ddd": lambda v: v.strftime("%a"),
    "dd": lambda v: f"{v.day:02d}", "d": lambda v: f"{v.day}",
    "hh": lambda v: f"{v.hour:02d}", "h": lambda v: f"{v.hour}",
    "ss": lambda v: f"{v.second:02d}", "s": lambda v: f"{v.second}",
}


def excel_date(v, fmt):
    """A date or time cell as its number format shows it ("ddd dd/mm/yyyy" -> "Wed 01/10/2025")."""
    fmt = re.sub(r'\[[^\]]*\]|["\\]', "", fmt.split(";")[0])
    parts = re.split(r"(yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s)", fmt.lower())
    out, prev = [], None
    for i, t in enumerate(parts):
        if i % 2 == 0:
            out.append(t)
            continue
        nxt = parts[i + 2] if i + 2 < len(parts) else None
        if t in ("mm", "m") and (prev in ("hh", "h") or nxt in ("ss", "s")):   # minutes
            out.append(f"{v.minute:02d}" if t == "mm" else f"{v.minute}")
        else:
            out.append(DATE_PARTS[t](v))
        prev = t
    return "".join(out)


def shown(v, fmt):
    """The raw value and how a spreadsheet shows it."""
    out = [str(v)]
    if isinstance(v, (dt.date, dt.time)):
        if fmt and fmt != "General":
            out.append(excel_date(v, fmt))
        if isinstance(v, dt.date):
            out.append(f"{v.day} {v.strftime('%B %Y')}")
    elif isinstance(v, (int, float)) and "0.00" in (fmt or ""):
        out.append(f"£{v:,.2f}" if "£" in fmt else f"{v:,.2f}")
    return " ".join(out)


def xlsx_text(p):
    parts = []
    for ws in openpyxl.load_workbook(p).worksheets:
        parts.append(f"# {ws.title}")
        for row in ws.iter_rows():
            parts.append(" | ".join(shown(c.value, c.number_format) for c in row if c.value is not None))
    return "\n".join(parts)


def pptx_text(p):
    parts = []
    for slide in Presentation(p).slides:
        for sh in slide.shapes:
            if sh.has_text_frame:
                parts.append(sh.text_frame.text)
            if getattr(sh, "has_table", False) and sh.has_table:
                parts += [" | ".join(c.text for c in r.cells) for r in sh.table.rows]
    return "\n".join(parts)


def pdf_text(p):
    return "\n".join(pg.extract_text() or "" for pg in pypdf.PdfReader(p).pages)


def strip_html(raw):
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def html_text(p):
    return strip_html(p.read_text(encoding="utf-8"))


def eml_text(p):
    m = email.message_from_bytes(p.read_bytes(), policy=policy.default)
    missing = [h for h in ("From", "To", "Subject", "Date") if not m[h]]
    if missing:
        raise ValueError(f"missing header {missing}")
    parts = [f"{h}: {m[h]}" for h in ("Subject", "From", "To", "Date")]
    for part in m.walk():
        if part.get_content_type() == "text/plain":
            parts.append(part.get_content())
        elif part.get_content_type() == "text/html":
            parts.append(strip_html(part.get_content()))
    return "\n".join(parts)


def csv_text(p):
    raw = p.read_text(encoding="utf-8")
    return raw + "\n" + "\n".join(" | ".join(r) for r in csv.reader(io.StringIO(raw)))


READERS = {".docx": docx_text, ".xlsx": xlsx_text, ".pptx": pptx_text, ".pdf": pdf_text,
           ".html": html_text, ".htm": html_text, ".eml": eml_text, ".csv": csv_text}


def text_of(p):
    return READERS.get(p.suffix.lower(), lambda q: q.read_text(encoding="utf-8"))(p)


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def read_jsonl(path):
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]


# ---------------------------------------------------------------- checks
def check_folder(folder, errors):
    files = sorted(p for p in Path(folder).iterdir() if p.is_file())
    texts = {}
    for p in files:
        if not re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9]+", p.name):
            errors.append(f"bad file name {p.name}")
        try:
            texts[p.name] = norm(text_of(p))
        except Exception as e:  # noqa: BLE001 - report any unreadable file
            errors.append(f"{p.name}: cannot read ({e})")
            texts[p.name] = ""
    total = sum(p.stat().st_size for p in files)
    if not 14 <= len(files) <= 16:
        errors.append(f"{len(files)} files in the folder (want 14-16)")
    if total >= 1_000_000:
        errors.append(f"folder is {total} bytes")
    print(f"folder: {len(files)} files, {total} bytes")
    return texts


def check_strings(where, src, strings, texts, errors):
    if src not in texts:
        errors.append(f"{where}: source {src!r} not in the folder")
        return
    for s in strings:
        if not isinstance(s, str) or not s.strip():
            errors.append(f"{where}: empty answer string")
        elif norm(s) not in texts[src]:
            errors.append(f"{where}: {s!r} not found in {src}")


def check_questions(path, texts, errors, warnings):
    qs = read_jsonl(path)
    ans = [q for q in qs if q.get("gold") is not None]
    una = [q for q in qs if q.get("gold") is None]
    if (len(qs), len(ans), len(una)) != (40, 32, 8):
        errors.append(f"questions: {len(qs)} lines, {len(ans)} answerable, {len(una)} not (want 40/32/8)")
    sets = {q.get("set") for q in qs}
    if len(sets) != 1:
        errors.append(f"questions: more than one set {sorted(map(str, sets))}")
    if len({norm(q.get("q", "")) for q in qs}) != len(qs):
        errors.append("questions: duplicate question texts")
    for i, q in enumerate(qs, 1):
        where = f"q{i} {q.get('q')!r}"
        if set(q) != {"set", "q", "gold", "source", "evidence"}:
            errors.append(f"{where}: fields {sorted(q)}")
            continue
        if q["gold"] is None:
            if q["source"] is not None or q["evidence"] is not None:
                errors.append(f"{where}: unanswerable with source/evidence")
            continue
        if not q["gold"] or any(len(g) < 3 for g in q["gold"]):
            errors.append(f"{where}: empty or too short gold {q['gold']}")
        check_strings(where, q["source"], q["gold"], texts, errors)
        pieces = [norm(x) for x in re.split(r"\s*(?:\||\.\.\.)\s*", q["evidence"] or "") if x.strip()]
        if q["source"] in texts and not all(x in texts[q["source"]] for x in pieces):
            warnings.append(f"evidence not verbatim (table row / display format?) in {q['source']}: "
                            f"{(q['evidence'] or '')[:70]}")
    used = {q["source"] for q in ans}
    print(f"questions: {len(qs)} ({len(ans)} answerable over {len(used)} files, {len(una)} not), "
          f"set {'/'.join(map(str, sets))}")
    return sets.pop() if len(sets) == 1 else None, used


def check_chats(path, set_name, texts, errors):
    chats = read_jsonl(path)
    kinds, refuse, used = {}, 0, set()
    if len(chats) != 10:
        errors.append(f"{len(chats)} chats (want 10)")
    if len({c.get("id") for c in chats}) != len(chats):
        errors.append("chats: duplicate ids")
    for c in chats:
        cid = c.get("id")
        if set(c) != {"id", "corpus", "turns"}:
            errors.append(f"{cid}: fields {sorted(c)}")
            continue
        if set_name and c["corpus"] != set_name:
            errors.append(f"{cid}: corpus {c['corpus']!r} is not the question set {set_name!r}")
        if not 2 <= len(c["turns"]) <= 4:
            errors.append(f"{cid}: {len(c['turns'])} turns (want 2-4)")
        for k, t in enumerate(c["turns"], 1):
            where = f"{cid} turn {k} {t.get('question')!r}"
            kind = t.get("kind")
            kinds[kind] = kinds.get(kind, 0) + 1
            if kind not in ("first", "followup", "switch") or (k == 1) != (kind == "first"):
                errors.append(f"{where}: kind {kind}")
            if kind == "followup" and not t.get("standalone"):
                errors.append(f"{where}: followup without standalone")
            if t.get("refuse"):
                refuse += 1
                if t.get("answers"):
                    errors.append(f"{where}: refuse turn with answers")
                if t.get("source") is not None and t["source"] not in texts:
                    errors.append(f"{where}: source {t['source']!r} not in the folder")
                continue
            if not t.get("answers"):
                errors.append(f"{where}: no answers")
            check_strings(where, t.get("source"), t.get("answers") or [], texts, errors)
            used.add(t.get("source"))
    if refuse > 3:
        errors.append(f"{refuse} refuse turns (max 3)")
    print(f"chats: {len(chats)}, {sum(kinds.values())} turns {kinds}, refuse {refuse}")
    return used


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folder", required=True)
    ap.add_argument("--questions", required=True)
    ap.add_argument("--chats")
    args = ap.parse_args(argv)
    errors, warnings = [], []
    texts = check_folder(args.folder, errors)
    set_name, used = check_questions(args.questions, texts, errors, warnings)
    if args.chats:
        used |= check_chats(args.chats, set_name, texts, errors)
    print("files never used as a source:", sorted(set(texts) - used) or "none")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} failures")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
