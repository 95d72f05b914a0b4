"""Answers on documents no test or rule was tuned on: what a person asking them would see.

Nineteen sets: seventeen over public documents read in place from ../shared/datasets/, two over folders of a
person's own documents written for this project:

* ``haystack``: the 28 files of haystack-test-files (web pages saved from the internet, a paper,
  office files); 20 questions written in session 13 while looking at the answers (16 answerable, 4 not),
  so the fixes of that session were made on them: in-sample since.
* ``example-docs``: 15 files of example-docs (a 10-K in HTML, a datasheet, spreadsheets, PDFs, an
  e-mail, slides); 36 questions (28 answerable, 8 on-topic but unanswerable) written by someone who
  had not seen the code, and not tuned on: run once before and once after that session's changes.
  Session 14's rules were made looking at its answers: in-sample since.
* ``example-docs-2`` (bench/data/blind2_questions.jsonl): 16 other files of example-docs (a CSV, a
  spreadsheet, slides, an EPUB book, RTF, ODT, reStructuredText, XML, PDFs, Word chats); 40 questions
  (32 answerable, 8 not) written in session 14 by someone who had not seen the code; run before that
  session's changes, after its first changes (the blind figure), and at its end after fixes its
  answers showed (docs/ask.md): partly in-sample since.
* ``example-docs-3`` (bench/data/blind3_questions.jsonl): 18 more files of example-docs (e-mails, PDFs, Word,
  CSV, slides, a novel's first page, a news page with scripts, an unstructured JSON export); 40 questions
  (32 answerable, 8 not) written in session 15 by someone who had not seen the code; run before that
  session's answer changes and after them (docs/ask.md).
* ``example-docs-4`` (bench/data/blind4_questions.jsonl): 18 more files of example-docs (e-mails, an Outlook
  message, a scanned PDF table, a two-column paper, the USA PATRIOT Act in one <pre> page, a 10-K page,
  slides, ODT, Org, a spreadsheet, text exports of a PDF and a CSV); 40 questions (32 answerable, 8 not)
  written in session 16 by someone who had not seen the code; run before that session's changes.
* ``example-docs-5`` (bench/data/blind5_questions.jsonl): 17 more files of example-docs (IRS instructions as
  text, a memo PDF printed twice, an old .xls, marketing e-mails, an Outlook message, YAML, JSON, Markdown
  code blocks, a 370-column CSV, a header/footer PDF and Word file, a garbled OCR letter); 40 questions
  (32 answerable, 8 not) written in session 17 by someone who had not seen the code; run before that
  session's changes and after its first ones (made for set 4's failures, before set 5 was seen).
* ``example-docs-6`` (bench/data/blind6_questions.jsonl): 18 more files of example-docs (Word files with
  lists, links, shapes, page breaks and tables, spreadsheets, a rotated scanned table, a Hebrew e-mail, an
  Outlook message, a cp1252 web page in six languages, NDJSON notes, English/Spanish text; three of them
  hold only single letters and stay as distractors); 40 questions (32 answerable, 8 not) written in
  session 18 by someone who had not seen the code; run before that session's changes and at its end
  (in-sample since).
* ``example-docs-7`` (bench/data/blind7_questions.jsonl): 25 more files of example-docs (an 872-page handbook
  whose text the file holds four times, the whole of War and Peace, PDFs in Korean and French and with broken
  structure, e-mails, JSON records, a TSV with emoji, German and Spanish text; five of them hold nothing to ask
  about and stay as distractors); 40 questions (32 answerable, 8 not) written in session 19 by someone who had
  not seen the code; run before that session's changes.
* ``example-docs-8`` (bench/data/blind8_questions.jsonl): 26 more files of example-docs (a 619-page game
  guide PDF, a paper's first pages, three scanned pages read by OCR, an unstructured JSON export, a table
  structure export, e-mails in UTF-16 and with encoded subjects, an old .ppt and .doc, UTF-16 CSV and XML,
  a semicolon CSV, NDJSON news; six of them hold next to nothing and stay as distractors); 40 questions
  (32 answerable, 8 not) written in session 20 by someone who had not seen the code; run before that
  session's changes.
* ``pubmed`` (bench/data/blind9_questions.jsonl): the first 200 abstracts of PubMedQA PQA-L
  (../shared/datasets/pubmedqa), each written as a text file (title, labelled sections, conclusions) by
  ``pubmed_documents``: many short papers of one field, several on the same topic; 40 questions (32
  answerable over 32 abstracts, 8 not) written in session 21 by someone who had not seen the code; run
  before that session's changes.
* ``pubmed-2`` (bench/data/blind10_questions.jsonl): the next 200 abstracts of PubMedQA PQA-L; 40 questions
  (32 answerable, 8 not) written in session 21, after that session's changes for ``pubmed``, by someone who
  had not seen the code, told to vary how a question names its study (first, last, as the subject, by
  its topic alone, casually).
* ``wiki`` (bench/data/blind11_questions.jsonl): the first 10 Wikipedia articles of the SQuAD 2.0 test split
  (the SQuAD benchmarks' distractors, never asked about there), each a Markdown file written by
  ``wiki_documents``: long articles of 15-37k characters on unrelated subjects; 40 questions (32 answerable, 8
  not) written in session 22 by someone who had not seen the code; run before that session's changes.
* ``wiki-2`` (bench/data/blind12_questions.jsonl): the other 10 articles of that split; 40 questions written
  the same way at the same time, by another helper, and kept out of that session's work: run only before
  and after it, as the measure of what its rules carry over.
* ``pubmed-3`` (bench/data/blind13_questions.jsonl): the third 200 abstracts of PubMedQA PQA-L; 40 questions
  (32 answerable over 32 abstracts, 8 not) written in session 23 by someone who had not seen the code; run
  before that session's rules for papers (at 07edbb7).
* ``pubmed-4`` (bench/data/blind14_questions.jsonl): the fourth 200 abstracts; 40 questions written the same way
  in session 23 by another helper while that session's rules were being made on ``pubmed-3``, whose failures
  were read: ``pubmed-4``'s were not, and it was run only before and after them. Session 24 read them.
* ``pubmed-5`` (bench/data/blind15_questions.jsonl): the fifth 200 abstracts (800-1000); 40 questions written the
  same way in session 24 by a helper who never saw the code, run before that session's changes (made on
  ``pubmed-4``'s failures) and after the first of them; then its changed answers were read (in-sample since).
* ``pubmed-all`` (bench/data/blind16_questions.jsonl): all 1,000 abstracts of PubMedQA PQA-L in one folder; 40
  questions (32 answerable, 8 not) written in session 24 by another helper who never saw the code, over abstracts
  no earlier set asked about, some in lay words ("heart attack"); run only at that session's start and end, its
  failures not read.

* ``own-folder`` (bench/data/blind17_questions.jsonl): bench/data/own_folder/, 16 documents of one household written
  in session 28 by a helper who never saw the code (bench/data/own_folder_make.py builds them): a lease (DOCX), home and
  car insurance (PDF, confusable on purpose), a car's service log (XLSX, two sheets), a school's term dates (HTML), family
  recipes (Markdown), two years of an accountant's letters (TXT and PDF), a router's quick-start guide and a cat's vet
  record (plain text laid out in lists and aligned columns), an e-mail, a budget (CSV), minutes, a medication schedule
  (XLSX), a slide deck, a receipt; 40 questions (32 answerable, 8 not) in a person's own words. Run before that
  session's changes (the blind figure), then mended on: in-sample since.
* ``own-folder-2`` (bench/data/blind18_questions.jsonl): bench/data/own_folder_2/, a small business owner's folder
  written the same way in session 28 by another helper while that session's rules were being made on ``own-folder``;
  run only with the session's final code, as the measure of what its rules carry over.
* ``own-folder-3`` (bench/data/blind19_questions.jsonl): bench/data/own_folder_3/, a third person's folder written
  the same way in session 29 by a helper; run blind at that session's start, then mended on (in-sample).
* ``own-folder-4`` (bench/data/blind20_questions.jsonl): bench/data/own_folder_4/, a student's folder written in
  session 29 by another helper; run only with that session's first and final code, its failures not read between.
* ``own-folder-5`` (bench/data/blind21_questions.jsonl): bench/data/own_folder_5/, a parent and accidental landlord's
  folder written at the end of session 29: run blind at session 30's start and with its rules made on folders 1-4,
  then read and mended on (in-sample since).
* ``own-folder-6`` (bench/data/blind22_questions.jsonl): bench/data/own_folder_6/, a self-employed electrician's folder
  written in session 30 by a helper; run only with that session's first and final code, its failures not read between.
* ``own-folder-7`` (bench/data/blind23_questions.jsonl): bench/data/own_folder_7/, a nurse and first-time buyer's folder
  written in session 31 by a helper; run only with that session's first and final code, its failures not read between.

Not blind, and not run by default: ``sample-asked`` (bench/data/sample_asked_questions.jsonl), 34 questions (30
answerable, 4 not) asked of ``sample_docs/`` in session 26 as a new user would, in their own words; what they got
wrong was fixed in that session.

Right: an answerable question's answer holds a gold string (case-insensitive) and is not a refusal;
an unanswerable one is refused. Also counted: right with a supported citation of the gold file,
wrong answers shown (neither right nor refused).

    .venv/bin/python -m bench.heldout [--sets haystack example-docs ... example-docs-8 pubmed pubmed-2 pubmed-3 pubmed-4 pubmed-5 pubmed-all wiki wiki-2] [--work DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
QUESTIONS = [ROOT / "bench" / "data" / name for name in
             ("heldout_questions.jsonl", "blind2_questions.jsonl", "blind3_questions.jsonl",
              "blind4_questions.jsonl", "blind5_questions.jsonl",
              "blind6_questions.jsonl", "blind7_questions.jsonl", "blind8_questions.jsonl",
              "blind9_questions.jsonl", "blind10_questions.jsonl", "blind11_questions.jsonl",
              "blind12_questions.jsonl", "blind13_questions.jsonl",
              "blind14_questions.jsonl", "blind15_questions.jsonl", "blind16_questions.jsonl",
              "blind17_questions.jsonl", "blind18_questions.jsonl", "blind19_questions.jsonl",
              "blind20_questions.jsonl", "blind21_questions.jsonl", "blind22_questions.jsonl",
              "blind23_questions.jsonl",
              "sample_asked_questions.jsonl")]
EXAMPLE_DOCS = ["norwich-city.txt", "example-10k.html", "example-steelJIS-datasheet.html", "handbook-1p.docx",
                "2023-half-year-analyses-by-segment.xlsx", "science-exploration-1p.pptx", "ideas-page.html",
                "fake-email.eml", "simple-table.md", "docx-tables.docx", "README.md", "pdf/multi-column.pdf",
                "pdf/layout-parser-paper-with-table.pdf", "pdf/reliance.pdf", "pdf/embedded-images-tables.pdf"]
EXAMPLE_DOCS_2 = ["stanley-cups.csv", "vodafone.xlsx", "fake-power-point-table.pptx", "sample-presentation.pptx",
                  "winter-sports.epub", "fake-doc.rtf", "fake.odt", "README.rst", "factbook.xml",
                  "fake-html-with-footer-and-header.html", "pdf/a1977-backus-p21.pdf", "pdf/chevron-page.pdf",
                  "pdf/interface-config-guide-p93.pdf", "pdf/fake-memo.pdf", "teams_chat.docx",
                  "tables-with-incomplete-rows.docx"]
EXAMPLE_DOCS_3 = ["eml/family-day.eml", "eml/mime-different-plain-html.eml", "eml/mime-multi-to-cc-bcc.eml",
                  "eml/fake-email-b64.eml", "pdf/DA-1p.pdf", "pdf/list-item-example.pdf", "pdf/all-number-table.pdf",
                  "pdf/embedded-link.pdf", "category-level.docx", "simple.docx", "table-multi-row-column-cells-actual.csv",
                  "semicolon-delimited.csv", "fake-power-point.pptx", "fake-power-point-many-pages.pptx",
                  "book-war-and-peace-1p.txt", "example-with-scripts.html", "spring-weather.html.json", "fake-html.html"]
EXAMPLE_DOCS_4 = ["stanley-cups.xlsx", "test_evaluate_files/gold_standard_cct/currency.csv.txt",
                  "pdf/table-multi-row-column-cells.pdf", "example-10k-1p.html", "fake-html-pre.htm",
                  "test_evaluate_files/gold_standard_cct/Performance-Audit-Discussion.pdf.txt",
                  "test_evaluate_files/gold_standard_cct/Bank Good Credit Loan.pptx.txt", "eml/email-no-html-content-1.eml",
                  "eml/email-replace-mime-encodings-error-1.eml", "eml/email-replace-mime-encodings-error-3.eml",
                  "eml/fake-email-attachment.eml", "fake-email-with-cc-and-bcc.msg", "pdf/multi-column-2p.pdf",
                  "pdf/layout-parser-paper-fast.pdf", "simple.pptx", "simple.odt", "language-docs/eng_spa_mult.docx",
                  "README.org"]
EXAMPLE_DOCS_5 = ["test_evaluate_files/unstructured_output_cct/IRS-form-1987.pdf.txt",
                  "pdf/fake-memo-with-duplicate-page.pdf", "tests-example.xls",
                  "eml/email-replace-mime-encodings-error-5.eml", "eml/email-replace-mime-encodings-error-4.eml",
                  "eml/email-replace-mime-encodings-error-2.eml", "eml/email-no-utf8-2014-03-17.111517.eml",
                  "fake-email-attachment.msg", "simple.yaml", "simple.json", "codeblock.md",
                  "csv-with-long-lines.csv", "language-docs/UDHR_first_article_all.txt", "pdf/header-test-doc.pdf",
                  "pdf/pdf-with-ocr-text.pdf", "docx-hdrftr.docx", "eml/email-equals-attachment-filename.eml"]
EXAMPLE_DOCS_6 = ["fake-doc-emphasized-text.docx", "example-list-items-multiple.docx", "fake_table.docx", "hlink-meta.docx",
                  "page-breaks.docx", "docx-shapes.docx", "emoji.xlsx", "more-than-1k-cells.xlsx",
                  "xlsx-subtable-cases.xlsx", "pdf/single_table.pdf", "pdf/emphasis-text.pdf", "language-docs/eng_spa.txt",
                  "simple.ndjson", "eml/email-no-utf8-2008-07-16.062410.eml", "eml/fake-email-header.eml",
                  "fake-email.msg", "group-shapes-nested.pptx", "fake-html-cp1252.html"]
EXAMPLE_DOCS_7 = ["handbook-872p.docx", "book-war-and-peace-1225p.txt", "pdf/korean-text-with-tables.pdf",
                  "language-docs/fr_olap.pdf", "pdf/embedded-images.pdf", "pdf/failure-after-repair.pdf",
                  "pdf/negative-coords.pdf", "pdf/pdf-bad-color-space.pdf", "pdf/invalid-pdf-structure-pdfminer-one-page.pdf",
                  "pdf/copy-protected.pdf", "pdf/figure-overlay-text.pdf", "eml/mime-html-only.eml",
                  "eml/mime-multipart-digest.eml", "eml/email-with-image.eml", "arbitrary-records.json",
                  "stanley-cups-with-emoji.tsv", "fake-html-lang-de.html", "fake-text.txt", "language-docs/eng_spa.xlsx",
                  "umlauts-utf8.md", "contains-pictures.docx", "duplicate-paragraphs.docx", "eml/simple-rfc-822.eml",
                  "eml/fake-email-malformed-encoding.eml", "language-docs/eng_afr_spa.txt"]
EXAMPLE_DOCS_8 = ["pdf/DA-619p.pdf", "pdf/layout-parser-paper-with-empty-pages.pdf", "img/double-column-A.jpg",
                  "img/table-multi-row-column-cells.png", "img/embedded-images-tables.jpg", "spring-weather.html.ndjson",
                  "language-docs/eng_spa_mult.odt",
                  "test_evaluate_files/unstructured_output_cct/Performance-Audit-Discussion.pdf.txt",
                  "test_evaluate_files/unstructured_output_cct/Bank Good Credit Loan.pptx.txt",
                  "test_evaluate_files/unstructured_output_table_structure/IRS-2023-Form-1095-A.pdf.json",
                  "test_evaluate_files/gold_standard_table_structure/2022-financial-statements-p11.pdf.json",
                  "fake-power-point.ppt", "simple.doc", "grid_offset_error.docx", "factbook-utf-16.xml",
                  "stanley-cups-utf-16.csv", "table-semicolon-delimiter.csv", "csv-with-escaped-commas.csv",
                  "eml/fake-email-utf-16-be.eml", "eml/mime-word-encoded-subject.eml",
                  "eml/email-inline-content-disposition.eml", "eml/fake-email-image-embedded.eml", "picture.pptx",
                  "fake-html-with-duplicate-elements.html", "README-w-include.rst", "single-column.csv"]
SETS = {"example-docs": EXAMPLE_DOCS, "example-docs-2": EXAMPLE_DOCS_2, "example-docs-3": EXAMPLE_DOCS_3,
        "example-docs-4": EXAMPLE_DOCS_4, "example-docs-5": EXAMPLE_DOCS_5, "example-docs-6": EXAMPLE_DOCS_6,
        "example-docs-7": EXAMPLE_DOCS_7, "example-docs-8": EXAMPLE_DOCS_8}


PUBMED_ABSTRACTS = 200


def pubmed_documents(folder: Path, start: int = 0, count: int = PUBMED_ABSTRACTS) -> Path:
    """``count`` (200) abstracts of PubMedQA PQA-L from ``start`` (in the file's order), one text file each: title,
    labelled sections, conclusions."""
    data = json.loads((DATASETS / "pubmedqa" / "ori_pqal.json").read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    for pmid in list(data)[start : start + count]:
        item = data[pmid]
        parts = [item["QUESTION"], ""]
        for label, text in zip(item["LABELS"], item["CONTEXTS"]):
            parts += [f"{label.title()}: {text}", ""]
        parts += [f"Conclusions: {item['LONG_ANSWER']}", ""]
        (folder / f"pubmed-{pmid}.txt").write_text("\n".join(parts), encoding="utf-8")
    return folder


WIKI_ARTICLES = 10


def wiki_documents(folder: Path, start: int = 0) -> Path:
    """Ten Wikipedia articles of the SQuAD 2.0 test split from ``start`` (in the file's order; they are the
    distractors of the SQuAD benchmarks, whose questions never ask about them), one Markdown file each."""
    from bench.squad_corpus import load_articles, write_articles

    write_articles(load_articles(("test",))[start : start + WIKI_ARTICLES], folder)
    return folder


def documents(name: str, work: Path) -> Path:
    if name == "sample-asked":  # not blind: session 26 asked these of sample_docs/ as a new user, and fixed what failed
        return ROOT / "sample_docs"
    if name == "haystack":
        return DATASETS / "haystack-test-files"
    if name.startswith("own-folder"):  # written for this project (bench/data/own_folder*_make.py)
        return ROOT / "bench" / "data" / name.replace("-", "_")
    if name == "pubmed":
        return pubmed_documents(work / name)
    if name == "pubmed-all":
        return pubmed_documents(work / name, count=5 * PUBMED_ABSTRACTS)
    if name in ("pubmed-2", "pubmed-3", "pubmed-4", "pubmed-5"):
        return pubmed_documents(work / name, start=PUBMED_ABSTRACTS * int(name[-1]) - PUBMED_ABSTRACTS)
    if name in ("wiki", "wiki-2"):
        return wiki_documents(work / name, start=0 if name == "wiki" else WIKI_ARTICLES)
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    for file in SETS[name]:
        shutil.copy2(DATASETS / "example-docs" / file, folder / Path(file).name)
    return folder


def ask_all(index: Path, questions: list[dict]) -> dict:
    import rag

    rows = []
    with rag.open(index, create=False) as engine:
        for item in questions:
            started = time.perf_counter()
            answer = engine.ask(item["q"])
            cited = sorted({Path(c.passage.source).name for c in answer.citations if c.supported})
            gold = item["gold"]
            said = " ".join(answer.text.lower().split())  # any spaces (abstracts hold "23\u2009weeks") as one
            right = answer.refused if gold is None else (
                not answer.refused and any(" ".join(g.lower().split()) in said for g in gold))
            rows.append({"q": item["q"], "answerable": gold is not None, "answer": answer.text, "refused": answer.refused,
                         "refusal_reason": answer.refusal_reason, "right": right,
                         "cited_gold_file": bool(item.get("source")) and Path(item["source"]).name in cited,
                         "quoted": answer.extracted, "ms": round((time.perf_counter() - started) * 1000)})
            print(f"{'ok ' if right else 'BAD'} {item['q']}\n    -> {answer.text[:240]!r}", flush=True)
    answerable = [r for r in rows if r["answerable"]]
    other = [r for r in rows if not r["answerable"]]
    named = all(item.get("source") for item in questions if item["gold"] is not None)  # haystack names no gold file
    return {"answerable": len(answerable), "right": sum(r["right"] for r in answerable),
            "right_citing_gold_file": sum(r["right"] and r["cited_gold_file"] for r in answerable) if named else None,
            "wrong_shown": sum(not r["right"] and not r["refused"] for r in answerable),
            "refused_answerable": sum(r["refused"] for r in answerable),
            "unanswerable": len(other), "unanswerable_refused": sum(r["right"] for r in other), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="*", default=["haystack", *SETS, "pubmed", "pubmed-2", "pubmed-3", "pubmed-4", "pubmed-5", "pubmed-all", "wiki",
                                                          "wiki-2", "own-folder", "own-folder-2", "own-folder-3",
                                                          "own-folder-4", "own-folder-5", "own-folder-6",
                                                          "own-folder-7"])
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    import rag

    work = args.work or Path(tempfile.mkdtemp(prefix="rag-heldout-"))
    questions = [json.loads(line) for file in QUESTIONS for line in file.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    results = {}
    for name in args.sets:
        index = work / f"index-{name}"
        # always: unchanged files are skipped by their hash, and an ingest stopped halfway goes on
        folder = documents(name, work)
        with rag.open(index) as engine:
            # an index built from another checkout's copy of the folder (a snapshot elsewhere) would hold each
            # document twice: those copies go
            elsewhere = [d.id for d in engine.documents() if not Path(d.path).is_relative_to(folder.resolve())]
            if elsewhere:
                engine.delete_documents(elsewhere)
            report = engine.ingest([folder])
        print(f"{name}: {report.added} files, {report.chunks} chunks, {report.failed} failed", flush=True)
        results[name] = ask_all(index, [q for q in questions if q["set"] == name])
    print("\n| set | answerable right | right, citing the gold file | wrong answer shown | refused (answerable) "
          "| unanswerable refused |\n|---|---|---|---|---|---|")
    for name, r in results.items():
        cited = "n/a" if r["right_citing_gold_file"] is None else f"{r['right_citing_gold_file']}/{r['answerable']}"
        print(f"| {name} | {r['right']}/{r['answerable']} | {cited} | "
              f"{r['wrong_shown']}/{r['answerable']} | {r['refused_answerable']}/{r['answerable']} | "
              f"{r['unanswerable_refused']}/{r['unanswerable']} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
