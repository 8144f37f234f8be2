"""The shared sheet writer as exports use it: several typed sheets in one workbook, frozen
headers, and formula injection neutralised in XLSX and CSV alike."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from bot.files.sheets import Column, Kind, Sheet, csv_bytes, xlsx_book

RISKY = ["=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(1)", "\t=1", "\r=1",
         "=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0"]


def _sheets() -> list[Sheet]:
    people = Sheet("Prospects", [Column("ID", Kind.INT), Column("Name"),
                                 Column("Added", Kind.DATETIME)],
                   [[1, text, datetime(2026, 11, 23, 17, 0)] for text in RISKY])
    money = Sheet("Visits", [Column("Day", Kind.DATE), Column("Amount", Kind.NUMBER)],
                  [[date(2026, 11, 23), Decimal("1200.50")]])
    return [people, money]


def test_workbook_has_one_typed_sheet_each_with_frozen_headers() -> None:
    book = load_workbook(io.BytesIO(xlsx_book(_sheets())))
    assert book.sheetnames == ["Prospects", "Visits"]
    prospects, visits = book["Prospects"], book["Visits"]
    assert prospects.freeze_panes == "A2" and visits.freeze_panes == "A2"
    assert [c.value for c in prospects[1]] == ["ID", "Name", "Added"]
    assert prospects["A2"].value == 1 and prospects["C2"].value == datetime(2026, 11, 23, 17, 0)
    assert visits["A2"].value == datetime(2026, 11, 23) and visits["A2"].number_format == (
        "yyyy-mm-dd")
    assert visits["B2"].value == pytest.approx(1200.5)


@pytest.mark.parametrize("row", range(len(RISKY)))
def test_xlsx_keeps_formula_like_text_as_text(row: int) -> None:
    cell = load_workbook(io.BytesIO(xlsx_book(_sheets())))["Prospects"].cell(row + 2, 2)
    # never a formula; XML turns a carriage return into a line feed, still text
    assert cell.data_type == "s" and cell.value.replace("\n", "\r") == RISKY[row]
    assert cell.quotePrefix


@pytest.mark.parametrize("row", range(len(RISKY)))
def test_csv_prefixes_formula_like_text(row: int) -> None:
    text = csv_bytes(_sheets()[0]).decode("utf-8-sig")
    cells = list(csv.reader(io.StringIO(text)))[row + 1]
    assert cells[1] == "'" + RISKY[row] and cells[0] == "1"


def test_harmless_text_is_left_alone() -> None:
    sheet = Sheet("S", [Column("Name")], [["王总"], ["a=b"], ["1-2"]])
    text = csv_bytes(sheet).decode("utf-8-sig")
    assert text.splitlines()[1:] == ["王总", "a=b", "1-2"]
