"""Memory of a bot process serving search for a team: run as a child, prints one JSON line.

`python -m bench.rss <database url> <telegram id of a manager>`: imports what the bot imports,
measures RSS, builds the team's index through a search, runs the benchmark queries, measures
again; the difference is what the team's prospects cost the process.
"""

from __future__ import annotations

import asyncio
import json
import sys

import bot.app  # noqa: F401  (what a bot process has loaded anyway)
from bench.search import QUERIES
from sales.prospects import use_cases as prospecting
from sales.prospects.matching import name_keys
from storage.db import create_engine, session_factory
from storage.uow import uow_factory


def status_mb(field: str) -> float:
    """A VmRSS/VmHWM line of /proc/self/status, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(x for x in status if x.startswith(field + ":"))
    return int(line.split()[1]) / 1024


async def main(url: str, telegram_id: int) -> dict[str, float]:
    engine = create_engine(url)
    uows = uow_factory(session_factory(engine))
    async with uows() as uow:
        actor = await uow.users.by_telegram_id(telegram_id)
    assert actor is not None
    name_keys("张伟")  # pypinyin's dictionaries: loaded by the first Chinese query anyway
    before = status_mb("VmRSS")
    for query in QUERIES * 3:
        async with uows() as uow:
            await prospecting.find(uow, actor, query)
    after = status_mb("VmRSS")
    await engine.dispose()
    return {"before_mb": before, "after_mb": after, "peak_mb": status_mb("VmHWM")}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], int(sys.argv[2])))))
