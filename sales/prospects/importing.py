"""Bulk import of prospect lists (exhibition card piles, old spreadsheets): read, check, commit."""

from __future__ import annotations

import asyncio
import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import PurePath
from typing import Any, TypeVar

from openpyxl import load_workbook

from sales.kernel.errors import Refused
from sales.people.model import AuditEntry, User
from sales.prospects import use_cases as prospecting
from sales.prospects.events import ProspectEvent
from sales.prospects.matching import Candidate, DuplicateIndex, Match, MatchKind
from sales.prospects.model import (
    Birthday,
    GreetingChannel,
    Kind,
    Method,
    ProspectDraft,
    check_draft,
    find_method,
    parse_birthday,
    parse_contact_time,
    parse_flag,
    parse_greeting_channel,
    parse_greeting_language,
    parse_tags,
)
from sales.prospects.ports import ProspectsUow

IMPORT_MAX_ROWS = 2000
IMPORT_MAX_MB = 5
ENCODINGS = ("utf-8-sig", "gb18030")  # gb18030 is a superset of gbk and gb2312
CSV_DELIMITERS = ",;\t|"
SNIFF_CHARS = 16384
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
CSV_EXTENSIONS = (".csv", ".txt", ".tsv", "")
ZIP_MAGIC = b"PK\x03\x04"
PHONE_SPLIT_RE = re.compile(r"[,;/、，；]+")
HEADER_NOISE_RE = re.compile(r"[(（\[【].*?[)）\]】]|[\W_]+")
ParsedT = TypeVar("ParsedT")


class Column(StrEnum):
    """A card field an imported column can fill."""

    NAME = "name"
    COMPANY = "company"
    PHONE = "phone"
    WECHAT = "wechat"
    EMAIL = "email"
    ADDRESS = "address"
    BIRTHDAY = "birthday"
    LUNAR_BIRTHDAY = "lunar_birthday"
    CONTACT_TIME = "contact_time"
    NEEDS = "needs"
    TAGS = "tags"
    NOTES = "notes"
    SOURCE = "source"
    SALUTATION = "salutation"
    GREETING_LANGUAGE = "greeting_language"
    GREETING_CHANNEL = "greeting_channel"
    GREETINGS_OPT_OUT = "greetings_opt_out"


