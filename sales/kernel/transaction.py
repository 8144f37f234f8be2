"""The transaction every feature's unit of work shares: repositories never commit, use cases do."""

from __future__ import annotations

from typing import Protocol


class Transaction(Protocol):
    """One database transaction, committed once by the use case after validation."""

    async def commit(self) -> None: ...
    async def rollback(self) -> None: ...
