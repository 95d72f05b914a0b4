"""``unstructured.partition`` with the fallbacks a real folder of documents needs, and why a file gave no text."""

from __future__ import annotations

import logging
import re
import tempfile
from dataclasses import replace
from pathlib import Path

from ingest.checks import IMAGES
from ingest.email_headers import with_headers
from ingest.sheets import with_shown_values
from ingest.text_encoding import file_encoding, wide_encoding
from ingest.text_layout import with_kept_lines
from rag.records import SourceFile

log = logging.getLogger(__name__)


def partition_with_fallbacks(source: SourceFile, strategy: str, ocr_languages: str = "eng") -> list:
    """``unstructured.partition``, with fallbacks where its first try is known to give up needlessly:

    * a text document libmagic takes for program code: parsed by its name (``text_format_taken_for_code``);
    * e-mail whose attachment cannot be parsed (an image without OCR, audio): the message alone;
    * CSV/TSV that pandas rejects (ragged rows, UTF-16): the file read as plain text;
    * a text file that is a tab-separated table (``tab_separated``): read as TSV;
    * PDF where pdfminer finds no text: pypdf's text layer, page by page;
    * data XML, JSON and NDJSON of like records: one table, a row per record (``_xml_records``, ``_json_records``).

    E-mail gets its subject (as the title) and sender, recipients and date in front of its body,
    so a message can be found by what it is about and cited with who sent it.
    """
    from unstructured.partition.auto import partition

    kind = source.file_type
    if kind == "eml" and (wide := wide_encoding(raw := Path(source.path).read_bytes())):
        # a message saved as UTF-16: the e-mail parser reads bytes as ASCII and stored every other byte as a NUL
        with tempfile.TemporaryDirectory(prefix="rag-eml-") as folder:
            copy = Path(folder) / "message.eml"
            copy.write_text(raw.decode(wide, errors="replace"), encoding="utf-8")
            return partition_with_fallbacks(replace(source, path=str(copy)), strategy, ocr_languages)
    languages = (ocr_languages or "eng").split("+")
    encoding = file_encoding(source.path, kind)  # a legacy code page, chosen better than unstructured's first guess
    if kind in IMAGES:
        from ingest.ocr import ocr_image
        from unstructured.partition.text import partition_text

        # tesseract itself, as for PDF pages: unstructured's image path wants its layout model
        return partition_text(text=ocr_image(source.path, ocr_languages or "eng"), languages=languages[:1])
    if kind == "txt" and tab_separated(source.path):
        try:
            from unstructured.partition.tsv import partition_tsv

            return partition_tsv(filename=source.path, languages=languages[:1], encoding=encoding)
        except Exception as exc:  # noqa: BLE001 - read as the text it also is
            log.debug("%s looked tab-separated but is not a table: %s", source.path, exc)
    if kind in ("json", "ndjson") and (records := _json_records(source.path)):
        return records
    try:
        elements = partition(filename=source.path, strategy=strategy, languages=languages,
                             content_type=text_format_taken_for_code(source), encoding=encoding)
    except Exception:
        if kind in ("eml", "msg", "p7s"):
            elements = partition(filename=source.path, strategy=strategy, languages=["eng"], process_attachments=False)
        elif kind in ("csv", "tsv"):
            return _as_plain_text(source.path, encoding)
        else:
            raise
    if kind == "pdf" and not any((e.text or "").strip() for e in elements):
        return _pdf_text_layer(source.path)
    if kind == "msg" and not any((e.text or "").strip() for e in elements):
        return elements  # an Outlook message without a readable body (an encrypted one) is not stored on its headers
    if kind in ("eml", "msg", "p7s"):
        return with_headers(source.path, kind, elements)
    if kind in ("html", "htm", "xhtml"):
        return _html_checked(source.path, elements, encoding)
    if kind == "xml":
        return _xml_records(source.path) or elements
    if kind in ("xlsx", "xlsm"):  # money and percentages as the sheet shows them (ingest.sheets)
        return with_shown_values(source.path, elements)
    if kind == "txt":  # a list, a legend in aligned columns, an underlined heading: their lines kept (ingest.text_layout)
        return with_kept_lines(elements, Path(source.path).read_bytes().decode(encoding or "utf-8", errors="replace"))
    return elements


