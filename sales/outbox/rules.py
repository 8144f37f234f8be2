"""Pure outbox rules: retry backoff, stuck detection, button (de)serialisation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sales.outbox.model import Button, Buttons

MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
STUCK_AFTER = timedelta(minutes=10)
KEEP_FINISHED = timedelta(days=30)  # then sent/failed rows go; scanners never look that far back
ERROR_MAX = 500


def backoff(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failure: 30 s doubling, capped at an hour."""
    if attempts < 1:
        return timedelta(0)
    return min(BACKOFF_BASE * (1 << min(attempts - 1, 20)), BACKOFF_CAP)


def next_attempt(attempts: int, now: datetime) -> datetime | None:
    """When to try again after `attempts` failures, or None once they are used up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return now + backoff(attempts)


def stuck_cutoff(now: datetime) -> datetime:
    """Rows claimed before this and still `sending` were lost to a crash."""
    return now - STUCK_AFTER


def short_error(error: str) -> str:
    """Errors are stored for people to read, not whole response bodies."""
    return error if len(error) <= ERROR_MAX else error[: ERROR_MAX - 1] + "…"


def buttons_to_json(buttons: Buttons) -> list[list[dict[str, str]]] | None:
    """Rows of `{text, callback_data}` / `{text, url}` / `{text, copy_text}` for the JSON
    column; None when empty."""
    if not buttons:
        return None
    return [[_button_json(button) for button in row] for row in buttons]


def _button_json(button: Button) -> dict[str, str]:
    """One button as stored."""
    if button.url is not None:
        return {"text": button.text, "url": button.url}
    if button.copy_text is not None:
        return {"text": button.text, "copy_text": button.copy_text}
    return {"text": button.text, "callback_data": str(button.callback_data)}


def buttons_from_json(data: Sequence[Sequence[dict[str, Any]]] | None) -> Buttons:
    """The stored JSON back into buttons."""
    return tuple(
        tuple(Button(b["text"], b.get("callback_data"), b.get("url"), b.get("copy_text"))
              for b in row)
        for row in data or ()
    )
