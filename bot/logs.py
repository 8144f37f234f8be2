"""Logging set-up: one line per record, secrets (the bot token above all) never written."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

REDACTED = "<redacted>"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks every secret, tracebacks included (URLs carry the token)."""

    def __init__(self, secrets: Iterable[str], fmt: str) -> None:
        super().__init__(fmt)
        self.secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    """Root logger to stderr with redaction; noisy libraries kept at WARNING."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(
        list(secrets), "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("aiosqlite", "sqlalchemy.engine", "apscheduler.executors.default", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def token_secrets(token: str) -> list[str]:
    """The token and its secret half (after the colon) are both redacted."""
    return [token, token.partition(":")[2]] if token else []
