"""One line of a card's history, and how a field's value is kept in it and read back."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime, time

from sales.prospects import man
from sales.prospects.man import Answer
from sales.prospects.model import Birthday, ContactWindow, Method, ProspectDraft, Stage


@dataclass(frozen=True, slots=True)
class ProspectEvent:
    """One line of a card's history: created, a field, the stage, MAN or the owner changed."""

    prospect_id: int
    at: datetime
    actor_id: int | None
    kind: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
    actor_name: str | None = None


FieldValue = str | bool | Answer | Stage | Method | Birthday | ContactWindow | tuple[str, ...]
ENUMS: dict[str, type[Answer] | type[Stage] | type[Method]] = {
    "stage": Stage, "method": Method, "decision_maker": Answer}
FLAGS = ("direct_mail", "do_not_contact")
_TIME_REPR = re.compile(r"time\((\d+), (\d+)")  # rows written before windows were kept as text


def stored(card: ProspectDraft, field: str) -> str | None:
    """A field as the history keeps it: plain text that `value_of` reads back."""
    if field == "man":
        return man.code(card.man)
    value = getattr(card, field)
    if value is None:
        return None
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, Birthday):
        return json.dumps(asdict(value))
    if isinstance(value, ContactWindow):
        return f"{value.start:%H:%M}-{value.end:%H:%M}"
    return str(value.value if hasattr(value, "value") else value)


def value_of(field: str | None, text: str | None) -> FieldValue | None:
    """A stored history value as the card's own type again; unreadable text stays text."""
    if text is None or field is None:
        return text
    try:
        return _typed(field, text)
    except (ValueError, SyntaxError, TypeError, KeyError):
        return text


def _typed(field: str, text: str) -> FieldValue:
    if field in ENUMS:
        return ENUMS[field](text)
    if field in FLAGS:
        return text == "True"
    if field == "birthday":
        data = json.loads(text) if text.startswith('{"') else ast.literal_eval(text)
        return Birthday(**data)
    if field == "contact_time":
        found = _TIME_REPR.findall(text) or re.findall(r"(\d{1,2}):(\d{2})", text)
        start, end = (time(int(h), int(m)) for h, m in found)
        return ContactWindow(start, end)
    return text
