"""The prospect card: what one prospect looks like with its contacts and next step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sales.greetings.model import GreetingCard
from sales.greetings.ports import GreetingsUow
from sales.people.model import User
from sales.prospects import man
from sales.prospects.events import ProspectEvent
from sales.prospects.model import Prospect
from sales.prospects.use_cases import visible
from sales.visits.model import FollowUp, Visit
from sales.visits.ports import VisitsUow


class CardsUow(VisitsUow, GreetingsUow, Protocol):
    """What the card reads: the prospect, its visits and its greeting history."""


@dataclass(frozen=True, slots=True)
class Card:
    """Everything the prospect card shows, already scope-checked."""

    prospect: Prospect
    owner_name: str
    referrer_name: str | None
    verdict: man.ManVerdict
    history: list[ProspectEvent]
    mine: bool
    next_step: FollowUp | None = None
    contacts: tuple[Visit, ...] = ()
    greetings: tuple[GreetingCard, ...] = ()  # newest occasion first (method.md §5)

    @property
    def last_quote(self) -> Visit | None:
        """'What price did we quote last time?' (method.md §7)."""
        return next((v for v in self.contacts if v.draft.amount is not None), None)


async def load_card(uow: CardsUow, actor: User, prospect_id: int) -> Card:
    """The full card with owner, referrer, MAN verdict, history and greetings sent."""
    prospect = await visible(uow, actor, prospect_id)
    owner = await uow.users.get(prospect.owner_id)
    ref_id = prospect.card.referred_by_id
    referrer = await uow.prospects.get(ref_id) if ref_id is not None else None
    return Card(prospect, owner.display_name if owner else "?",
                referrer.card.name if referrer else prospect.card.referred_by_name,
                man.verdict(prospect.card.man), await uow.prospects.events(prospect.id),
                prospect.owner_id == actor.id, await uow.follow_ups.open_of(prospect.id),
                tuple(await uow.visits.of_prospect(prospect.id)),
                tuple(await uow.greetings.of_prospect(prospect.id)))
