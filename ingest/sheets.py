"""A spreadsheet's money and percentage cells as the person sees them.

unstructured reads .xlsx through pandas, which keeps a cell's value and drops its number format: a bill of
"£563.75" is stored as "563.75" and a "1.7%" rate as "0.017", so "how much was the September invoice" finds no
amount of money and the figure a person quotes back is not the one stored. The workbook's own formats (openpyxl,
already unstructured's reader) say how each value is shown; every table cell whose text is such a value, on a sheet
where that value is shown one way only, is given its shown text.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

_CURRENCY = re.compile(r"[£$€¥₹]")
_DECIMALS = re.compile(r"0\.(0+)")
_CELL = re.compile(r"(<td[^>]*>)([^<]*)(</td>)")


def shown_number(value: float, number_format: str) -> str | None:
    """``value`` as its number format shows it, when that is money or a percentage; else None."""
    fmt = (number_format or "").split(";")[0]  # the format of a positive number
    decimals = _DECIMALS.search(fmt)
    places = len(decimals.group(1)) if decimals else 0
    if "%" in fmt:
        return f"{value * 100:,.{places}f}%"
    symbol = _CURRENCY.search(fmt.replace("\\", ""))
    if symbol:
        sign = "-" if value < 0 else ""
        return f"{sign}{symbol.group(0)}{abs(value):,.{places}f}"
    return None


def _raw_forms(value: float) -> set[str]:
    """How pandas may have written the value into the table: "563.75", "581", "581.0", "0.017"."""
    forms = {str(value), f"{value:g}", repr(float(value))}
    if float(value).is_integer():
        forms.add(str(int(value)))
    return forms


def shown_values(path: str) -> dict[str, dict[str, str]]:
    """Per sheet name: raw cell text -> the text shown, for money and percentage cells shown one way on that sheet."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a workbook openpyxl cannot read keeps pandas' values
        log.debug("no number formats for %s: %s", path, exc)
        return {}
    sheets = {}
    try:
        for sheet in workbook.worksheets:
            seen: dict[str, set[str]] = {}
            for row in sheet.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if isinstance(value, bool) or not isinstance(value, (int, float)):
                        continue
                    shown = shown_number(value, getattr(cell, "number_format", ""))
                    if shown is not None:
                        for raw in _raw_forms(value):
                            seen.setdefault(raw, set()).add(shown)
            sheets[sheet.title] = {raw: next(iter(shown)) for raw, shown in seen.items() if len(shown) == 1}
    finally:
        workbook.close()
    return sheets


def with_shown_values(path: str, elements: list) -> list:
    """``elements`` of a workbook (one table per sheet, named by ``page_name``) with money and percentage cells as
    shown; the elements themselves are kept."""
    sheets = shown_values(path)
    if not any(sheets.values()):
        return elements
    for element in elements:
        shown = sheets.get(getattr(element.metadata, "page_name", None) or "")
        html = getattr(element.metadata, "text_as_html", None)
        if not shown or not html:
            continue
        element.metadata.text_as_html = _CELL.sub(
            lambda m: m.group(1) + shown.get(m.group(2).strip(), m.group(2)) + m.group(3), html)
    return elements
