"""Spreadsheets for people to download: typed columns as XLSX or CSV, safe to open in Excel.

Generic on purpose (mailing lists now, exports later): a `Sheet` is a title, typed `Column`s
and rows of plain values. Text that a spreadsheet would run as a formula (a cell starting with
= + - @, a tab or a carriage return) is neutralised: CSV gets the usual leading apostrophe,
XLSX stores it as a text cell marked quote-prefixed, so the text reads exactly as typed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_GUARD = "'"
SHEET_TITLE_MAX = 31  # Excel's limit on a worksheet's name
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"

Cell = str | int | float | Decimal | date | None
"""A value in a row; `None` is an empty cell."""


class Kind(StrEnum):
    """What a column holds: it decides the cell type and the number format."""

    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    DATE = "date"
    DATETIME = "datetime"


FORMATS = {Kind.INT: "0", Kind.NUMBER: "#,##0.00", Kind.DATE: "yyyy-mm-dd",
           Kind.DATETIME: "yyyy-mm-dd hh:mm"}
ACCEPTS: dict[Kind, tuple[type, ...]] = {
    Kind.TEXT: (str,), Kind.INT: (int,), Kind.NUMBER: (int, float, Decimal),
    Kind.DATE: (date,), Kind.DATETIME: (datetime,),
}


@dataclass(frozen=True, slots=True)
class Column:
    """A header, what its cells hold, and a width in characters (None: fit the header)."""

    header: str
    kind: Kind = Kind.TEXT
    width: int | None = None


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table: rows line up with the columns."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]

    def __post_init__(self) -> None:
        """A row of the wrong length or a value of the wrong type is a bug: fail on building."""
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"row has {len(row)} cells, the sheet {len(self.columns)}")
            for column, value in zip(self.columns, row, strict=True):
                _check(column, value)


def _check(column: Column, value: Cell) -> None:
    """A date column holds dates, an int column ints (bool is not an int here)."""
    if value is None:
        return
    wrong_date = column.kind is Kind.DATE and isinstance(value, datetime)
    if isinstance(value, bool) or wrong_date or not isinstance(value, ACCEPTS[column.kind]):
        raise TypeError(f"{column.header!r} ({column.kind}) cannot hold {value!r}")


def formula_like(text: str) -> bool:
    """Would a spreadsheet treat this text as a formula (or DDE payload)?"""
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """The text as a CSV cell that no spreadsheet runs."""
    return CSV_GUARD + text if formula_like(text) else text


def csv_bytes(sheet: Sheet) -> bytes:
    """UTF-8 with a BOM (Excel then reads Chinese right), a header row, ISO dates."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(c.header) for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def _csv_cell(value: Cell) -> str:
    """Text guarded, numbers as written, dates as ISO, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat() if isinstance(value, date) else str(value)


def xlsx_bytes(sheet: Sheet) -> bytes:
    """One worksheet: bold frozen header, typed cells with formats, sensible widths."""
    return xlsx_book([sheet])


def xlsx_book(sheets: Sequence[Sheet]) -> bytes:
    """A workbook with one such worksheet per sheet, in order (exports)."""
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _fill(book.create_sheet(_sheet_title(sheet.title)), sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill(ws: Worksheet, sheet: Sheet) -> None:
    """Header, rows, formats, widths and the frozen header row of one worksheet."""
    ws.append([c.header for c in sheet.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        _as_text(cell)
    for row in sheet.rows:
        ws.append([_xlsx_value(value) for value in row])
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width or max(10, len(column.header) + 4)
        for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
            _format(cell, column.kind)
    ws.freeze_panes = "A2"


def _sheet_title(title: str) -> str:
    """Excel refuses some characters and long names in a worksheet title."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:SHEET_TITLE_MAX] or "Sheet"


def _xlsx_value(value: Cell) -> Cell:
    """Control characters XML cannot carry are dropped; everything else as it is."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _format(cell: XlCell, kind: Kind) -> None:
    """Text stays text (never a formula); numbers and dates get their format."""
    if kind is Kind.TEXT:
        _as_text(cell)
    elif cell.value is not None:
        cell.number_format = FORMATS[kind]


def _as_text(cell: XlCell) -> None:
    """openpyxl makes any string starting with '=' a formula: force a string cell, and mark
    formula-like ones quote-prefixed so Excel keeps them text even after an edit."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if formula_like(cell.value):
            cell.quotePrefix = True
