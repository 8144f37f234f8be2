"""Import of CSV/XLSX prospect lists: reading, header mapping, row checks, duplicates."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from sales.kernel.errors import Refused
from sales.prospects import importing
from sales.prospects.importing import Column, map_headers, parse_rows, read_table
from sales.prospects.matching import Candidate, MatchKind, MatchReason
from sales.prospects.model import Birthday, GreetingChannel, Kind, Method

TODAY = date(2026, 11, 23)

ZH_CSV = (
    "姓名,公司,手机,微信,邮箱,地址,生日,来源,备注,标签\n"
    "张伟,华为,138 1234 5678,zhangwei88,zw@huawei.com,深圳市,1985-03-14,展会,<b>hi</b>,"
    "VIP、老客户\n"
    "李娜,,139-1234-0000,,,,,朋友介绍,,\n"
)


def refusal(call: object, *args: object) -> Refused:
    """Run a call that must refuse and hand back the refusal."""
    assert callable(call)
    with pytest.raises(Refused) as caught:
        call(*args)
    return caught.value


def xlsx(rows: list[list[object]]) -> bytes:
    """An .xlsx file built in memory, like one saved from Excel or WPS."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---- reading ---------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_in_every_encoding_chinese_excel_writes(encoding: str) -> None:
    rows = read_table("客户.csv", ZH_CSV.encode(encoding))
    assert rows[0][0] == "姓名"  # no BOM left on the first header
    assert rows[1][:3] == ["张伟", "华为", "138 1234 5678"]
    assert rows[2] == ["李娜", "", "139-1234-0000", "", "", "", "", "朋友介绍"]


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_csv_delimiter_is_sniffed(delimiter: str) -> None:
    text = ZH_CSV.replace(",", delimiter)
    assert read_table("list.txt", text.encode())[1][:2] == ["张伟", "华为"]


def test_quoted_csv_cells_keep_commas_and_newlines() -> None:
    data = b'name,notes\n"Zhang, Wei","line 1\nline 2"\n'
    assert read_table("a.csv", data)[1] == ["Zhang, Wei", "line 1\nline 2"]


def test_blank_rows_are_kept_for_numbering_but_trailing_ones_dropped() -> None:
    rows = read_table("a.csv", b"name\n\nAnn\n,,\n\n")
    assert rows == [["name"], [], ["Ann"]]


def test_xlsx_cells_become_the_text_a_rep_typed() -> None:
    data = xlsx([
        ["姓名", "手机", "生日", "备注"],
        ["张伟", 13812345678, datetime(1985, 3, 14), None],
        ["李娜", 13912340000.0, "3-14", 3.5],
        [None, None, None, None],
        ["王芳", "010-6552-9988", None, True],
    ])
    rows = read_table("list.xlsx", data)
    assert rows == [
        ["姓名", "手机", "生日", "备注"],
        ["张伟", "13812345678", "1985-03-14"],
        ["李娜", "13912340000", "3-14", "3.5"],
        [],
        ["王芳", "010-6552-9988", "", "True"],
    ]


def test_xlsx_is_recognised_without_its_extension() -> None:
    assert read_table("document", xlsx([["name"], ["Ann"]])) == [["name"], ["Ann"]]


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("list.pdf", b"%PDF-1.4", "import-bad-file"),
        ("list.xls", b"\xd0\xcf\x11\xe0old excel", "import-bad-file"),
        ("list.xlsx", b"PK\x03\x04not really a zip", "import-bad-file"),
        ("list.csv", b"name\n\xff\xff\n", "import-bad-encoding"),
        ("list.csv", b"", "import-empty"),
        ("list.csv", b"\n\n,,\n", "import-empty"),
    ],
)
def test_unreadable_files_are_refused(filename: str, data: bytes, code: str) -> None:
    assert refusal(read_table, filename, data).code == code


def test_size_and_row_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "IMPORT_MAX_ROWS", 2)
    assert len(read_table("a.csv", b"name\nA\n\nB\n")) == 4
    too_many = refusal(read_table, "a.csv", b"name\nA\nB\nC\n")
    assert (too_many.code, too_many.args_for_text) == ("import-too-many-rows", {"max": 2})
    monkeypatch.setattr(importing, "IMPORT_MAX_MB", 0)
    assert refusal(read_table, "a.csv", b"name\n").code == "import-too-big"


