"""Which legacy code page a text file that is not UTF-8 was written in.

unstructured takes charset-normalizer's first guess, and for Western European text that guess is
often a neighbouring code page that decodes every byte with the same "chaos" but the wrong letters:
a French, Spanish and Swedish page written in windows-1252 came out as windows-1250 ("trčs" for
"très", "nińo" for "niño", "ĺt" for "åt"), and a question about the Swedish line no longer matched
it. Among the guesses that read the bytes equally cleanly, the one whose text reads most like a
language (charset-normalizer's coherence) is taken, and windows-1252 (what browsers assume for
undeclared legacy pages) wins a tie. Files with a byte-order mark, UTF-8 and ASCII are left alone.
"""

from __future__ import annotations

import codecs
from pathlib import Path

TEXT_KINDS = frozenset({"txt", "text", "md", "markdown", "html", "htm", "xhtml", "xml", "rst", "org", "csv", "tsv"})
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAME_CHAOS = 0.01  # guesses this close in "mess" read the bytes equally cleanly
_PREFERRED = ("cp1252",)


def legacy_encoding(data: bytes) -> str | None:
    """The code page to read ``data`` with, or None when it is Unicode (BOM, UTF-8) or ASCII or no
    guess reads it (the caller's own detection then decides)."""
    if data.startswith(_BOMS) or b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    guesses = list(from_bytes(data))
    if not guesses:
        return None
    cleanest = min(g.chaos for g in guesses)
    clean = [g for g in guesses if g.chaos <= cleanest + _SAME_CHAOS]
    return max(clean, key=lambda g: (round(g.coherence, 3), g.encoding in _PREFERRED)).encoding


_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
              (codecs.BOM_UTF16_BE, "utf-16"))


def wide_encoding(data: bytes) -> str | None:
    """"utf-16" or "utf-32" (with a byte-order mark), "utf-16-le" or "utf-16-be" (without one: every
    other byte of Latin text is zero), else None."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    return None


def file_encoding(path: str | Path, kind: str) -> str | None:
    """``legacy_encoding`` of a text-format file (None for other formats, which carry their own)."""
    if kind not in TEXT_KINDS:
        return None
    return legacy_encoding(Path(path).read_bytes())
