"""Read-only data for search results and 'my prospects'."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx, tz_of
from bot.dialogs.find.states import CLASS, METHOD, QUERY, STAGE
from bot.i18n import key as i18n_key
from sales.kernel.errors import Refused
from sales.prospects import man
from sales.prospects import use_cases as prospecting
from sales.prospects.man import ManClass
from sales.prospects.matching import parse_quick_line
from sales.prospects.model import Method, Stage


async def results(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Best matches first, and a 'new prospect from this' offer when the text names someone."""
    c = ctx(dialog_manager)
    query = dialog_manager.dialog_data.get(QUERY, "")
    hits = await prospecting.find(c.uow, c.me(), query)
    try:
        region = await prospecting.region_of(c.uow, c.me())
        quick = parse_quick_line(query, region)
    except Refused:  # no team region or an unreadable line: no shortcut offered
        quick = None
    name = quick.name if quick and quick.name else ""
    return {
        "query": query, "count": len(hits),
        "hits": [(str(h.candidate.id), _hit_label(h.candidate.name, h.candidate.company,
                                                  h.candidate.phone)) for h in hits],
        "offer": bool(name), "offer_name": name,
        "offer_phone": quick.phone if quick and quick.phone else "",
    }


def _hit_label(name: str, company: str | None, phone: str | None) -> str:
    return " · ".join(part for part in (name, company, phone) if part)


async def mine(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Own prospects in 80:20 order with the active filters."""
    c = ctx(dialog_manager)
    data = dialog_manager.dialog_data
    stage = Stage(data[STAGE]) if data.get(STAGE) else None
    cls = ManClass(data[CLASS]) if data.get(CLASS) else None
    method = Method(data[METHOD]) if data.get(METHOD) else None
    found = await prospecting.my_list(c.uow, c.me(), c.now(), await tz_of(dialog_manager),
                                      stage=stage, cls=cls, method=method)
    rows = []
    for p in found:
        v = man.verdict(p.card.man)
        stage_name = c.t.raw(i18n_key("stage", p.card.stage.value))
        rows.append((str(p.id), f"{v.cls.value if v.cls else '?'} · {p.card.name} · {stage_name}"))
    every = c.t.raw("find-filter-all")
    return {
        "rows": rows, "count": len(rows),
        "stage_name": c.t.raw(i18n_key("stage", stage.value)) if stage else every,
        "class_name": cls.value if cls else every,
        "method_name": c.t.raw(i18n_key("method", method.value)) if method else every,
        "stages": [("", every)] + [(s.value, c.t.raw(i18n_key("stage", s.value))) for s in Stage],
        "classes": [("", every)] + [(k.value, k.value) for k in ManClass],
        "methods": [("", every)]
        + [(m.value, c.t.raw(i18n_key("method", m.value))) for m in Method],
    }
