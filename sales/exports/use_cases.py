"""Export: managers (and the server shell) get the whole team, a rep only their own data."""

from __future__ import annotations

from sales.exports.model import Export
from sales.exports.ports import ExportsUow
from sales.kernel.errors import Refused
from sales.people import rules as people
from sales.people.model import Role, User


def _whole_team(actor: User | None, team_id: int) -> bool:
    """Leaders see the team; a rep of the team sees their own; anyone else nothing."""
    if people.can_lead(actor, team_id):
        return True
    if actor is not None and actor.role is Role.REP and actor.team_id == team_id:
        return False
    raise Refused("export-not-allowed")


async def gather(uow: ExportsUow, actor: User | None, team_id: int | None) -> Export:
    """Every row in scope, read in one transaction (a fixed number of queries)."""
    if team_id is None:
        raise Refused("export-no-team")
    team = await uow.teams.get(team_id)
    if team is None:
        raise Refused("export-no-team")
    whole = _whole_team(actor, team_id)
    owner = None if whole or actor is None else actor.id
    everyone = await uow.prospects.of_team(team_id)
    mine = everyone if owner is None else await uow.prospects.of_team(team_id, owner)
    ids = {p.id for p in mine}
    links = [link for link in await uow.referrals.links(team_id) if link.prospect_id in ids]
    rewards = await uow.referrals.rewards(team_id, owner)
    named = {s.contact_id for s in [*(x.source for x in links), *(r.source for r in rewards)]}
    return Export(
        team=team, whole_team=whole, prospects=tuple(mine),
        visits=tuple(await uow.exports.visits(team_id, owner)),
        cards=tuple(await uow.exports.cards(team_id, owner)),
        links=tuple(links), rewards=tuple(rewards),
        people={m.user.id: m.user.display_name for m in await uow.users.members(team_id)},
        names={p.id: p.card.name for p in everyone},
        contacts={c.id: c.name for c in await uow.referrals.contacts(team_id)
                  if c.id in named},
    )
