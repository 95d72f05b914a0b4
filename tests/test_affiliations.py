"""A paper's title page: authors' footnote marks read into sentences saying who is affiliated with what."""

from __future__ import annotations

from pathlib import Path

import pytest
from unstructured.documents.elements import ElementMetadata, NarrativeText, Title

from ingest.affiliations import author_affiliations, with_affiliations

TITLE_PAGE = ("TideNet: Forecasting Harbour Levels with Small Models\n"
              "Ana Ortiz1, Tomás Berg2,∗, and Li Wei Chen1\n"
              "1 Institute of Marine Sciences, University of Tarn ana@tarn.edu 2 Northport Harbour Authority\n"
              "{tberg,ops}@northport.org\n"
              "Abstract. Tide gauges report every six minutes; we forecast the next 48 hours.")


def test_each_marked_author_gets_the_institution_under_their_mark():
    assert author_affiliations(TITLE_PAGE) == [
        ("Ana Ortiz", "Institute of Marine Sciences, University of Tarn"),
        ("Tomás Berg", "Northport Harbour Authority"),
        ("Li Wei Chen", "Institute of Marine Sciences, University of Tarn")]


def test_no_sentences_without_two_marked_authors_with_institutions():
    assert author_affiliations("Contents\nBear ........ 8\nDragon ..... 10\n1 Introduction\n2 Methods") == []
    assert author_affiliations("Ana Ortiz1\n1 University of Tarn\nAbstract. One author only.") == []
    # figures after the abstract are not marks: "Abstract" ends the title page's reading
    assert author_affiliations("Abstract. Table 2 shows Model One3, Model Two4.\n3 Results 4 Discussion") == []


def test_the_sentences_follow_the_affiliations_on_the_first_page_only():
    on = lambda page, element: (setattr(element, "metadata", ElementMetadata(page_number=page)), element)[1]
    lines = TITLE_PAGE.split("\n")
    elements = [on(1, Title(lines[0])), on(1, NarrativeText(lines[1])), on(1, NarrativeText(lines[2])),
                on(1, NarrativeText(lines[3])), on(1, NarrativeText(lines[4])), on(2, NarrativeText("1 Introduction"))]
    out = with_affiliations(elements)
    assert [e.text for e in out][:3] == lines[:3]
    assert out[3].text == ("The author Ana Ortiz is affiliated with Institute of Marine Sciences, University of Tarn. "
                           "The author Tomás Berg is affiliated with Northport Harbour Authority. "
                           "The author Li Wei Chen is affiliated with Institute of Marine Sciences, University of Tarn.")
    assert out[3].metadata.page_number == 1 and len(out) == len(elements) + 1
    assert with_affiliations(elements[4:]) == elements[4:]  # nothing to read: unchanged


PAPER = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "example-docs" / "pdf" / \
    "layout-parser-paper-with-empty-pages.pdf"


@pytest.mark.skipif(not PAPER.is_file(), reason="../shared/datasets/example-docs is not here")
def test_a_real_paper_stores_its_authors_affiliations(tmp_path, embedder):
    import rag

    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        assert engine.ingest([PAPER]).failed == 0
        text = "\n".join(c.text for c in engine.index.catalog.chunks_of(str(PAPER.resolve())))
    assert "The author Zejiang Shen is affiliated with Allen Institute for AI." in text
    assert "The author Weining Li is affiliated with University of Waterloo." in text
