"""Storage tests take `engine` and `uow_factory` (SQLite and PostgreSQL) from tests/conftest.py."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest


@pytest.fixture
def now() -> datetime:
    """A fixed, timezone-aware 'now' (tests never read the wall clock)."""
    return datetime(2026, 3, 2, 9, 15, 30, 123456, tzinfo=UTC)
