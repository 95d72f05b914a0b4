from unstructured.documents.elements import ElementMetadata, NarrativeText, Table, Title

from ingest.chunk import make_chunks, place_elements, window_split
from rag.embed import load_tokenizer, resolve_model_path, token_offsets

TOKENIZER = load_tokenizer(resolve_model_path("all-MiniLM-L6-v2"))


def tokenize(text):
    return token_offsets(TOKENIZER, text)


def title(text, depth=0, page=None):
    return Title(text, metadata=ElementMetadata(category_depth=depth, page_number=page))


def para(text, page=None):
    return NarrativeText(text, metadata=ElementMetadata(page_number=page))


def test_heading_path_follows_depth_and_ignores_stray_pdf_lines():
    elements = [title("Manual"), title("Install", 1), para("Run the setup."), title("linux only.", 2), title("Use", 1), para("Ask it.")]
    _, placed = place_elements(elements)
    assert placed[2].heading_path == ("Manual", "Install")
    assert placed[3].heading_path == ("Manual", "Install")  # lower-case "title" is not a heading
    assert placed[5].heading_path == ("Manual", "Use")


def test_chunks_record_spans_pages_and_types_and_keep_tables_whole():
    rows = " ".join(f"row{i} value{i}" for i in range(40))
    elements = [title("Report", page=1), para("The plant treats water. " * 10, page=1), Table(rows, metadata=ElementMetadata(page_number=2)),
                title("Costs", page=3), para("The budget was 7.2 million euros.", page=3)]
    doc_text, chunks = make_chunks(elements, max_chars=400, soft_chars=300, overlap=50, combine_under=0, tokenize=tokenize, window=254)
    for chunk in chunks:
        assert doc_text[chunk.char_start:chunk.char_end] == chunk.text
        assert chunk.n_tokens <= 254
    table = [c for c in chunks if c.element_types == ("Table",)]
    assert len(table) == 1 and table[0].text == rows and table[0].pages == (2,)
    costs = [c for c in chunks if "7.2 million" in c.text][0]
    assert costs.heading_path == ("Costs",) and costs.pages == (3,)


def test_text_longer_than_the_model_window_is_split_not_cut():
    long_table = Table(" ".join(f"cell{i} alpha beta gamma" for i in range(300)))
    doc_text, chunks = make_chunks([long_table], max_chars=900, soft_chars=700, overlap=100, combine_under=0, tokenize=tokenize, window=254)
    assert len(chunks) > 1 and all(c.window_split for c in chunks)
    assert all(c.n_tokens <= 254 for c in chunks)
    covered = set()
    for c in chunks:
        covered.update(range(c.char_start, c.char_end))
    assert covered >= set(range(len(doc_text)))  # nothing is lost between pieces
    assert "cell299" in chunks[-1].text


def test_window_split_prefers_word_boundaries():
    text = "internationalisation " * 100
    offsets = tokenize(text)
    spans = window_split(text, offsets, limit=50, overlap_tokens=5)
    for _start, end in spans[:-1]:
        assert text[end - 1].isalpha() and (end == len(text) or not text[end].isalpha())


def test_locate_keeps_chunks_in_order_when_text_repeats():
    from ingest.chunk import locate

    doc = "Priya wrote this.\n\nmore\n\nPriya"
    assert locate(doc, ["Priya wrote this.\n\nmore", "Priya"]) == [(0, 23), (25, 30)]


def test_a_piece_sharing_text_with_the_one_before_starts_at_a_word_and_space_runs_are_one_space():
    words = "Wagner promised prisoner recruits a six-month contract and 200,000 rubles for their families. " * 12
    doc_text, chunks = make_chunks([para(words), para("Weather Safety           Air Quality\tBeach Hazards")],
                                   max_chars=300, soft_chars=250, overlap=60, combine_under=0, tokenize=tokenize, window=254)
    assert len(chunks) > 2
    for chunk in chunks:
        assert doc_text[chunk.char_start:chunk.char_end] == chunk.text
        assert not (chunk.char_start and doc_text[chunk.char_start - 1].isalnum() and chunk.text[0].isalnum()), chunk.text[:30]
        assert len(chunk.text) <= 300
    assert "Weather Safety Air Quality\tBeach Hazards" in doc_text
    offsets = tokenize("internationalisation " * 100)
    for start, _end in window_split("internationalisation " * 100, offsets, limit=50, overlap_tokens=5)[1:]:
        assert start == 0 or ("internationalisation " * 100)[start - 1] == " "


def test_elements_with_tabs_and_double_spaces_are_stored_whole():
    # Word documents are full of "3.\tCOMPUTER SYSTEM SECURITY\t" and "I.  EXERCISE": the chunker writes
    # them with single spaces, and each chunk must still be found where it is (an 872-page handbook
    # had kept 15 % of its text, its other chunks repeating its table of contents)
    rules = [para(f"{n}.\tSECTION  {n}\t\t \nRule  number {n} says the fee is {n * 7} euros.   ") for n in range(60)]
    doc_text, chunks = make_chunks([title("Fees  handbook\t"), *rules], max_chars=300, soft_chars=250, overlap=0,
                                   combine_under=0, tokenize=tokenize, window=254)
    for n in range(60):
        assert sum(f"fee is {n * 7} euros" in c.text for c in chunks) == 1, n
    assert [c.char_start for c in chunks] == sorted(c.char_start for c in chunks)
    for chunk in chunks:
        assert doc_text[chunk.char_start:chunk.char_end] == chunk.text


def test_words_a_pdf_broke_at_a_line_end_are_joined():
    from ingest.hyphens import join_broken_words

    vocabulary = TOKENIZER.get_vocab()
    assert join_broken_words("light up for ap- proximately four seconds", vocabulary) == "light up for approximately four seconds"
    assert join_broken_words("within the detec-\ntion area", vocabulary) == "within the detection area"
    assert join_broken_words("frame- works that are privacy- preserving", vocabulary) == "frameworks that are privacy-preserving"
    for kept in ("pre- and post-processing", "state-of-the-art", "2020 - 2021", "Vehicle- Check"):
        assert join_broken_words(kept, vocabulary) == kept


def test_a_page_s_running_header_heads_its_text():
    from unstructured.documents.elements import Header

    elements = [Header("“HANDS-FREE” CARD: use (2/4)", metadata=ElementMetadata(page_number=1)),
                para("The hazard warning lights flash twice and then light up for four seconds.", page=1),
                Header("Page 2", metadata=ElementMetadata(page_number=2)),
                title("Remote locking", page=2), para("Press the button on the card.", page=2)]
    _, placed = place_elements(elements)
    assert placed[1].heading_path == ("“HANDS-FREE” CARD: use (2/4)",)
    assert placed[4].heading_path == ("“HANDS-FREE” CARD: use (2/4)", "Remote locking")  # "Page 2" heads nothing
