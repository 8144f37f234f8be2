"""Pure outbox rules: backoff, when to give up, stuck cutoff, button storage, error trimming."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sales.outbox.model import COPY_TEXT_MAX, Button
from sales.outbox.rules import (
    BACKOFF_CAP,
    ERROR_MAX,
    MAX_ATTEMPTS,
    STUCK_AFTER,
    backoff,
    buttons_from_json,
    buttons_to_json,
    next_attempt,
    short_error,
    stuck_cutoff,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("attempts", "wait"), [
    (0, timedelta(0)),
    (1, timedelta(seconds=30)),
    (2, timedelta(minutes=1)),
    (3, timedelta(minutes=2)),
    (4, timedelta(minutes=4)),
    (7, timedelta(minutes=32)),
    (8, timedelta(hours=1)),
    (50, BACKOFF_CAP),
])
def test_backoff_doubles_up_to_a_cap(attempts: int, wait: timedelta) -> None:
    assert backoff(attempts) == wait


@pytest.mark.parametrize(("attempts", "expected"), [
    (1, NOW + timedelta(seconds=30)),
    (2, NOW + timedelta(minutes=1)),
    (MAX_ATTEMPTS - 1, NOW + backoff(MAX_ATTEMPTS - 1)),
    (MAX_ATTEMPTS, None),
    (MAX_ATTEMPTS + 3, None),
])
def test_next_attempt_until_attempts_run_out(attempts: int, expected: datetime | None) -> None:
    assert next_attempt(attempts, NOW) == expected


def test_retries_ride_out_about_an_hour_of_outage() -> None:
    total = sum((backoff(n) for n in range(1, MAX_ATTEMPTS)), timedelta())
    assert timedelta(minutes=45) <= total <= timedelta(hours=3)


def test_stuck_cutoff() -> None:
    assert stuck_cutoff(NOW) == NOW - STUCK_AFTER
    assert timedelta(minutes=5) <= STUCK_AFTER  # far beyond one batch's duration


@pytest.mark.parametrize(("buttons", "stored"), [
    ((), None),
    (((Button("Done", callback_data="fu:1"),),), [[{"text": "Done", "callback_data": "fu:1"}]]),
    (((Button("A", callback_data="a"), Button("Map", url="https://m.x")), (Button("B", "b"),)),
     [[{"text": "A", "callback_data": "a"}, {"text": "Map", "url": "https://m.x"}],
      [{"text": "B", "callback_data": "b"}]]),
    (((Button("Copy", copy_text="王总，新年快乐"), Button("Sent", callback_data="g:1")),),
     [[{"text": "Copy", "copy_text": "王总，新年快乐"}, {"text": "Sent", "callback_data": "g:1"}]]),
])
def test_buttons_round_trip(buttons: tuple[tuple[Button, ...], ...],
                            stored: list[list[dict[str, str]]] | None) -> None:
    assert buttons_to_json(buttons) == stored
    assert buttons_from_json(stored) == buttons


@pytest.mark.parametrize(("callback_data", "url", "copy"), [
    (None, None, None), ("a", "https://x.y", None), ("a", None, "text"),
    (None, "https://x.y", "text"), ("a", "https://x.y", "text"),
])
def test_a_button_has_exactly_one_action(callback_data: str | None, url: str | None,
                                         copy: str | None) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Button("X", callback_data, url, copy)


@pytest.mark.parametrize(("copy", "ok"), [
    ("x", True), ("字" * COPY_TEXT_MAX, True), ("字" * (COPY_TEXT_MAX + 1), False), ("", False),
])
def test_copy_text_fits_telegrams_limit(copy: str, ok: bool) -> None:
    if ok:
        assert Button("Copy", copy_text=copy).copy_text == copy
    else:
        with pytest.raises(ValueError, match="copy_text"):
            Button("Copy", copy_text=copy)


@pytest.mark.parametrize(("error", "length"), [
    ("short", 5), ("x" * ERROR_MAX, ERROR_MAX), ("x" * (ERROR_MAX * 3), ERROR_MAX),
])
def test_short_error(error: str, length: int) -> None:
    trimmed = short_error(error)
    assert len(trimmed) == length and trimmed[:3] == error[:3]