def _xml_records(path: str) -> list | None:
    """A data XML file (a list of like records: ``<country><name>Canada</name><leader>Justin Trudeau</leader>``)
    as one table whose columns are the field tags, so each record is stored as a row with its field names
    (``name: Canada | leader: Justin Trudeau``); unstructured keeps only the values, and "Who is Canada's
    leader?" then has nothing to match. A field a record repeats keeps every value, joined with "; ". None when the file is not mostly such records (kept as unstructured
    reads it). Entities are not expanded and nothing is fetched (an entity bomb stays text)."""
    import lxml.etree

    try:
        root = lxml.etree.parse(path, lxml.etree.XMLParser(resolve_entities=False, no_network=True,
                                                           huge_tree=False)).getroot()
    except (lxml.etree.LxmlError, OSError, ValueError):
        return None
    total = sum(len(t.strip()) for t in root.itertext())
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        records = [c for c in parent if isinstance(c.tag, str) and len(c) and all(
            isinstance(f.tag, str) and not len(f) for f in c)]
        tags = {r.tag for r in records}
        if len(records) < 2 or len(tags) != 1:
            continue
        columns = list(dict.fromkeys(lxml.etree.QName(f).localname for r in records for f in r))
        rows = []
        for record in records:  # a field repeated in a record (two <author>) keeps all its values
            row: dict[str, str] = {}
            for f in record:
                value, tag = " ".join((f.text or "").split()), lxml.etree.QName(f).localname
                row[tag] = f"{row[tag]}; {value}" if row.get(tag) and value else row.get(tag) or value
            rows.append(row)
        held = sum(len(v) for row in rows for v in row.values())
        if not total or held < 0.8 * total:
            return None
        return _records_table(columns, rows, path)
    return None


def _json_records(path: str) -> list | None:
    """A JSON or NDJSON file of like records (``[{"sku": "GRD-3317", "name": "Pruning Shears", "price":
    24.99}, ...]``, or one such object, or a list of them under one key) as one table whose columns are the
    keys, so each record is a row with its field names (``name: Pruning Shears | price: 24.99``);
    unstructured keeps each record as a block of JSON text, and "the price of the Pruning Shears" was
    then read off the record above it. None for anything else (nested objects, an export of
    unstructured's own elements), which is read as unstructured reads it."""
    import json

    try:
        if Path(path).stat().st_size > MAX_RECORDS_BYTES:
            return None
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        data = json.loads(text)
    except RecursionError:  # nested deeper than Python's parser goes: not records
        return None
    except ValueError:
        try:  # NDJSON: one value per line
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        except (ValueError, RecursionError):
            return None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
        data = max(lists, key=len) if len(lists) == 1 or (lists and not _flat(data)) else [data]
    if not isinstance(data, list) or not data or not all(isinstance(r, dict) and r and _flat(r) for r in data):
        return None
    columns = list(dict.fromkeys(str(k) for record in data for k in record))
    rows = [{str(k): _json_cell(v) for k, v in record.items()} for record in data]
    return _records_table(columns, rows, path)


MAX_RECORDS_BYTES = 20 * 1024 * 1024  # bigger JSON is read as unstructured reads it


def _flat(record: dict) -> bool:
    scalar = (str, int, float, bool, type(None))
    return all(isinstance(v, scalar) or (isinstance(v, list) and all(isinstance(x, scalar) for x in v))
               for v in record.values())


def _json_cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(_json_cell(v) for v in value if v is not None)
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: ""}[value]
    return " ".join(str(value).split())


def _records_table(columns: list[str], rows: list[dict[str, str]], path: str) -> list | None:
    """Records as one table element (its HTML keeps the columns, which ``ingest.tables`` writes into each
    row); None when a value is too long to be a cell (prose stored as a field)."""
    import html

    from unstructured.documents.elements import ElementMetadata, Table

    if any(len(v) > 300 for row in rows for v in row.values()):
        return None
    cell = lambda text, tag="td": f"<{tag}>{html.escape(text)}</{tag}>"  # noqa: E731
    markup = ("<table><tr>" + "".join(cell(c, "th") for c in columns) + "</tr>"
              + "".join("<tr>" + "".join(cell(row.get(c, "")) for c in columns) + "</tr>" for row in rows)
              + "</table>")
    text = "\n".join(" ".join(row.get(c, "") for c in columns) for row in rows)
    return [Table(text, metadata=ElementMetadata(text_as_html=markup, filename=Path(path).name))]


