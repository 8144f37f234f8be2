"""What an export gathers on SQLite and PostgreSQL: the whole team for managers and the shell,
only their own for a rep, nothing across teams."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sales.exports import use_cases as exports
from sales.people import use_cases as teams
from sales.people.model import User
from sales.prospects.model import Prospect
from sales.referrals.model import Link, RewardKind, Source, Terms
from sales.uow import UowFactory
from sales.visits.model import Channel, Outcome, VisitDraft
from tests.storage.test_pool import ADDED, NOW, TODAY, add, crew
from tests.storage.test_repos import refused, run


async def seeded(f: UowFactory) -> tuple[User, User, User, dict[str, Prospect]]:
    rep, mate, boss, team = await crew(f)
    found = {"mine": await add(f, rep, "Mine", TODAY),
             "theirs": await add(f, mate, "Theirs", TODAY),
             "friend": await add(f, rep, "Friend", TODAY)}
    async with f() as uow:
        for who, p in ((rep, found["mine"]), (mate, found["theirs"])):
            await uow.visits.add(who.id, team.id, VisitDraft(
                p.id, Channel.VISIT, TODAY, Outcome.QUOTED, Decimal("1200.50"), "CNY"), NOW)
        source = Source(prospect_id=found["mine"].id)
        await uow.referrals.link(team.id, Link(found["friend"].id, source, "同学"), rep.id, NOW)
        await uow.referrals.promise(team.id, found["friend"].id, source, rep.id,
                                    Terms(RewardKind.MONEY, Decimal(200), "CNY"), NOW)
        await uow.commit()
    return rep, mate, boss, found


async def test_managers_and_the_shell_get_the_whole_team(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, _mate, boss, found = await seeded(f)
    for actor in (boss, None):
        data = await run(f, exports.gather, actor, rep.team_id)
        assert data.whole_team
        assert {p.card.name for p in data.prospects} == {"Mine", "Theirs", "Friend"}
        assert len(data.visits) == 2 and len(data.links) == 1 and len(data.rewards) == 1
        assert data.names[found["mine"].id] == "Mine" and data.people[rep.id] == "U1"


async def test_a_rep_gets_only_their_own(uow_factory: UowFactory) -> None:
    f = uow_factory
    _rep, mate, _boss, _found = await seeded(f)
    data = await run(f, exports.gather, mate, mate.team_id)
    assert not data.whole_team
    assert [p.card.name for p in data.prospects] == ["Theirs"]
    assert [v.rep_id for v in data.visits] == [mate.id]
    assert data.links == () and data.rewards == ()


async def test_nothing_across_teams_or_without_one(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, *_ = await seeded(f)
    stranger, _m, south_boss, _t = await crew(f, "South", tg=50)
    assert await refused(f, exports.gather, stranger, rep.team_id) == "export-not-allowed"
    assert await refused(f, exports.gather, south_boss, rep.team_id) == "export-not-allowed"
    admin = await run(f, teams.ensure_admin, 900, "Ada", ADDED + timedelta(days=1))
    assert await refused(f, exports.gather, admin, None) == "export-no-team"
