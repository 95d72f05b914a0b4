"""Text documents that unstructured misreads: a page or README taken for JavaScript, a table used for page layout."""

from __future__ import annotations

from pathlib import Path

from conftest import need_dataset

ESSAY = " ".join(
    f"Paragraph {n} of the harbour essay says the tide at the north pier turns every {n + 5} hours,<br>\n"
    f"and the pilots meet the ships at buoy {n} before dawn.<br><br>" for n in range(40)
)


def _chunks(tmp_path: Path, embedder, name: str, markup: str) -> list:
    import rag

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / name).write_text(markup, encoding="utf-8")
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        report = engine.ingest([docs])
        assert report.failed == 0, report.errors
        return engine.index.catalog.chunks_of(str((docs / name).resolve()))


def test_a_page_taken_for_javascript_is_read_as_html_not_as_its_markup(tmp_path, embedder):
    # a blank line before <!DOCTYPE> and Google Tag Manager's snippet in the head: libmagic says
    # application/javascript, and unstructured reads the page as plain text (seen on a saved web page)
    page = ("\n<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8' />\n<title>Harbour guide</title>\n"
            "<style>body { color: navy; }</style>\n<script>\n    (function(w,d,s,l,i){\n        w[l]=w[l]||[];\n"
            "        w[l].push({'gtm.start': new Date().getTime(),event:'gtm.js'});\n"
            "    })(window,document,'script','dataLayer','GTM-TRACKING');\n</script>\n</head>\n<body>\n"
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/tides'>Tides</a></li></ul></nav>\n"
            "<h1>Harbour guide</h1>\n<p>Pilots board incoming ships at the outer buoy, two nautical miles out.</p>\n"
            "<h2>Fees</h2>\n<p>A pilot costs 420 euros per passage for ships under 90 metres.</p>\n</body>\n</html>\n")
    chunks = _chunks(tmp_path, embedder, "guide.html", page)
    text = "\n".join(c.text for c in chunks)
    assert "Pilots board incoming ships at the outer buoy" in text
    assert "A pilot costs 420 euros per passage" in text
    assert "<" not in text and "gtm" not in text and "navy" not in text, text


def test_a_layout_table_is_read_as_text_in_chunks_and_a_data_table_inside_it_stays_rows(tmp_path, embedder):
    page = ("<html><body><table width='435'><tr><td><img src='logo.gif' alt='Harbour essays'></td></tr>"
            f"<tr><td><font size='2'>{ESSAY}</font>"
            "<table><tr><th>Pier</th><th>Depth (m)</th></tr><tr><td>North</td><td>12.5</td></tr>"
            "<tr><td>South</td><td>9.0</td></tr></table></td></tr></table></body></html>")
    chunks = _chunks(tmp_path, embedder, "essay.html", page)
    prose = [c for c in chunks if "harbour essay" in c.text]
    assert len(prose) >= 4, [len(c.text) for c in chunks]  # ~4,500 characters: several chunks, not one row
    assert all(len(c.text) <= 900 for c in chunks)
    text = "\n".join(c.text for c in chunks)
    assert "every 5 hours, and the pilots" in " ".join(text.split())  # the <br> is a space, not words run together
    assert "hours,and" not in text
    assert "Pier: North | Depth (m): 12.5" in text and "Pier: South | Depth (m): 9.0" in text


def test_markdown_with_a_javascript_example_keeps_its_headings(tmp_path, embedder):
    # libmagic calls this README "application/javascript"; read as plain text, its headings were lost
    install = " ".join(f"Step {n}: run the installer on machine {n} and check its log for errors." for n in range(12))
    readme = (f"# Widget API\n\n{install}\n\n```js\nimport {{ Widget }} from \"widget\";\nconst w = new Widget();\n```\n\n"
              f"## Rate limits\n\nThe API allows 120 requests per minute for each key. {install}\n")
    chunks = _chunks(tmp_path, embedder, "README.md", readme)
    limits = [c for c in chunks if "120 requests per minute" in c.text]
    assert limits and limits[0].heading_path[-1] == "Rate limits", [(c.heading_path, c.text) for c in chunks]
    assert not any("## " in c.text or "```" in c.text for c in chunks)


FACTBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<factbook>
  <country><name>Canada</name><capital>Ottawa</capital><leader>Justin Trudeau</leader><sport>Hockey</sport></country>
  <country><name>France</name><capital>Paris</capital><leader>Emmanuel Macron</leader><sport>Soccer</sport><sport>Rugby</sport></country>
  <country><name>Trinidad &amp; Tobago</name><capital>Port of Spain</capital><leader>Keith Rowley</leader></country>