def _html_checked(path: str, elements: list, encoding: str | None = None) -> list:
    """The parsed HTML, read again where ``partition`` misread it:

    * a table used for layout (the whole article in one cell, as older sites and many generated
      pages have it) would be one table row of thousands of characters, too big for a chunk and with
      its line breaks lost: such tables are read as the blocks of text they hold (``unlayout``);
    * lxml stops at 256 levels of nesting and drops what lies deeper, silently; a page nested that
      deep (generated, or made to hide text) is read as plain text instead, its block breaks kept;
    * a ``<pre>`` block of prose (a law or a report published as preformatted text) is one code
      element of hundreds of thousands of characters, hard-wrapped and indented: it is read as the
      paragraphs of text it is (``_prose_read_as_text``).
    """
    from unstructured.partition.html import partition_html
    from unstructured.partition.text import partition_text

    raw = Path(path).read_bytes()
    markup = raw.decode(encoding or "utf-8", errors="replace")
    if (relaid := unlayout(raw if encoding is None else markup)) is not None:
        elements = partition_html(text=relaid, languages=["eng"])
    parsed = sum(len(e.text or "") for e in elements)
    text = html_text(markup)
    if parsed >= 0.5 * len(text.replace("\n", "")) - 50:
        return [piece for element in elements for piece in _prose_read_as_text(element)]
    log.debug("%s: HTML parser kept %d of %d characters; reading it as plain text", path, parsed, len(text))
    return partition_text(text=text, languages=["eng"])


PROSE_MIN_CHARS = 2000  # a preformatted block shorter than this stays as it is


def _prose_read_as_text(element) -> list:
    """``element`` as paragraphs of text when it is a long code block whose lines are mostly prose
    (``_prose_line``), else ``[element]``."""
    from unstructured.partition.text import partition_text

    text = element.text or ""
    if type(element).__name__ != "CodeSnippet" or len(text) < PROSE_MIN_CHARS:
        return [element]
    lines = [line for line in text.splitlines() if line.strip()]
    prose = sum(_prose_line(line) for line in lines)
    return partition_text(text=text, languages=["eng"]) if prose >= 0.8 * len(lines) else [element]


def _prose_line(line: str) -> bool:
    """A line of words, without the marks code is full of (``=``, ``_``, braces, ``()``, arrows)."""
    return len(re.findall(r"[^\W\d_]{2,}", line)) >= 3 and not _CODE_MARKS.search(line)


_CODE_MARKS = re.compile(r"[=_{}]|\(\)|->|=>|::|^\s*(?:#include|import|from|def|class|return|if|for|while)\b")


