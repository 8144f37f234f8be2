"""The digest's numbers from seeded facts, on SQLite and PostgreSQL, in a fixed number of SQL
statements whatever the team's size."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from sales.digests import use_cases as digests
from sales.digests.model import AttentionKind, DigestSettings, ReferralDay
from sales.prospects.model import OPEN_STAGES, Stage
from sales.uow import UowFactory
from tests.digest_seed import DAY, DIGEST_AT, seed


@contextmanager
def counting(engine: AsyncEngine) -> Iterator[list[str]]:
    """Every SQL statement sent to the database inside the block."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def test_every_number_matches_the_seeded_facts(uow_factory: UowFactory) -> None:
    s = await seed(uow_factory, reps=6)
    exp = s.expected
    async with uow_factory() as uow:
        d = await digests.build(uow, s.team, DAY, DIGEST_AT)
    assert [r.rep_id for r in d.reps] == [u.id for u in s.reps]  # the manager did nothing
    for rep in s.reps:
        line = digests.rep_line(d, rep.id)
        assert line is not None
        assert line.new_prospects == exp.new[rep.id]
        assert dict(line.new_by_method) == dict(exp.by_method[rep.id])
        assert line.target == 5
        assert (line.visits, line.contacts) == (exp.visits[rep.id], exp.contacts[rep.id])
        assert line.follow_ups_done == exp.done[rep.id]
        assert line.follow_ups_overdue == exp.overdue[rep.id]
        assert line.stale == exp.stale[rep.id]
        assert (line.cards_due, line.cards_sent) == (exp.cards_due[rep.id],
                                                     exp.cards_sent[rep.id])
        assert line.referrals == exp.referrals.get(rep.id, ReferralDay())
    total = d.totals
    assert total.new_prospects == sum(exp.new.values()) and total.target == 5 * 6
    assert total.contacts == sum(exp.contacts.values())
    assert dict(d.funnel) == {stage: exp.stages[stage] for stage in Stage}
    assert d.conversions == exp.won == 1
    kinds = Counter(a.kind for a in d.attention)
    assert {a.name for a in d.attention if a.kind is AttentionKind.OVERDUE} == exp.long_overdue
    assert {a.who for a in d.attention if a.kind is AttentionKind.IDLE} == exp.idle
    assert {a.name for a in d.attention if a.kind is AttentionKind.BIG_QUOTE} == exp.big_quotes
    assert {a.count for a in d.attention if a.kind is AttentionKind.UNANSWERED} == {1}
    assert [(a.who, a.count) for a in d.attention if a.kind is AttentionKind.REWARD] == [
        (s.reps[0].display_name, 1)]
    assert kinds[AttentionKind.UNANSWERED] == sum(1 for n in exp.unanswered.values() if n)
    assert d.top and all(p.stage in OPEN_STAGES for p in d.top)
    assert [p.score for p in d.top] == sorted((p.score for p in d.top), reverse=True)


async def test_a_rep_sees_only_their_own_line(uow_factory: UowFactory) -> None:
    s = await seed(uow_factory, reps=3)
    rep = s.reps[1]
    async with uow_factory() as uow:
        d = await digests.for_actor(uow, rep, s.team, DAY, DIGEST_AT)
    assert d.scope == "rep" and [r.rep_id for r in d.reps] == [rep.id]
    owned = s.expected
    assert d.reps[0].stale == owned.stale[rep.id]
    assert all(p.owner == rep.display_name for p in d.top)


async def test_the_stale_threshold_is_a_team_setting(uow_factory: UowFactory) -> None:
    s = await seed(uow_factory, reps=4)
    async with uow_factory() as uow:
        await digests.save_settings(uow, s.manager, DigestSettings(s.team.id, stale_days=30),
                                    DIGEST_AT)
        d = await digests.build(uow, s.team, DAY, DIGEST_AT)
        loaded = await digests.settings_of(uow, s.team.id)
    assert loaded == DigestSettings(s.team.id, stale_days=30, big_quote=Decimal("100000"))
    assert d.totals.stale == 0  # the stale ones were last contacted 20 days ago


async def test_statement_count_does_not_grow_with_the_team(engine: AsyncEngine,
                                                           uow_factory: UowFactory) -> None:
    small = await seed(uow_factory, reps=2, name="Small", tg_base=2000)
    big = await seed(uow_factory, reps=20, name="Big", tg_base=3000)
    counts = []
    for s in (small, big):
        async with uow_factory() as uow:
            with counting(engine) as seen:
                d = await digests.build(uow, s.team, DAY, DIGEST_AT)
            assert len(d.reps) == len(s.reps)
        counts.append(len(seen))
    assert counts[0] == counts[1] <= 20, counts  # members, settings, 14 counts, prospects


async def test_a_past_day_counts_that_day(uow_factory: UowFactory) -> None:
    s = await seed(uow_factory, reps=2)
    async with uow_factory() as uow:
        d = await digests.build(uow, s.team, date(2026, 11, 22), DIGEST_AT)
    assert d.totals.new_prospects == 2  # each rep's "昨日" card, added at 23:30 local
    assert d.totals.visits == 2 and d.totals.cards_sent == 0
