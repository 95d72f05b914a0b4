"""What the own-folder generators (own_folder_2_make.py to own_folder_5_make.py) build their documents with: Word
documents with tables (python-docx), PDFs converted from them or from HTML by LibreOffice (``soffice``), widescreen
slide decks (python-pptx), and plain files.
"""

import os
import shutil
import subprocess

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from pptx import Presentation
from pptx.util import Inches
from pptx.util import Pt as PPt


def new_doc(font="Liberation Sans", size=10):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    for s in d.sections:
        s.left_margin = s.right_margin = Cm(2)
        s.top_margin = s.bottom_margin = Cm(1.8)
    return d


def para(d, text, bold=False, size=None, align=None, italic=False, space_after=None):
    p = d.add_paragraph()
    r = p.add_run(text)
    r.bold = bold
    r.italic = italic
    if size:
        r.font.size = Pt(size)
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def table(d, rows, header=True, widths=None, bold_last=False, bold_first_col=False, size=None):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.autofit = False
    if widths:
        for j, w in enumerate(widths):
            t.columns[j].width = Cm(w)
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = t.cell(i, j)
            cell.text = ""
            lines = str(val).split("\n")
            p = cell.paragraphs[0]
            for k, line in enumerate(lines):
                if k:
                    p = cell.add_paragraph()
                run = p.add_run(line)
                if (header and i == 0) or (bold_last and i == len(rows) - 1) or (bold_first_col and j == 0):
                    run.bold = True
                if size:
                    run.font.size = Pt(size)
            if widths:
                cell.width = Cm(widths[j])
    d.add_paragraph()
    return t


def to_pdf(src_path, pdf_name, out):
    """``src_path`` (.docx or .html) converted by LibreOffice, copied to ``out`` as ``pdf_name``."""
    tmp = os.path.dirname(src_path)
    profile = "file://" + os.path.join(tmp, "lo_profile")
    cmd = ["soffice", f"-env:UserInstallation={profile}", "--headless"]
    if src_path.endswith(".html"):  # open as a Writer document, not a web page (keeps the h1)
        cmd += ["--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export"]
    else:
        cmd += ["--convert-to", "pdf"]
    subprocess.run(cmd + [src_path, "--outdir", tmp],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    produced = os.path.splitext(src_path)[0] + ".pdf"
    shutil.copy(produced, os.path.join(out, pdf_name))


def write(name, text, out):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def new_deck():
    """An empty widescreen (16:9) slide deck."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    return prs


def bullets(prs, title, lines):
    """A title-and-content slide of ``lines`` as bullets, in 22 pt."""
    s = prs.slides.add_slide(prs.slide_layouts[1])
    s.shapes.title.text = title
    body = s.placeholders[1]
    body.left, body.top, body.width, body.height = Inches(0.8), Inches(1.6), Inches(11.7), Inches(5.4)
    tf = body.text_frame
    tf.text = lines[0]
    for ln in lines[1:]:
        tf.add_paragraph().text = ln
    for p in tf.paragraphs:
        for r in p.runs:
            r.font.size = PPt(22)
    return s
