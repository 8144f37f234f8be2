"""What an export holds: a team's (or one rep's) prospects, visits, greeting cards, referrals
and rewards, with the names their ids stand for. Formats are the bot's business."""

from __future__ import annotations

from dataclasses import dataclass, field

from sales.greetings.model import GreetingCard
from sales.people.model import Team
from sales.prospects.model import Prospect
from sales.referrals.model import Link, Reward
from sales.visits.model import Visit


@dataclass(frozen=True, slots=True)
class Export:
    """Everything in scope: the whole team (managers, the shell) or one rep's own data."""

    team: Team
    whole_team: bool
    prospects: tuple[Prospect, ...]
    visits: tuple[Visit, ...]
    cards: tuple[GreetingCard, ...]
    links: tuple[Link, ...]
    rewards: tuple[Reward, ...]
    people: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    contacts: dict[int, str] = field(default_factory=dict)
