"""Benchmarks of the hot paths a big team hits: fuzzy search and an import's duplicate check.

Run with `make bench`. Prints wall time per operation; targets are in docs/BENCHMARKS.md.
Not a test: timings depend on the machine, so nothing here asserts.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date

from sales.prospects.importing import parse_rows
from sales.prospects.matching import Candidate, search
from sales.prospects.model import Method

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def team(size: int, seed: int = 7) -> list[Candidate]:
    """A team's prospects: Chinese and Latin names, companies and mobile numbers."""
    rnd = random.Random(seed)
    people = []
    for i in range(size):
        name = rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.choice((1, 2))))
        if i % 4 == 0:
            name = f"{rnd.choice(['Anna', 'Ben', 'Chris', 'Dana'])} {rnd.choice(['Li', 'Wu'])}{i}"
        people.append(Candidate(i, name, f"公司{i % 300}", f"+86138{i:08d}", "Rep"))
    return people


def timed(label: str, runs: int, action: Callable[[], object]) -> None:
    start = time.perf_counter()
    for _ in range(runs):
        action()
    per = (time.perf_counter() - start) / runs
    print(f"{label:<48} {per * 1000:9.1f} ms")


def main() -> None:
    """Search latency (typed text) and import checking at realistic team sizes."""
    for size in (1_000, 10_000):
        people = team(size)
        search("warm-up", people)
        timed(f"search 'zhang wei' in {size} prospects", 5, lambda p=people: search("zhang wei", p))
        timed(f"search '张伟' in {size} prospects", 5, lambda p=people: search("张伟", p))
        timed(f"search phone digits in {size} prospects", 5, lambda p=people: search("5678", p))
    rows = [["姓名", "公司", "电话"]] + [
        [c.name, c.company or "", f"139{c.id:08d}"] for c in team(2_000, seed=11)]
    existing = team(10_000)
    timed("import check: 2000 rows against 10000 prospects", 1,
          lambda: parse_rows(rows, "CN", date(2026, 11, 23), Method.EXHIBITION, existing))


if __name__ == "__main__":
    main()
