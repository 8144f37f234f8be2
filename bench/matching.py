"""`make bench`: search, duplicate check, memory and the cost of a step, with the baselines
(the search before the index, a naive rapidfuzz extract, a bare echo handler) in the same run.

Writes bench/results.json (one JSON line per number: name, value, unit, target, ok) and prints
the same. PostgreSQL is measured too when XUNKE_TEST_PG_URL is set. Nothing here asserts:
timings depend on the machine and its load (docs/BENCHMARKS.md records a run).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import search, steps
from bench.results import RESULTS, Report

SIZES = (10_000, 100_000)
RUNS = int(os.environ.get("XUNKE_BENCH_RUNS", "200"))
MEMORY_TARGET_MB = 150.0


def memory(report: Report, url: str) -> None:
    """A fresh process searching the 100k team: what those prospects add to its RSS."""
    manager = 1000 * (SIZES.index(100_000) + 1)  # bench.search.fill's telegram ids
    out = subprocess.run([sys.executable, "-m", "bench.rss", url, str(manager)], check=True,
                         capture_output=True, text=True).stdout
    found = json.loads(out.strip().splitlines()[-1])
    report.add("process_rss_mb_before_index", found["before_mb"], "MB")
    report.add("process_rss_mb_100k", found["after_mb"], "MB")
    report.add("search_rss_mb_100k", found["after_mb"] - found["before_mb"], "MB",
               MEMORY_TARGET_MB)
    report.add("process_peak_rss_mb_100k", found["peak_mb"], "MB")


async def run(report: Report, folder: Path) -> None:
    url = await search.run_all(report, folder, SIZES, RUNS)
    memory(report, url)
    await steps.measure(report)


def main() -> None:
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run(report, Path(tmp)))
    report.write()
    print(f"{len(report.results)} results in {RESULTS}")


if __name__ == "__main__":
    main()