HEADER_WORDS: dict[Column, tuple[str, ...]] = {
    Column.NAME: ("name", "full name", "customer name", "client name", "contact",
                  "contact name", "contact person", "姓名", "名字", "客户姓名", "联系人"),
    Column.COMPANY: ("company", "company name", "organisation", "organization", "org",
                     "employer", "firm", "公司", "公司名称", "单位", "工作单位", "企业",
                     "企业名称", "机构"),
    Column.PHONE: ("phone", "mobile", "mobile phone", "cell", "cellphone", "tel", "telephone",
                   "phone number", "mobile number", "电话", "手机", "手机号", "手机号码",
                   "电话号码", "联系电话", "座机", "移动电话", "联系方式"),
    Column.WECHAT: ("wechat", "wechat id", "weixin", "wx", "微信", "微信号"),
    Column.EMAIL: ("email", "e-mail", "mail", "email address", "邮箱", "电子邮箱", "电子邮件",
                   "邮件", "电邮"),
    Column.ADDRESS: ("address", "mailing address", "postal address", "地址", "联系地址",
                     "通讯地址", "邮寄地址", "住址", "公司地址"),
    Column.BIRTHDAY: ("birthday", "date of birth", "dob", "birth date", "生日", "出生日期",
                      "出生年月日", "公历生日", "阳历生日"),
    Column.LUNAR_BIRTHDAY: ("lunar birthday", "农历生日", "阴历生日"),
    Column.CONTACT_TIME: ("contact time", "preferred time", "best time", "联系时间",
                          "方便联系时间"),
    Column.NEEDS: ("needs", "need", "interest", "interests", "requirements", "需求", "意向",
                   "客户需求"),
    Column.TAGS: ("tags", "tag", "labels", "label", "标签"),
    Column.NOTES: ("notes", "note", "remarks", "remark", "comment", "comments", "memo", "备注",
                   "说明", "附注"),
    Column.SOURCE: ("source", "lead source", "method", "channel", "how found", "来源",
                    "客户来源", "渠道", "获客方式"),
    Column.SALUTATION: ("salutation", "form of address", "dear", "称呼", "尊称", "抬头称呼"),
    Column.GREETING_LANGUAGE: ("greeting language", "language", "问候语言", "语言"),
    Column.GREETING_CHANNEL: ("greeting channel", "greeting by", "问候方式", "贺卡方式"),
    Column.GREETINGS_OPT_OUT: ("greetings opt out", "opt out", "no greetings", "不要问候",
                               "拒收问候", "拒收贺卡"),
}


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which file columns (0-based) feed which field; unknown headers are listed, not used."""

    columns: dict[Column, tuple[int, ...]]
    ignored: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportRow:
    """A valid row, numbered as the spreadsheet shows it (header = its own row number)."""

    row: int
    draft: ProspectDraft


@dataclass(frozen=True, slots=True)
class RowError:
    """A refused row: the number the rep sees in Excel, a Fluent key and its arguments."""

    row: int
    code: str
    args: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportDuplicate:
    """A valid row that looks like others; in-file matches carry the earlier row as id."""

    row: int
    matches: tuple[Match, ...]

    @property
    def strong(self) -> bool:
        """Same phone, email or WeChat: almost surely the same customer."""
        return any(m.kind is MatchKind.STRONG for m in self.matches)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do; nothing is written until the use case commits it all."""

    columns: ColumnMap
    valid: tuple[ImportRow, ...]
    rejected: tuple[RowError, ...]
    in_file: tuple[ImportDuplicate, ...]
    existing: tuple[ImportDuplicate, ...]

    @property
    def strong_rows(self) -> frozenset[int]:
        """Rows to skip by default: a strong duplicate of an earlier row or a stored prospect."""
        return frozenset(d.row for d in (*self.in_file, *self.existing) if d.strong)

    def ready(self, skip_possible: bool = False) -> tuple[ImportRow, ...]:
        """The rows to create: valid, minus strong duplicates (and possible ones if asked)."""
        skip = set(self.strong_rows)
        if skip_possible:
            skip |= {d.row for d in (*self.in_file, *self.existing)}
        return tuple(r for r in self.valid if r.row not in skip)


def read_table(filename: str, data: bytes) -> list[list[str]]:
    """Rows of strings from CSV (utf-8, BOM, gbk) or XLSX bytes; blank rows kept for numbering."""
    if len(data) > IMPORT_MAX_MB * 1024 * 1024:
        raise Refused("import-too-big", max=IMPORT_MAX_MB)
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(ZIP_MAGIC) or suffix in XLSX_EXTENSIONS:
        rows = _read_xlsx(filename, data)
    elif suffix in CSV_EXTENSIONS:
        rows = _read_csv(filename, data)
    else:
        raise Refused("import-bad-file", name=filename)
    while rows and not rows[-1]:
        rows.pop()
    if not rows:
        raise Refused("import-empty")
    return rows


