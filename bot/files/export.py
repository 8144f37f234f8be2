"""An export as spreadsheets: one typed sheet each for prospects, visits, greeting cards,
referrals and rewards, headers in the reader's language, times in the team's zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.files.sheets import Cell, Column, Kind, Sheet, csv_bytes, xlsx_book
from bot.i18n import Translator, key
from sales.exports.model import Export
from sales.prospects import man
from sales.referrals.model import Source

XLSX, CSV = "xlsx", "csv"
T, INT, N, D, DT = Kind.TEXT, Kind.INT, Kind.NUMBER, Kind.DATE, Kind.DATETIME
FORMATS = (XLSX, CSV)


def _cols(t: Translator, sheet: str, spec: list[tuple[str, Kind]]) -> list[Column]:
    return [Column(t.raw(f"export-{sheet}-{name}"), kind) for name, kind in spec]


class _Rows:
    """Shared cell helpers: local naive times (Excel has no zones), names of ids."""

    def __init__(self, t: Translator, data: Export) -> None:
        self.t, self.data, self.zone = t, data, ZoneInfo(data.team.timezone)

    def at(self, moment: datetime | None) -> datetime | None:
        return moment.astimezone(self.zone).replace(tzinfo=None) if moment else None

    def person(self, user_id: int | None) -> str | None:
        return self.data.people.get(user_id) if user_id is not None else None

    def prospect(self, prospect_id: int | None) -> str | None:
        return self.data.names.get(prospect_id) if prospect_id is not None else None

    def source(self, source: Source) -> str | None:
        if source.prospect_id is not None:
            return self.prospect(source.prospect_id)
        return self.data.contacts.get(source.contact_id or 0)


def _prospects(r: _Rows) -> Sheet:
    cols = _cols(r.t, "prospects", [
        ("id", INT), ("name", T), ("company", T), ("contact", T), ("phone", T), ("wechat", T),
        ("email", T), ("address", T), ("method", T), ("stage", T), ("man", T), ("owner", T),
        ("pooled", DT), ("referred-by", T), ("tags", T), ("needs", T), ("notes", T),
        ("do-not-contact", T), ("created", DT), ("last-contact", D)])
    rows: list[list[Cell]] = []
    for p in r.data.prospects:
        c = p.card
        rows.append([
            p.id, c.name, c.company, c.contact, c.phone, c.wechat, c.email, c.address,
            r.t.raw(key("method", c.method.value)), r.t.raw(key("stage", c.stage.value)),
            man.code(c.man),
            r.person(p.owner_id), r.at(p.pooled_at),
            r.prospect(c.referred_by_id) or c.referred_by_name, ", ".join(c.tags) or None,
            c.needs, c.notes, r.t.raw("export-yes") if c.do_not_contact else None,
            r.at(p.created_at), p.last_contact_on])
    return Sheet(r.t.raw("export-sheet-prospects"), cols, rows)


def _visits(r: _Rows) -> Sheet:
    cols = _cols(r.t, "visits", [
        ("day", D), ("prospect", T), ("rep", T), ("channel", T), ("outcome", T),
        ("amount", N), ("currency", T), ("lost-reason", T), ("notes", T), ("recorded", DT)])
    rows: list[list[Cell]] = [[
        v.draft.happened_on, r.prospect(v.draft.prospect_id), r.person(v.rep_id),
        r.t.raw(key("visit-channel", v.draft.channel.value)),
        r.t.raw(key("visit-outcome", v.draft.outcome.value)), v.draft.amount,
        v.draft.currency,
        v.draft.lost_reason, v.draft.notes, r.at(v.created_at)] for v in r.data.visits]
    return Sheet(r.t.raw("export-sheet-visits"), cols, rows)


def _greetings(r: _Rows) -> Sheet:
    cols = _cols(r.t, "greetings", [
        ("day", D), ("occasion", T), ("prospect", T), ("owner", T), ("channel", T),
        ("status", T), ("remind-on", D), ("marked", DT), ("skip-reason", T), ("text", T)])
    rows: list[list[Cell]] = [[
        g.occasion_day, g.occasion_name, g.prospect_name, r.person(g.owner_id),
        g.channel.value, g.status.value, g.remind_on, r.at(g.marked_at), g.skip_reason,
        g.text] for g in r.data.cards]
    return Sheet(r.t.raw("export-sheet-greetings"), cols, rows)


def _referrals(r: _Rows) -> Sheet:
    cols = _cols(r.t, "referrals", [("prospect", T), ("source", T), ("how", T)])
    rows: list[list[Cell]] = [[r.prospect(link.prospect_id), r.source(link.source),
                               link.how_known] for link in r.data.links]
    return Sheet(r.t.raw("export-sheet-referrals"), cols, rows)


def _rewards(r: _Rows) -> Sheet:
    cols = _cols(r.t, "rewards", [
        ("prospect", T), ("source", T), ("rep", T), ("status", T), ("amount", N),
        ("currency", T), ("gift", T), ("promised", DT), ("due", D), ("settled", DT),
        ("how", T)])
    rows: list[list[Cell]] = [[
        w.prospect_name or r.prospect(w.prospect_id), w.source_name or r.source(w.source),
        r.person(w.rep_id), r.t.raw(key("referrals-status", w.status.value)),
        w.terms.amount,
        w.terms.currency, w.terms.gift, r.at(w.promised_at), w.due_on, r.at(w.settled_at),
        w.paid_how.value if w.paid_how else None] for w in r.data.rewards]
    return Sheet(r.t.raw("export-sheet-rewards"), cols, rows)


def sheets(t: Translator, data: Export) -> list[Sheet]:
    """The five sheets, in the reader's language."""
    rows = _Rows(t, data)
    return [_prospects(rows), _visits(rows), _greetings(rows), _referrals(rows),
            _rewards(rows)]


def files(t: Translator, data: Export, fmt: str, stem: str) -> list[tuple[str, bytes]]:
    """(file name, content): one workbook, or one CSV per sheet."""
    found = sheets(t, data)
    if fmt == XLSX:
        return [(f"{stem}.xlsx", xlsx_book(found))]
    names = ("prospects", "visits", "greetings", "referrals", "rewards")
    return [(f"{stem}-{name}.csv", csv_bytes(s)) for name, s in zip(names, found, strict=True)]
