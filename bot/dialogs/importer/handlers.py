"""Import steps: the file is read twice (preview, then import) rather than kept in dialog state."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import Data, DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import ctx, today_of
from bot.dialogs.importer.states import (
    FETCH_KEY,
    FILE_ID,
    FILE_NAME,
    FILE_SIZE,
    PROGRESS,
    REPORT,
    SUMMARY,
    ImportSG,
)
from bot.i18n import Translator
from bot.refusals import refusals, refusals_on
from sales.kernel.errors import Refused
from sales.prospects import importing

PREVIEW_ROWS = 5
REJECTED_SHOWN = 15


async def _plan(manager: DialogManager) -> importing.ImportPlan:
    """Download and check the file sent to the bot."""
    c = ctx(manager)
    start: dict[str, Any] = manager.start_data if isinstance(manager.start_data, dict) else {}
    if int(start.get(FILE_SIZE) or 0) > importing.IMPORT_MAX_MB * 1024 * 1024:
        raise Refused("import-too-big", max=importing.IMPORT_MAX_MB)
    data = await c.data[FETCH_KEY](c.data["bot"], start[FILE_ID])
    return await importing.plan_import(c.uow, c.me(), start.get(FILE_NAME) or "", data,
                                       await today_of(manager))


@refusals
async def on_start(_data: Data, manager: DialogManager) -> None:
    """Preview: what would be created, skipped and rejected, before anything is written."""
    plan = await _plan(manager)
    t = ctx(manager).t
    ready = plan.ready()
    manager.dialog_data[SUMMARY] = {
        "valid": len(plan.valid), "ready": len(ready), "rejected": len(plan.rejected),
        "duplicates": len(plan.valid) - len(ready),
        "preview": [_row_line(r) for r in ready[:PREVIEW_ROWS]],
        "rejected_lines": rejected_lines(t, plan.rejected),
    }


def _row_line(row: importing.ImportRow) -> str:
    d = row.draft
    return " · ".join(str(x) for x in (row.row, d.name, d.company, d.phone) if x)


def rejected_lines(t: Translator, rejected: tuple[importing.RowError, ...]) -> list[str]:
    """'row 7: not a valid phone number …' for the first few refused rows."""
    return [t.raw("import-row-line", row=e.row, reason=t.raw(e.code, **e.args))
            for e in rejected[:REJECTED_SHOWN]]


@refusals_on(ImportSG.preview)
async def on_confirm(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Import everything in one transaction, redrawing a progress line; refused: the preview."""
    c = ctx(manager)
    await manager.switch_to(ImportSG.running)

    async def progress(done: int, total: int) -> None:
        manager.dialog_data[PROGRESS] = f"{done}/{total}"
        await manager.show()

    plan = await _plan(manager)
    report = await importing.run_import(c.uow, c.me(), plan, c.now(), progress=progress)
    manager.dialog_data[REPORT] = {
        "created": report.created, "skipped": list(report.skipped),
        "rejected_lines": rejected_lines(c.t, report.rejected),
    }
    await manager.switch_to(ImportSG.done)
