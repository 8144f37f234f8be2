"""Benchmark: `xunke demo-data` fills a fresh SQLite database with 100,000 prospects.

Run with `make bench` (or `python -m bench.demo_data [prospects]`). Prints and appends JSON lines
`{"name", "value", "unit", "target", "ok"}` to bench/results.json: wall-clock and CPU seconds
(on a busy machine the wall clock waits for other processes; CPU time says what the generator
costs). Not a test: timings depend on the machine, so nothing here asserts.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.demo.data import DemoSize, DemoSummary, fill
from storage.db import create_engine, session_factory
from storage.migrate import upgrade
from storage.uow import uow_factory

RESULTS = Path(__file__).with_name("results.json")
TARGET_S = 60.0  # issue 14: "100,000 prospects in under a minute"
# Fixed, and the postal reminder day of Spring Festival: many greeting cards get planned too.
NOW = datetime(2027, 1, 30, 2, 0, tzinfo=UTC)


async def generate(folder: Path, prospects: int) -> tuple[DemoSummary, float, float]:
    """Migrate a new database, then time the generator alone: (summary, wall s, CPU s)."""
    engine = create_engine(f"sqlite+aiosqlite:///{folder}/bench.db")
    try:
        await upgrade(engine)
        wall, cpu = time.perf_counter(), time.process_time()
        summary = await fill(uow_factory(session_factory(engine)),
                             DemoSize(teams=5, reps=8, prospects=prospects, seed=1), NOW)
        return summary, time.perf_counter() - wall, time.process_time() - cpu
    finally:
        await engine.dispose()


def main() -> None:
    """One run at the issue's size (or the size given), reported as JSON lines."""
    prospects = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory(prefix="xunke-bench-") as folder:
        summary, wall, cpu = asyncio.run(generate(Path(folder), prospects))
    label = f"demo-data {prospects} prospects, SQLite"
    lines = [{"name": f"{label}, wall", "value": round(wall, 1), "unit": "s",
              "target": TARGET_S, "ok": wall < TARGET_S},
             {"name": f"{label}, CPU", "value": round(cpu, 1), "unit": "s",
              "target": TARGET_S, "ok": cpu < TARGET_S}]
    with RESULTS.open("a", encoding="utf-8") as out:
        for line in lines:
            print(json.dumps(line, ensure_ascii=False))
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"# {summary}", file=sys.stderr)


if __name__ == "__main__":
    main()
