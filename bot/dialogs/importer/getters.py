"""Read-only data for the import windows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.importer.states import FILE_NAME, PROGRESS, REPORT, SUMMARY


async def summary(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Counts and sample lines (user text: the translator escapes it)."""
    d = dialog_manager.dialog_data
    s = d.get(SUMMARY) or {}
    r = d.get(REPORT) or {}
    start = dialog_manager.start_data if isinstance(dialog_manager.start_data, dict) else {}
    return {
        "file": start.get(FILE_NAME) or "-", "ok": bool(s), "can_import": bool(s.get("ready")),
        "valid": s.get("valid", 0), "ready": s.get("ready", 0),
        "rejected": s.get("rejected", 0), "duplicates": s.get("duplicates", 0),
        "preview": "\n".join(s.get("preview", [])) or "-",
        "rejected_list": "\n".join(s.get("rejected_lines", []) or r.get("rejected_lines", []))
        or "-",
        "progress": d.get(PROGRESS, "0"),
        "created": r.get("created", 0),
        "skipped": ", ".join(str(x) for x in r.get("skipped", [])) or "-",
    }
