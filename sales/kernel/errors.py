"""Domain refusals. Each code is also the Fluent key the bot shows, so no mapping table drifts."""

from __future__ import annotations


class Refused(Exception):
    """A use case declined: bad input, missing right, or a state that forbids it."""

    def __init__(self, code: str, **args: object) -> None:
        super().__init__(code)
        self.code = code
        self.args_for_text: dict[str, object] = dict(args)
