"""One line of a card's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