def _decode(data: bytes) -> str:
    """UTF-16 by its BOM, else UTF-8 (with or without BOM), else GBK/GB18030 (Chinese Excel)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: Sequence[str] = ("utf-16",)
    else:
        encodings = ENCODINGS
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Refused("import-bad-encoding")


def _read_csv(filename: str, data: bytes) -> list[list[str]]:
    """The delimiter (comma, semicolon, tab, bar) is sniffed from the start of the file."""
    text = _decode(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:SNIFF_CHARS], delimiters=CSV_DELIMITERS
        )
    except csv.Error:
        dialect = csv.excel
    try:
        return _limited(_trimmed(row) for row in csv.reader(io.StringIO(text), dialect))
    except csv.Error:
        raise Refused("import-bad-file", name=filename) from None


def _read_xlsx(filename: str, data: bytes) -> list[list[str]]:
    """The first sheet, read streaming; Excel numbers and dates become the text a rep typed."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Refused("import-bad-file", name=filename) from None
    try:
        sheet = book.worksheets[0]
        cells = sheet.iter_rows(values_only=True)
        return _limited(_trimmed([_cell_text(v) for v in row]) for row in cells)
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    """13812345678.0 -> '13812345678', a date cell -> '1985-03-14', None -> ''."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _trimmed(row: Sequence[str]) -> list[str]:
    """Cells stripped; trailing empty cells dropped, so a blank row is []."""
    cells = [cell.strip() for cell in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _limited(rows: Iterable[list[str]]) -> list[list[str]]:
    """Stop reading as soon as the file has more data rows than one import may hold."""
    kept: list[list[str]] = []
    filled = 0
    for row in rows:
        kept.append(row)
        filled += bool(row)
        if filled > IMPORT_MAX_ROWS + 1:
            raise Refused("import-too-many-rows", max=IMPORT_MAX_ROWS)
    return kept


def _header_key(text: str) -> str:
    """'手机号码(必填)', '* E-mail ' and 'Full_Name' compare as 手机号码, email, fullname."""
    return HEADER_NOISE_RE.sub("", unicodedata.normalize("NFKC", text).casefold())


_HEADERS: dict[str, Column] = {
    _header_key(word): column
    for column, words in HEADER_WORDS.items()
    for word in (column.value, *words)
}


def map_headers(headers: Sequence[str]) -> ColumnMap:
    """Columns by header name (zh or en synonyms); a name or company column is required."""
    found: dict[Column, list[int]] = {}
    ignored: list[str] = []
    for index, header in enumerate(headers):
        column = _HEADERS.get(_header_key(header))
        if column is not None:
            found.setdefault(column, []).append(index)
        elif header.strip():
            ignored.append(header.strip())
    if Column.NAME not in found and Column.COMPANY not in found:
        raise Refused("import-no-name-column")
    return ColumnMap({c: tuple(i) for c, i in found.items()}, tuple(ignored))


def parse_rows(
    rows: Sequence[Sequence[str]], region: str, today: date, default_method: Method,
    existing: Iterable[Candidate] = (),
) -> ImportPlan:
    """Header row first, then every row checked like a card typed by hand; duplicates marked."""
    start = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if start is None:
        raise Refused("import-empty")
    columns = map_headers(rows[start])
    valid: list[ImportRow] = []
    rejected: list[RowError] = []
    for index in range(start + 1, len(rows)):
        if not any(cell.strip() for cell in rows[index]):
            continue
        try:
            draft = _row_draft(rows[index], columns, region, today, default_method)
        except Refused as refusal:
            rejected.append(RowError(index + 1, refusal.code, refusal.args_for_text))
        else:
            valid.append(ImportRow(index + 1, draft))
    in_file = _duplicates_in_file(valid)
    against = _duplicates_existing(valid, existing)
    return ImportPlan(columns, tuple(valid), tuple(rejected), in_file, against)


class _Cells:
    """One row read through the column map."""

    def __init__(self, row: Sequence[str], columns: ColumnMap) -> None:
        self.row = row
        self.columns = columns.columns

    def get(self, column: Column) -> str | None:
        """The first non-empty cell of that field's columns, or None."""
        for index in self.columns.get(column, ()):
            if index < len(self.row) and self.row[index].strip():
                return self.row[index].strip()
        return None


def _row_draft(
    row: Sequence[str], columns: ColumnMap, region: str, today: date, default_method: Method
) -> ProspectDraft:
    """A card from one row: a name makes a person, a company alone an organisation."""
    cells = _Cells(row, columns)
    name, company = cells.get(Column.NAME), cells.get(Column.COMPANY)
    if name is None and company is None:
        raise Refused("import-row-no-name")
    phone = cells.get(Column.PHONE)
    method, notes = _row_method(cells, default_method)
    draft = ProspectDraft(
        kind=Kind.INDIVIDUAL if name else Kind.ORGANISATION,
        name=name or company or "",
        method=method,
        company=company if name else None,
        phone=PHONE_SPLIT_RE.split(phone)[0] if phone else None,
        wechat=cells.get(Column.WECHAT),
        email=cells.get(Column.EMAIL),
        address=cells.get(Column.ADDRESS),
        birthday=_row_birthday(cells, today),
        contact_time=_optional(cells.get(Column.CONTACT_TIME), parse_contact_time),
        needs=cells.get(Column.NEEDS),
        tags=_optional(cells.get(Column.TAGS), parse_tags) or (),
        notes=notes,
        salutation=cells.get(Column.SALUTATION),
        greeting_language=_optional(cells.get(Column.GREETING_LANGUAGE),
                                    parse_greeting_language),
        greeting_channel=_optional(cells.get(Column.GREETING_CHANNEL), parse_greeting_channel)
        or GreetingChannel.POSTAL,
        greetings_opt_out=bool(_optional(cells.get(Column.GREETINGS_OPT_OUT), parse_flag)),
    )
    return check_draft(draft, region, today)


