"""Benchmark results as JSON lines `{"name","value","unit","target","ok"}` in bench/results.json."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS = Path(__file__).with_name("results.json")


@dataclass(frozen=True, slots=True)
class Result:
    """One measured number; `target` is an upper bound (None: for comparison only)."""

    name: str
    value: float
    unit: str
    target: float | None = None

    @property
    def ok(self) -> bool | None:
        """Met the target (None when there is none)."""
        return None if self.target is None else self.value <= self.target

    def line(self) -> str:
        return json.dumps({**asdict(self), "value": round(self.value, 3), "ok": self.ok},
                          ensure_ascii=False)


class Report:
    """Collects results, prints each as it comes and writes them all at the end."""

    def __init__(self) -> None:
        self.results: list[Result] = []

    def add(self, name: str, value: float, unit: str, target: float | None = None) -> None:
        result = Result(name, value, unit, target)
        self.results.append(result)
        mark = {True: "ok", False: "MISSED", None: ""}[result.ok]
        bound = f"<= {target}" if target is not None else ""
        print(f"{name:<40} {value:10.3f} {unit:<4} {bound:<10} {mark}", flush=True)

    def write(self, path: Path = RESULTS) -> None:
        path.write_text("".join(r.line() + "\n" for r in self.results), encoding="utf-8")


def p95(samples: list[float]) -> float:
    """95th percentile (inclusive method), in the samples' unit."""
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def timed_ms(action: Callable[[], object]) -> float:
    """Wall time of one call in milliseconds."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


async def atimed_ms(action: Callable[[], Awaitable[object]]) -> float:
    """Wall time of one awaited call in milliseconds."""
    start = time.perf_counter()
    await action()
    return (time.perf_counter() - start) * 1000
