"""Download files: typed XLSX/CSV sheets safe against formula injection, and the A4 3x7 label
sheet PDF with Chinese text (parsed back with pypdf; a missing CJK font is refused, no tofu)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from bot.files.labels import A4_3X7, LabelFontError, find_cjk_font, label_sheet
from bot.files.sheets import Cell, Column, Kind, Sheet, csv_bytes, formula_like, xlsx_bytes

CREATED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
COLUMNS = (Column("姓名"), Column("Count", Kind.INT), Column("Amount", Kind.NUMBER),
           Column("Day", Kind.DATE), Column("At", Kind.DATETIME))
ATTACKS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _sheet(texts: list[str]) -> Sheet:
    rows: list[list[Cell]] = [[text, 3, Decimal("12.50"), date(2027, 2, 6),
                               datetime(2027, 2, 6, 8, 30)] for text in texts]
    rows.append(["王总", None, None, None, None])
    return Sheet("Mailing: Spring/Festival", COLUMNS, rows)


@pytest.mark.parametrize(("text", "risky"), [
    *((a, True) for a in ATTACKS), ("王总", False), ("Mr. Chen", False), ("1+1", False),
    ("", False), ("a=b", False),
])
def test_formula_like(text: str, risky: bool) -> None:
    assert formula_like(text) is risky


def test_csv_guards_formulas_and_keeps_types() -> None:
    data = csv_bytes(_sheet(ATTACKS))
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 Chinese with the BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["姓名", "Count", "Amount", "Day", "At"]
    assert [r[0] for r in rows[1:-1]] == ["'" + a for a in ATTACKS]
    assert rows[1][1:] == ["3", "12.50", "2027-02-06", "2027-02-06 08:30"]
    assert rows[-1] == ["王总", "", "", "", ""]


def test_xlsx_reads_back_typed_with_frozen_header_and_no_formula() -> None:
    data = xlsx_bytes(_sheet(ATTACKS))
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.title == "Mailing  Spring Festival" and ws.freeze_panes == "A2"
    header = next(ws.iter_rows(max_row=1))
    assert [c.value for c in header] == ["姓名", "Count", "Amount", "Day", "At"]
    assert all(c.font.bold for c in header)
    texts = [row[0] for row in ws.iter_rows(min_row=2, max_row=len(ATTACKS) + 1)]
    assert [c.value for c in texts] == [a.replace("\r", "\n") for a in ATTACKS]  # XML's CR
    assert all(c.data_type == "s" and c.quotePrefix for c in texts)
    count, amount, day, at = (c for c in next(ws.iter_rows(min_row=2, max_row=2))[1:])
    assert (count.value, count.data_type) == (3, "n")
    assert amount.value == 12.5 and day.value == datetime(2027, 2, 6)
    assert day.number_format == "yyyy-mm-dd" and at.value == datetime(2027, 2, 6, 8, 30)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_drops_control_characters() -> None:
    ws = load_workbook(io.BytesIO(xlsx_bytes(Sheet("S", [Column("A")], [["a\x00b\x07c"]])))).active
    assert ws["A2"].value == "abc"


@pytest.mark.parametrize("row", [
    ["x"],                                            # too short
    ["x", "3", None, None, None],                     # text in an int column
    ["x", True, None, None, None],                    # a bool is no count
    ["x", None, None, datetime(2027, 1, 1), None],    # a moment in a date column
    [1, None, None, None, None],                      # a number in a text column
])
def test_a_row_that_does_not_fit_the_columns_is_a_bug(row: list[Cell]) -> None:
    with pytest.raises((ValueError, TypeError)):
        Sheet("S", COLUMNS, [row])


# ------------------------------------------------------------------ label sheet PDF


@pytest.fixture(scope="module")
def font() -> Path:
    found = find_cjk_font()
    assert found is not None, "no CJK font: apt-get install fonts-wqy-microhei (see .ci/run)"
    return found


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_label_sheet_has_chinese_text_21_to_a_page(font: Path) -> None:
    labels = [[f"上海市浦东新区世纪大道{n}号", f"王总{n} 收"] for n in range(1, 24)]
    data = label_sheet(labels, font, CREATED, title="春节 2027")
    pages = _pages(data)
    assert len(pages) == 2 and A4_3X7.per_page == 21
    assert "王总1 收" in pages[0] and "世纪大道21号" in pages[0] and "王总21" in pages[0]
    assert "王总22 收" in pages[1] and "王总23 收" in pages[1] and "王总21" not in pages[1]
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata.title == "春节 2027"
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (
        210, 297)


def test_a_long_address_shrinks_then_is_cut_inside_its_label(font: Path) -> None:
    text = _pages(label_sheet([["北京市朝阳区" * 40, "陈先生"]], font, CREATED))[0]
    assert "北京市朝阳区" in text and "…" in text


def test_layout_places_three_across_seven_down() -> None:
    assert A4_3X7.origin(0) == (0.0, 0.45)
    assert A4_3X7.origin(2) == (140.0, 0.45)
    x, y = A4_3X7.origin(20)
    assert x == 140.0 and round(y + A4_3X7.height, 1) <= 297.0
    assert A4_3X7.origin(21) == A4_3X7.origin(0)


def test_no_cjk_font_is_refused_not_tofu(tmp_path: Path) -> None:
    assert find_cjk_font(known=[str(tmp_path / "nothing.ttc")], fontconfig=list) is None
    with pytest.raises(LabelFontError) as refused:
        label_sheet([["王总"]], None, CREATED)
    assert refused.value.missing == ""


def test_a_latin_only_font_is_no_cjk_font() -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("DejaVu not installed")
    with pytest.raises(LabelFontError):
        label_sheet([["Mr. Chen"]], dejavu, CREATED)


def test_a_character_the_font_lacks_is_refused(font: Path) -> None:
    with pytest.raises(LabelFontError) as refused:
        label_sheet([["王总 🎉", "𠀀"]], font, CREATED)
    assert "🎉" in refused.value.missing


def test_fontconfig_is_asked_after_the_known_paths(font: Path) -> None:
    assert find_cjk_font(known=[], fontconfig=lambda: [str(font)]) == font
    assert find_cjk_font(known=["/nope.ttc"], fontconfig=lambda: ["/also/none.ttf"]) is None