LAYOUT_CELL_CHARS = 1000  # a table cell holding more text than this is page layout, not data
_TABLE_PARTS = ("tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "col")
# text formats whose file name unstructured trusts, unless libmagic says "program code"
TEXT_FORMATS = {"md": "text/markdown", "markdown": "text/markdown", "html": "text/html", "htm": "text/html",
                "xhtml": "text/html", "csv": "text/csv", "tsv": "text/tsv", "rst": "text/x-rst", "org": "text/org"}
_CODE = re.compile(r"javascript|typescript|ecmascript|php|java|ruby|python|perl|c\+\+|csharp")


TAB_TABLE_MAX_BYTES = 4_000_000


def tab_separated(path: str) -> bool:
    """A text file that is a table: at least three lines and every line with the same number (one or
    more) of tabs ("Code<tab>Symbol<tab>Name", a spreadsheet saved as text). Read as one, each row is
    stored with its column names ("Code: ZAR | Name: South African rand"); as text, a row of three
    words had none."""
    try:
        if Path(path).stat().st_size > TAB_TABLE_MAX_BYTES:
            return False
        lines = [line for line in Path(path).read_bytes().decode("utf-8", "replace").splitlines() if line.strip()]
    except OSError:
        return False
    tabs = {line.count("\t") for line in lines}
    return len(lines) >= 3 and len(tabs) == 1 and min(tabs) >= 1


def text_format_taken_for_code(source: SourceFile) -> str | None:
    """The MIME type a text document must be parsed as when libmagic takes it for program code, else
    None (unstructured's own detection stands). A README with a JavaScript example, or a web page
    with a blank line before ``<!DOCTYPE`` and Google Tag Manager's snippet, is "application/javascript"
    to libmagic, and unstructured then reads it as plain text: Markdown headings and tables are lost,
    and a page's markup is stored as its text. A binary file under a text name (a PDF called .md) is
    not code to libmagic, and is still parsed as what it is."""
    wanted = TEXT_FORMATS.get(source.file_type)
    if wanted is None:
        return None
    try:
        import magic

        sniffed = magic.from_file(source.path, mime=True) or ""
    except Exception:  # no libmagic, an unreadable file: the parse itself reports it
        return None
    return wanted if not sniffed.startswith("text/") and _CODE.search(sniffed) else None


def unlayout(raw: bytes | str) -> str | None:
    """The page with every layout table (a cell of more than ``LAYOUT_CELL_CHARS`` characters) turned
    into plain blocks, or None when it has none. Tables of data (short cells), also those nested in
    a layout table, are kept as tables."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(raw)
    except (lxml.etree.LxmlError, ValueError):
        return None
    changed = False
    for table in list(root.iter("table")):
        own = [part for part in table.iter(*_TABLE_PARTS) if next(part.iterancestors("table"), None) is table]
        cells = [part for part in own if part.tag in ("td", "th")]
        if not cells or max(len(cell.text_content().strip()) for cell in cells) <= LAYOUT_CELL_CHARS:
            continue
        for part in [table, *own]:
            part.tag = "div"
        changed = True
    return lxml.html.tostring(root, encoding="unicode") if changed else None


def html_text(markup: str) -> str:
    """Visible text of an HTML page, block elements on their own lines; no nesting limit."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
              "header", "footer", "blockquote", "pre", "ul", "ol", "dt", "dd", "title"}

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):  # noqa: ARG002
            if tag in ("script", "style", "template", "noscript"):
                self.skip += 1
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_endtag(self, tag):
            if tag in ("script", "style", "template", "noscript"):
                self.skip = max(0, self.skip - 1)
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    reader = Reader()
    reader.feed(markup)
    reader.close()
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(reader.parts))
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()


def _as_plain_text(path: str, encoding: str | None = None) -> list:
    from unstructured.file_utils.encoding import detect_file_encoding
    from unstructured.partition.text import partition_text

    text = Path(path).read_bytes().decode(encoding) if encoding else detect_file_encoding(filename=path)[1]
    return partition_text(text=text, languages=["eng"])


def _open_pdf(path: str):
    """A pypdf reader, or None when the PDF is locked by a password (an empty one is tried)."""
    import pypdf

    reader = pypdf.PdfReader(path)
    return None if reader.is_encrypted and not reader.decrypt("") else reader


def _pdf_text_layer(path: str) -> list:
    from unstructured.partition.text import partition_text

    reader = _open_pdf(path)
    if reader is None:
        return []
    elements = []
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        if text.strip():
            for element in partition_text(text=text, languages=["eng"]):
                element.metadata.page_number = number
                elements.append(element)
    return elements


def no_text_reason(source: SourceFile) -> str:
    """Why a file that parsed gave no text: encryption, a scan, or plain emptiness."""
    if source.file_type == "pdf":
        try:
            if _open_pdf(source.path) is None:
                return "encrypted PDF: it needs a password, which is not supported"
        except Exception:  # a PDF too broken for pypdf: the generic reason below
            pass
        return ("no text layer, and OCR found none either (a scan needs RAG_OCR=true and tesseract: "
                "apt-get install tesseract-ocr tesseract-ocr-eng)")
    if source.file_type in ("pptx", "docx"):
        return "no text could be extracted (only pictures, and OCR read no text in them, or OCR is off)"
    if source.file_type in IMAGES:
        return "OCR read no text in this image (a photo or drawing without words?)"
    return "no text could be extracted (the file is empty or blank)"