# ---- headers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["姓名", "公司", "电话", "微信", "邮箱", "地址", "生日", "备注", "标签", "来源"],
         {Column.NAME: (0,), Column.COMPANY: (1,), Column.PHONE: (2,), Column.WECHAT: (3,),
          Column.EMAIL: (4,), Column.ADDRESS: (5,), Column.BIRTHDAY: (6,), Column.NOTES: (7,),
          Column.TAGS: (8,), Column.SOURCE: (9,)}),
        (["Name", "Company", "Mobile", "WeChat", "E-mail", "Address", "Date of Birth",
          "Notes", "Tags", "Source"],
         {Column.NAME: (0,), Column.COMPANY: (1,), Column.PHONE: (2,), Column.WECHAT: (3,),
          Column.EMAIL: (4,), Column.ADDRESS: (5,), Column.BIRTHDAY: (6,), Column.NOTES: (7,),
          Column.TAGS: (8,), Column.SOURCE: (9,)}),
        (["*姓名", "手机号码(必填)", "座机", " full_name ", "农历生日", "Lead Source"],
         {Column.NAME: (0, 3), Column.PHONE: (1, 2), Column.LUNAR_BIRTHDAY: (4,),
          Column.SOURCE: (5,)}),
        (["公司名称", "联系电话"], {Column.COMPANY: (0,), Column.PHONE: (1,)}),
    ],
)
def test_headers_map_by_zh_and_en_synonyms(
    headers: list[str], expected: dict[Column, tuple[int, ...]]
) -> None:
    assert map_headers(headers).columns == expected


def test_unknown_headers_are_listed_as_ignored() -> None:
    mapped = map_headers(["姓名", "职位", "", "Fax"])
    assert mapped.ignored == ("职位", "Fax")


@pytest.mark.parametrize("headers", [["手机", "邮箱"], [], ["", ""], ["name?"]])
def test_a_name_or_company_column_is_required(headers: list[str]) -> None:
    if headers == ["name?"]:
        assert map_headers(headers).columns == {Column.NAME: (0,)}
        return
    assert refusal(map_headers, headers).code == "import-no-name-column"


# ---- rows ------------------------------------------------------------------------------------

def plan_of(text: str, existing: list[Candidate] | None = None) -> importing.ImportPlan:
    """Read a CSV text and plan its import for a Chinese team."""
    return parse_rows(read_table("a.csv", text.encode()), "CN", TODAY, Method.EXHIBITION,
                      existing or [])


def test_valid_rows_become_checked_cards() -> None:
    plan = plan_of(ZH_CSV)
    assert [r.row for r in plan.valid] == [2, 3]
    first = plan.valid[0].draft
    assert (first.kind, first.name, first.company) == (Kind.INDIVIDUAL, "张伟", "华为")
    assert (first.phone, first.wechat, first.email) == (
        "+8613812345678", "zhangwei88", "zw@huawei.com"
    )
    assert first.birthday == Birthday(3, 14, 1985)
    assert first.method is Method.EXHIBITION
    assert first.notes == "<b>hi</b>"
    assert first.tags == ("VIP", "老客户")
    assert plan.valid[1].draft.method is Method.REFERRAL
    assert plan.rejected == ()


def test_rows_are_rejected_with_the_row_number_excel_shows() -> None:
    text = (
        "\n"  # a blank line before the header: the header is row 2
        "姓名,手机,邮箱,生日,农历生日\n"
        "张伟,138 1234 5678,,,\n"  # row 3 ok
        ",13912340000,,,\n"  # row 4: no name
        "\n"  # row 5 blank: skipped, not rejected
        "李娜,12345,,,\n"  # row 6
        "王芳,,not-an-email,,\n"  # row 7
        "赵六,,,2-30,\n"  # row 8: Feb 30
        "钱七,,,2030-01-01,\n"  # row 9: future
        "孙八,,,,2023-01-30\n"  # row 10: lunar month of 29 days
        "😀,,,,\n"  # row 11
        "周九,,,,1990-08-15\n"  # row 12 ok, lunar
    )
    plan = plan_of(text)
    assert [(e.row, e.code) for e in plan.rejected] == [
        (4, "import-row-no-name"),
        (6, "prospect-bad-phone"),
        (7, "prospect-bad-email"),
        (8, "prospect-bad-birthday"),
        (9, "prospect-birthday-future"),
        (10, "prospect-bad-birthday"),
        (11, "prospect-bad-name"),
    ]
    assert plan.rejected[1].args == {"value": "12345"}
    assert [r.row for r in plan.valid] == [3, 12]
    assert plan.valid[1].draft.birthday == Birthday(8, 15, 1990, lunar=True)


