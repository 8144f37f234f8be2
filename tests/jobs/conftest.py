"""Job tests take `engine` (SQLite and PostgreSQL) from tests/conftest.py."""

from __future__ import annotations

import pytest

from sales.uow import UowFactory


@pytest.fixture
def uows(uow_factory: UowFactory) -> UowFactory:
    """The shorter name the job tests use."""
    return uow_factory