def _optional(text: str | None, parse: Callable[[str], ParsedT]) -> ParsedT | None:
    """Parse a cell only when it has something in it."""
    return parse(text) if text else None


def _row_birthday(cells: _Cells, today: date) -> Birthday | None:
    """A solar birthday column, else a lunar one (农历生日)."""
    solar = cells.get(Column.BIRTHDAY)
    if solar:
        return parse_birthday(solar, today)
    lunar = cells.get(Column.LUNAR_BIRTHDAY)
    return parse_birthday(lunar, today, lunar=True) if lunar else None


def _row_method(cells: _Cells, default: Method) -> tuple[Method, str | None]:
    """The source column names a method; unknown sources keep their text in the notes."""
    source, notes = cells.get(Column.SOURCE), cells.get(Column.NOTES)
    if source is None:
        return default, notes
    method = find_method(source)
    if method is not None:
        return method, notes
    return default, "\n".join(part for part in (notes, source) if part)


def _duplicates_in_file(valid: Sequence[ImportRow]) -> tuple[ImportDuplicate, ...]:
    """Rows that repeat an earlier row of the same file (the match's id is that row)."""
    index = DuplicateIndex(_candidate(r) for r in valid)
    matches = index.find_many([r.draft for r in valid])
    found = (
        ImportDuplicate(r.row, tuple(m for m in ms if m.candidate.id < r.row))
        for r, ms in zip(valid, matches, strict=True)
    )
    return tuple(d for d in found if d.matches)


def _duplicates_existing(
    valid: Sequence[ImportRow], existing: Iterable[Candidate]
) -> tuple[ImportDuplicate, ...]:
    """Rows that look like prospects the team already has, whoever owns them."""
    matches = DuplicateIndex(existing).find_many([r.draft for r in valid])
    found = (ImportDuplicate(r.row, tuple(ms)) for r, ms in zip(valid, matches, strict=True))
    return tuple(d for d in found if d.matches)


def _candidate(row: ImportRow) -> Candidate:
    """A file row seen as a candidate, identified by its row number."""
    card = row.draft
    return Candidate(row.row, card.name, card.company, card.phone, "", None, card.wechat,
                     card.email)


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: created, skipped as duplicates, rejected with row and reason."""

    created: int
    skipped: tuple[int, ...]
    rejected: tuple[RowError, ...]


Progress = Callable[[int, int], Awaitable[None]]
PROGRESS_EVERY = 200


async def plan_import(uow: ProspectsUow, actor: User, filename: str, data: bytes, today: date,
                      default_method: Method = Method.EXHIBITION) -> ImportPlan:
    """Read and check a whole file against the team's prospects; nothing is written."""
    region = await prospecting.region_of(uow, actor)
    rows = read_table(filename, data)
    existing = await uow.prospects.candidates(actor.team_id or 0)
    # rapidfuzz over thousands of rows takes seconds: keep the event loop free meanwhile
    return await asyncio.to_thread(parse_rows, rows, region, today, default_method, existing)


async def run_import(uow: ProspectsUow, actor: User, plan: ImportPlan, now: datetime,
                     owner_id: int | None = None, progress: Progress | None = None
                     ) -> ImportReport:
    """Create every ready row in one transaction: all or nothing."""
    ready = plan.ready()
    team_id = actor.team_id or 0
    for done, item in enumerate(ready, start=1):
        prospect = await uow.prospects.add(team_id, owner_id or actor.id, actor.id, item.draft,
                                           now)
        await uow.prospects.add_event(ProspectEvent(prospect.id, now, actor.id, "created",
                                                    "import", None, str(item.row)))
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(ready)):
            await progress(done, len(ready))
    await uow.audit.add(AuditEntry(now, actor.id, "prospect.import", "team", team_id,
                                   {"created": len(ready), "rejected": len(plan.rejected)}))
    await uow.commit()
    skipped = tuple(sorted({r.row for r in plan.valid} - {r.row for r in ready}))
    return ImportReport(len(ready), skipped, plan.rejected)