def test_company_only_rows_are_organisations_and_sources_map_to_methods() -> None:
    plan = plan_of(
        "name,company,source,notes\n"
        ",华为技术有限公司,扫街,\n"
        "Ann,ACME,telephone,\n"
        "Bob,,a friend's party,met twice\n"
    )
    org, ann, bob = (r.draft for r in plan.valid)
    assert (org.kind, org.name, org.company, org.method) == (
        Kind.ORGANISATION, "华为技术有限公司", None, Method.COLD_CANVASS
    )
    assert (ann.kind, ann.company, ann.method) == (Kind.INDIVIDUAL, "ACME", Method.TELEPHONE)
    assert (bob.method, bob.notes) == (Method.EXHIBITION, "met twice\na friend's party")


def test_first_filled_phone_column_wins_and_lists_take_the_first_number() -> None:
    plan = plan_of("姓名,手机,电话\n张伟,,010-6552-9988\n李娜,\"13912340000, 13812345678\",\n")
    assert [r.draft.phone for r in plan.valid] == ["+861065529988", "+8613912340000"]


def test_duplicates_within_the_file() -> None:
    plan = plan_of(
        "姓名,手机\n"
        "张伟,13812345678\n"  # row 2
        "李娜,13912340000\n"  # row 3
        "Zhang Wei,+86 138-1234-5678\n"  # row 4: same phone as row 2
        "张玮,\n"  # row 5: same pinyin as row 2 (and row 4)
        "王芳,\n"  # row 6
    )
    by_row = {d.row: d for d in plan.in_file}
    assert set(by_row) == {4, 5}
    assert [(m.candidate.id, m.kind, m.reason) for m in by_row[4].matches] == [
        (2, MatchKind.STRONG, MatchReason.PHONE)
    ]
    assert {m.candidate.id for m in by_row[5].matches} == {2, 4}
    assert all(m.kind is MatchKind.POSSIBLE for m in by_row[5].matches)
    assert plan.strong_rows == {4}
    assert [r.row for r in plan.ready()] == [2, 3, 5, 6]
    assert [r.row for r in plan.ready(skip_possible=True)] == [2, 3, 6]


def test_duplicates_against_existing_prospects() -> None:
    existing = [
        Candidate(41, "李娜", None, "+8613912340000", "Rep Wang"),
        Candidate(42, "王方", None, None, "Rep Li"),
    ]
    plan = plan_of("姓名,手机\n娜娜,13912340000\n王芳,\n赵六,\n", existing)
    by_row = {d.row: d for d in plan.existing}
    assert set(by_row) == {2, 3}
    assert by_row[2].strong and by_row[2].matches[0].candidate.owner == "Rep Wang"
    assert not by_row[3].strong and by_row[3].matches[0].candidate.id == 42
    assert plan.in_file == ()
    assert [r.row for r in plan.ready()] == [3, 4]


def test_xlsx_import_end_to_end() -> None:
    data = xlsx([
        ["Name", "Company", "Mobile", "Birthday", "Tags"],
        ["Zhang Wei", "Huawei", 13812345678, datetime(1985, 3, 14), "vip, fair"],
        ["Li Na", None, 12345, None, None],
    ])
    plan = parse_rows(read_table("cards.xlsx", data), "CN", TODAY, Method.EXHIBITION)
    assert [(r.row, r.draft.phone, r.draft.birthday) for r in plan.valid] == [
        (2, "+8613812345678", Birthday(3, 14, 1985))
    ]
    assert plan.valid[0].draft.tags == ("vip", "fair")
    assert [(e.row, e.code) for e in plan.rejected] == [(3, "prospect-bad-phone")]


def test_a_file_with_only_blank_rows_has_no_header() -> None:
    assert refusal(parse_rows, [[], [""]], "CN", TODAY, Method.EXHIBITION).code == "import-empty"


def test_greeting_columns_are_imported_and_checked() -> None:
    text = (
        "姓名,地址,微信,称呼,问候语言,问候方式,拒收贺卡\n"
        "王建国,上海市1号,,王总,中文,邮寄,否\n"  # row 2
        "Chen,,chen_2020,Mr. Chen,English,message,\n"  # row 3
        "李娜,,,李女士,,,是\n"  # row 4
        "赵六,,,,fr,,\n"  # row 5: unknown language
        "钱七,,,,,by pigeon,\n"  # row 6: unknown channel
    )
    plan = plan_of(text)
    drafts = [r.draft for r in plan.valid]
    assert [(d.salutation, d.greeting_language, d.greeting_channel, d.greetings_opt_out)
            for d in drafts] == [
        ("王总", "zh", GreetingChannel.POSTAL, False),
        ("Mr. Chen", "en", GreetingChannel.MESSAGE, False),
        ("李女士", None, GreetingChannel.POSTAL, True)]
    assert [(e.row, e.code) for e in plan.rejected] == [
        (5, "prospect-bad-greeting-language"), (6, "prospect-bad-greeting-channel")]