</factbook>
"""


def test_a_data_xml_file_is_stored_as_rows_with_its_field_names(tmp_path, embedder):
    # unstructured keeps only the values ("Canada Ottawa Justin Trudeau Hockey"): "Who is Canada's leader?"
    # had nothing to match (../shared/datasets/example-docs/factbook.xml)
    chunks = _chunks(tmp_path, embedder, "factbook.xml", FACTBOOK)
    text = "\n".join(c.text for c in chunks)
    assert "name: Canada | capital: Ottawa | leader: Justin Trudeau | sport: Hockey" in text
    assert "name: Trinidad & Tobago | capital: Port of Spain | leader: Keith Rowley" in text
    assert "sport: Soccer; Rugby" in text  # a repeated field keeps both values


def test_an_xml_entity_bomb_is_not_expanded_and_prose_xml_is_read_as_before(tmp_path, embedder):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><notes><note><to>Ana</to><body>&lol3;</body></note>'
            '<note><to>Ben</to><body>Meet at the north pier at six.</body></note></notes>')
    chunks = _chunks(tmp_path, embedder, "notes.xml", bomb)
    assert "lollollollol" not in "".join(c.text for c in chunks)
    assert any("north pier" in c.text for c in chunks)


def test_an_e_mail_keeps_its_header_line_with_the_subject(tmp_path, embedder):
    mail = ("From: Matthew Robinson <mrobinson@example.com>\nTo: Ana <ana@example.com>\nSubject: Test Email\n"
            "Date: Fri, 16 Dec 2022 17:04:16 -0500\nContent-Type: text/plain\n\nRoses are red.\n")
    chunks = _chunks(tmp_path, embedder, "test.eml", mail)
    text = "\n".join(c.text for c in chunks)
    assert ("From (sent by): Matthew Robinson <mrobinson@example.com>; To: Ana <ana@example.com>; Subject (title): Test Email; "
            "Date (sent on):") in text
    assert "Roses are red." in text


def test_messages_inside_a_digest_or_forwarded_keep_their_senders(tmp_path, embedder):
    from email.message import EmailMessage

    def message(sender: str, subject: str, body: str) -> EmailMessage:
        mail = EmailMessage()
        mail["From"], mail["To"], mail["Subject"] = sender, "bob@example.com", subject
        mail.set_content(body)
        return mail

    digest = message("alice@example.com", "Weekly digest", "Three messages this week.")
    for sender, n in (("eve@example.com", "first"), ("frank@example.com", "second"), ("grace@example.com", "third")):
        digest.add_attachment(message(sender, f"{n.title()} message", f"This is the {n} message of the digest."))
    chunks = _chunks(tmp_path, embedder, "digest.eml", digest.as_string())
    text = "\n".join(c.text for c in chunks)
    assert text.index("From (sent by): alice@example.com") < text.index("From (sent by): eve@example.com") \
        < text.index("This is the first message") < text.index("From (sent by): frank@example.com") \
        < text.index("This is the second message") < text.index("From (sent by): grace@example.com")


def test_an_outlook_message_and_an_e_mail_keep_copies_blind_copies_and_attachment_names(tmp_path, embedder):
    # unstructured keeps only the bodies: "Who was blind-copied?" and "What file was attached?" had nothing
    import shutil

    import rag

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("fake-email-with-cc-and-bcc.msg", "eml/fake-email-attachment.eml"):
        shutil.copy2(need_dataset("example-docs") / name, docs)
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        assert engine.ingest([docs]).failed == 0
        text = {name: "\n".join(c.text for c in engine.index.catalog.chunks_of(str((docs / name).resolve())))
                for name in ("fake-email-with-cc-and-bcc.msg", "fake-email-attachment.eml")}
    assert "Cc (copy to): steve@unstructured.io; Bcc (blind copy to): hello@unstructured.io; Subject (title): Fake email with cc " \
           "and bcc recipients; Date (sent on): Mon, 29 Jul 2024 16:38:11 -0400" in text["fake-email-with-cc-and-bcc.msg"]
    assert "This is a test email." in text["fake-email-with-cc-and-bcc.msg"]
    assert "Subject (title): Fake email with attachment; Date (sent on): Fri, 23 Dec 2022 12:08:48 -0600; " \
           "Attachments (attached files): fake-attachment.txt" in text["fake-email-attachment.eml"]


def test_a_preformatted_law_is_read_as_paragraphs_and_preformatted_code_stays_code(tmp_path, embedder):
    # a law published as one <pre> block (fake-html-pre.htm: the USA PATRIOT Act, 460,000 characters) was
    # one code element, hard-wrapped: its sentences were cut by line breaks and indentation in every chunk
    sections = "\n\n".join(
        f"SEC. {n}. INCREASED FUNDING FOR THE HARBOUR OFFICE NUMBER {n}.\n\n"
        f"    There are authorized to be appropriated for the harbour office\n"
        f"number {n} the sum of {n},000 dollars for each of the fiscal years 2002,\n"
        f"2003, and 2004, to help meet the demands of the pilots at the north pier." for n in range(1, 30))
    code = "\n".join(f"def handler_{n}(event):\n    total = event.count + {n}\n    return {{'total': total}}"
                     for n in range(60))
    page = f"<html><body><pre>{sections}</pre><p>Code follows.</p><pre>{code}</pre></body></html>"
    chunks = _chunks(tmp_path, embedder, "law.html", page)
    text = "\n".join(c.text for c in chunks)
    assert "appropriated for the harbour office number 7 the sum of 7,000 dollars for each of the fiscal years" in text
    assert "def handler_3(event):\n    total = event.count + 3" in text  # code keeps its lines and indentation


def test_a_western_page_in_windows_1252_keeps_its_letters(tmp_path, embedder):
    # unstructured's guess for this page (German, French, Spanish, Swedish, Portuguese, Dutch lines) is
    # windows-1250, which reads every byte as cleanly and turns "très" into "trčs", "niño" into "nińo",
    # "åt" into "ĺt": a question about the Swedish line no longer matched it
    import rag

    page = need_dataset("example-docs/fake-html-cp1252.html").read_bytes()
    lines = [" ".join(line.split()) for line in page.decode("cp1252").splitlines() if "€" in line]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "menu.html").write_bytes(page)
    (docs / "menu.txt").write_bytes("\n\n".join(lines).encode("cp1252"))
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        report = engine.ingest([docs])
        assert report.failed == 0, report.errors
        for name in ("menu.html", "menu.txt"):
            text = " ".join(" ".join(c.text.split()) for c in engine.index.catalog.chunks_of(str((docs / name).resolve())))
            assert "Kvinnan åt köttbullar" in text and "El niño comió" in text, (name, text)
            assert all(line[:40] in text for line in lines), (name, text)
