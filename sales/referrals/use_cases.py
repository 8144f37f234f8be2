"""Referral use cases: ask for names, turn each into a linked prospect (duplicates linked, not
created twice), keep the reward promise until paid, and show chains, ledgers and yields."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from sales.kernel.clock import local_today
from sales.kernel.errors import Refused
from sales.outbox.model import OutMessage
from sales.people.model import AuditEntry, Role, User
from sales.people.rules import can_lead
from sales.prospects import use_cases as prospecting
from sales.prospects.events import ProspectEvent
from sales.prospects.matching import Match, MatchKind
from sales.prospects.model import Kind, Prospect, ProspectDraft, Stage, clean_name, parse_phone
from sales.referrals import rules
from sales.referrals.model import (
    Ask,
    AskAnswer,
    Chain,
    Introducer,
    Ledger,
    Link,
    NameGiven,
    Node,
    PaidHow,
    Policy,
    Report,
    Reward,
    RewardStatus,
    Script,
    Source,
    Trade,
)
from sales.referrals.ports import ReferralsUow

NUDGE_DAYS = 28  # customers won in the last four weeks and never asked
SHOWN = 10


@dataclass(frozen=True, slots=True)
class Asking:
    """What the ask screen needs: who, which script, and whether asking is fine now."""

    prospect: Prospect
    script: Script
    may_ask: bool


@dataclass(frozen=True, slots=True)
class Graph:
    """The team's referral graph: child key -> parent key, names, owners, wins and values."""

    parents: dict[str, str]
    names: dict[str, str]
    owners: dict[str, int]
    owner_names: dict[int, str]
    stages: dict[str, Stage]
    values: dict[str, tuple[str, Decimal]]


async def policy_of(uow: ReferralsUow, team_id: int) -> Policy:
    """The team's policy, or the default one (a gift, due in 3 days)."""
    return await uow.referrals.policy(team_id) or Policy()


async def asking(uow: ReferralsUow, actor: User, prospect_id: int, now: datetime) -> Asking:
    """The prospect to ask (scope-checked), its script, and whether a 'none' is still fresh."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    last = await uow.referrals.last_ask(prospect.id)
    policy = await policy_of(uow, prospect.team_id)
    return Asking(prospect, rules.script_for(prospect.card.stage),
                  rules.may_ask(last, now, policy))


async def answer(uow: ReferralsUow, actor: User, prospect_id: int, given: AskAnswer,
                 now: datetime) -> Ask:
    """Record the answer; 'later' comes back through the outbox after the policy's days."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    policy = await policy_of(uow, prospect.team_id)
    at = rules.remind_at(now, policy) if given is AskAnswer.LATER else None
    ask = await uow.referrals.add_ask(prospect.team_id, prospect.id, actor.id, given, now, at)
    await uow.commit()
    return ask


async def _source(uow: ReferralsUow, actor: User, source: Source) -> tuple[str, Stage | None]:
    """The giver's name and stage (None for a contact), if the actor may see them."""
    if source.prospect_id is not None:
        p = await prospecting.visible(uow, actor, source.prospect_id)
        return p.card.name, p.card.stage
    contact = await uow.referrals.contact(source.contact_id or 0)
    if contact is None or not _sees_contact(actor, contact):
        raise Refused("referrals-not-found")
    return contact.name, None


def _sees_contact(actor: User, contact: Introducer) -> bool:
    """Like prospects: reps their own contacts, managers their team's, admins all."""
    if actor.role is Role.ADMIN:
        return True
    if actor.role is Role.MANAGER:
        return contact.team_id == actor.team_id
    return contact.owner_id == actor.id


async def _draft(uow: ReferralsUow, actor: User, source: Source, entry: NameGiven
                 ) -> ProspectDraft:
    """The card a given name becomes: method by who gave it, linked to them."""
    name, stage = await _source(uow, actor, source)
    return ProspectDraft(
        Kind.INDIVIDUAL, entry.name, rules.method_for(source, stage), phone=entry.phone,
        referred_by_id=source.prospect_id,
        referred_by_name=name if source.contact_id is not None else None)


async def check_name(uow: ReferralsUow, actor: User, source: Source, entry: NameGiven,
                     today: date) -> tuple[ProspectDraft, list[Match]]:
    """The same checks and team-wide duplicate search as any new prospect, and 'how they
    know the introducer' checked where it is typed."""
    rules.clean_how(entry.how_known)
    draft = await _draft(uow, actor, source, entry)
    return await prospecting.check_new(uow, actor, draft, today)


async def add_name(uow: ReferralsUow, actor: User, source: Source, entry: NameGiven,
                   now: datetime, tz: str, link_to: int | None = None) -> tuple[int, bool]:
    """A given name becomes a prospect linked to its giver, or, when it is a duplicate (the
    same phone, or a match the rep picked), the existing one is linked: (id, created?)."""
    how = rules.clean_how(entry.how_known)
    draft, matches = await check_name(uow, actor, source, entry, local_today(tz, now))
    strong = [m.candidate.id for m in matches if m.kind is MatchKind.STRONG]
    if link_to is None and strong:
        link_to = strong[0]
    if link_to is not None and link_to not in {m.candidate.id for m in matches}:
        raise Refused("referrals-not-duplicate")
    team_id = actor.team_id or 0
    if link_to is None:
        created = await uow.prospects.add(team_id, actor.id, actor.id, draft, now)
        await uow.prospects.add_event(ProspectEvent(created.id, now, actor.id, "created",
                                                    None, None, draft.name))
        target_id, owner_id = created.id, actor.id
    else:
        found = await uow.prospects.get(link_to)
        assert found is not None  # it was just matched in this transaction
        target_id, owner_id = found.id, found.owner_id
    if target_id == source.prospect_id:
        raise Refused("referrals-self")
    await _link_and_promise(uow, actor, Link(target_id, source, how), owner_id, now)
    await uow.audit.add(AuditEntry(now, actor.id, "referral.name", "prospect", target_id,
                                   {"created": link_to is None}))
    await uow.commit()
    return target_id, link_to is None


async def _link_and_promise(uow: ReferralsUow, actor: User, link: Link, owner_id: int,
                            now: datetime) -> bool:
    """The first giver of a name is its introducer: linked, and the policy's reward promised."""
    team_id = actor.team_id or 0
    if not await uow.referrals.link(team_id, link, actor.id, now):
        return False
    terms = (await policy_of(uow, team_id)).terms
    return await uow.referrals.promise(team_id, link.prospect_id, link.source, owner_id, terms,
                                       now)


async def add_contact(uow: ReferralsUow, actor: User, name: str, trade: Trade,
                      phone: str | None, now: datetime) -> Introducer:
    """An introducer who is not a customer (agent, loan officer, repair shop...)."""
    region = await prospecting.region_of(uow, actor)
    clean = clean_name(name)
    number = parse_phone(phone, region) if phone else None
    contact = await uow.referrals.add_contact(actor.team_id or 0, actor.id, clean, trade,
                                              number, now)
    await uow.audit.add(AuditEntry(now, actor.id, "referral.contact", "referral_contact",
                                   contact.id))
    await uow.commit()
    return contact


async def contacts(uow: ReferralsUow, actor: User) -> list[Introducer]:
    """The introducer contacts the actor may see."""
    if actor.team_id is None:
        return []
    owner = actor.id if actor.role is Role.REP else None
    return await uow.referrals.contacts(actor.team_id, owner)


async def credit(uow: ReferralsUow, actor: User, prospect_id: int, source: Source,
                 now: datetime, tz: str) -> Reward:
    """An introducer forgotten at the time is credited afterwards, with the same rules: one
    reward per referred prospect, owed at once if it is already won."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    await _source(uow, actor, source)
    if source.prospect_id == prospect.id:
        raise Refused("referrals-self")
    if await uow.referrals.reward_of(prospect.id) is not None:
        raise Refused("referrals-already-credited")
    link = await uow.referrals.link_of(prospect.id)
    if link is not None and link.source != source:
        raise Refused("referrals-already-referred")
    if link is None:
        await uow.referrals.link(prospect.team_id, Link(prospect.id, source), actor.id, now)
    policy = await policy_of(uow, prospect.team_id)
    await uow.referrals.promise(prospect.team_id, prospect.id, source, prospect.owner_id,
                                policy.terms, now)
    if prospect.card.stage is Stage.WON:
        await uow.referrals.mark_owed(prospect.id, now,
                                      rules.due_on(local_today(tz, now), policy))
    await uow.audit.add(AuditEntry(now, actor.id, "referral.credit", "prospect", prospect.id))
    await uow.commit()
    reward = await uow.referrals.reward_of(prospect.id)
    assert reward is not None
    return reward


async def settle_won(uow: ReferralsUow, now: datetime, default_tz: str) -> list[Reward]:
    """Every referred prospect that is won now owes its introducer a reward, exactly once
    (a unique row per prospect; won -> lost -> won again changes nothing)."""
    owed = []
    for team in await uow.teams.list():
        policy = await policy_of(uow, team.id)
        due = rules.due_on(local_today(team.timezone or default_tz, now), policy)
        for prospect_id, owner_id, source in await uow.referrals.won_unsettled(team.id):
            await uow.referrals.promise(team.id, prospect_id, source, owner_id, policy.terms,
                                        now)
            if await uow.referrals.mark_owed(prospect_id, now, due):
                owed.append(prospect_id)
    await uow.commit()
    return [r for r in [await uow.referrals.reward_of(i) for i in owed] if r is not None]


def _source_of(p: Prospect, links: dict[int, Link]) -> Source | None:
    """Who referred a prospect: its link, else the referrer typed on its card."""
    if p.id in links:
        return links[p.id].source
    return Source(prospect_id=p.card.referred_by_id) if p.card.referred_by_id else None


async def _reward(uow: ReferralsUow, actor: User, reward_id: int) -> Reward:
    """A reward of the actor's (or, for managers, of their team); else it does not exist."""
    reward = await uow.referrals.reward(reward_id)
    if reward is None or not (reward.rep_id == actor.id or (
            actor.role is not Role.REP and can_lead(actor, reward.team_id))):
        raise Refused("referrals-not-found")
    return reward


async def settle(uow: ReferralsUow, actor: User, reward_id: int, how: PaidHow | None,
                 now: datetime) -> Reward:
    """Paid (cash, transfer, gift, dinner) or, with `how` None, declined by the introducer."""
    reward = await _reward(uow, actor, reward_id)
    if reward.status in (RewardStatus.PAID, RewardStatus.DECLINED):
        raise Refused("referrals-settled")
    status = RewardStatus.DECLINED if how is None else RewardStatus.PAID
    await uow.referrals.settle(reward.id, status, how, now)
    await uow.audit.add(AuditEntry(now, actor.id, f"referral.{status.value}", "reward",
                                   reward.id, {"how": how.value if how else None}))
    await uow.commit()
    return replace(reward, status=status, paid_how=how, settled_at=now)


async def override(uow: ReferralsUow, actor: User, reward_id: int, text: str,
                   now: datetime) -> Reward:
    """A manager changes the reward of one case (an amount, or a gift)."""
    reward = await _reward(uow, actor, reward_id)
    if actor.role is Role.REP:
        raise Refused("referrals-not-allowed")
    if reward.status in (RewardStatus.PAID, RewardStatus.DECLINED):
        raise Refused("referrals-settled")
    terms = rules.parse_terms(text, reward.terms.currency or "CNY")
    await uow.referrals.set_terms(reward.id, terms, actor.id)
    await uow.audit.add(AuditEntry(now, actor.id, "referral.override", "reward", reward.id))
    await uow.commit()
    return replace(reward, terms=terms, overridden_by=actor.id)


async def set_policy(uow: ReferralsUow, actor: User, text: str, now: datetime,
                     due_days: int | None = None, quiet_days: int | None = None) -> Policy:
    """Managers set their team's reward ('200', '25 USD' or a gift) and its days."""
    team_id = actor.team_id
    if team_id is None or actor.role is Role.REP or not can_lead(actor, team_id):
        raise Refused("referrals-not-allowed")
    old = await policy_of(uow, team_id)
    team = await uow.teams.get(team_id)
    currency = "USD" if team is not None and team.country != "CN" else "CNY"
    policy = replace(old, terms=rules.parse_terms(text, currency),
                     due_days=rules.check_days(old.due_days if due_days is None else due_days),
                     quiet_days=rules.check_days(
                         old.quiet_days if quiet_days is None else quiet_days))
    await uow.referrals.set_policy(team_id, policy, actor.id, now)
    await uow.audit.add(AuditEntry(now, actor.id, "referral.policy", "team", team_id))
    await uow.commit()
    return policy


async def rewards_of(uow: ReferralsUow, actor: User, rep_id: int | None = None,
                     source: Source | None = None) -> list[Reward]:
    """Rewards the actor may see: a rep only their own; managers their team's (or one rep's)."""
    if actor.team_id is None and actor.role is not Role.ADMIN:
        return []
    if actor.role is Role.REP:
        if rep_id not in (None, actor.id):
            raise Refused("referrals-not-allowed")
        rep_id = actor.id
    if source is not None:
        await _source(uow, actor, source)
    found = await uow.referrals.rewards(actor.team_id or 0, rep_id)
    return [r for r in found if source is None or r.source == source]


async def ledger(uow: ReferralsUow, actor: User, today: date, rep_id: int | None = None,
                 source: Source | None = None) -> tuple[Ledger, list[Reward]]:
    """Per rep or per introducer: promised, owed, paid, declined, overdue, totals per currency."""
    found = await rewards_of(uow, actor, rep_id, source)
    return rules.build_ledger(found, today), found


async def overdue(uow: ReferralsUow, team_id: int, today: date, rep_id: int | None = None
                  ) -> list[Reward]:
    """Owed rewards past their day, oldest first: the agenda's and the manager digest's query."""
    found = [r for r in await uow.referrals.rewards(team_id, rep_id)
             if rules.is_overdue(r, today)]
    return sorted(found, key=lambda r: (r.due_on or today, r.id))


async def graph(uow: ReferralsUow, team_id: int) -> Graph:
    """The team's referral links (typed referrers included) with names, owners and values."""
    prospects = await uow.prospects.of_team(team_id)
    links = {link.prospect_id: link for link in await uow.referrals.links(team_id)}
    parents = {f"p{p.id}": rules.key_of(s) for p in prospects
               if (s := _source_of(p, links)) is not None}
    names = {f"p{p.id}": p.card.name for p in prospects}
    owners = {f"p{p.id}": p.owner_id for p in prospects}
    for c in await uow.referrals.contacts(team_id):
        names[f"c{c.id}"], owners[f"c{c.id}"] = c.name, c.owner_id
    members = {m.user.id: m.user.display_name for m in await uow.users.members(team_id)}
    values = {f"p{k}": v for k, v in (await uow.referrals.won_values(team_id)).items()}
    return Graph(parents, names, owners, members, {f"p{p.id}": p.card.stage for p in prospects},
                 values)


def _sees(actor: User, g: Graph, key: str) -> bool:
    """Reps see their own people in a chain; managers and admins everyone of the team."""
    return actor.role is not Role.REP or g.owners.get(key) == actor.id


def _node(actor: User, g: Graph, key: str, depth: int) -> Node:
    """A chain entry; a teammate's person shows only the owner's name."""
    seen = _sees(actor, g, key)
    stage = g.stages.get(key)
    value = (g.values[key],) if stage is Stage.WON and key in g.values and seen else ()
    return Node(key, g.names.get(key) if seen else None,
                g.owner_names.get(g.owners.get(key, 0), "?"), depth,
                stage if seen else None, value,
                int(key[1:]) if key.startswith("p") and seen else None)


async def chain(uow: ReferralsUow, actor: User, prospect_id: int) -> Chain:
    """Who referred this prospect up to the top, everyone below it, how many won and for how
    much (teammates' people masked)."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    g = await graph(uow, prospect.team_id)
    start = f"p{prospect.id}"
    up = [_node(actor, g, k, d) for k, d in rules.above(start, g.parents)]
    down = [_node(actor, g, k, d)
            for k, d in rules.below(start, rules.children_of(g.parents))]
    won = [n for n in down if g.stages.get(n.key) is Stage.WON]
    value = rules.add_money(g.values[n.key] for n in won if n.key in g.values)
    return Chain(tuple(up), tuple(down), len(won), value)


async def report(uow: ReferralsUow, actor: User, team_id: int) -> Report:
    """Chains with depth and yield, best introducers, referred against other methods; a rep
    sees only their own people."""
    if actor.role is not Role.ADMIN and actor.team_id != team_id:
        raise Refused("referrals-not-allowed")
    g = await graph(uow, team_id)
    if actor.role is Role.REP:
        mine = {k for k, owner in g.owners.items() if owner == actor.id}
        g = replace(g, parents={c: p for c, p in g.parents.items() if c in mine and p in mine})
    won = {k for k, s in g.stages.items() if s is Stage.WON}
    chains = rules.best_first(rules.yields(g.parents, g.names, won, g.values, True))
    best = rules.best_first(rules.yields(g.parents, g.names, won, g.values, False))
    prospects = [p for p in await uow.prospects.of_team(team_id)
                 if actor.role is not Role.REP or p.owner_id == actor.id]
    referred = {int(k[1:]) for k in g.parents}
    methods, yes, no = rules.conversion(prospects, referred)
    return Report(tuple(chains), tuple(best[:SHOWN]), tuple(methods), yes, no)


async def unasked_won(uow: ReferralsUow, team_id: int, owner_id: int, now: datetime,
                      days: int = NUDGE_DAYS) -> list[Prospect]:
    """Customers won in the last weeks who were never asked for names (the agenda's nudge)."""
    won = await uow.referrals.won_since(team_id, now - timedelta(days=days))
    asked = await uow.referrals.asked(team_id)
    found = []
    for prospect_id in sorted(won):
        p = await uow.prospects.get(prospect_id)
        if (p is not None and p.owner_id == owner_id and p.card.stage is Stage.WON
                and p.id not in asked and not p.card.do_not_contact):
            found.append(p)
    return found


async def later_due(uow: ReferralsUow, now: datetime) -> list[Ask]:
    """'Ask later' answers whose day has come, not reminded yet."""
    return await uow.referrals.later_due(now)


async def remind_later(uow: ReferralsUow, ask: Ask, msg: OutMessage, now: datetime) -> None:
    """Enqueue the reminder and mark the answer reminded, in one commit (never twice)."""
    await uow.outbox.enqueue(msg, now)
    await uow.referrals.mark_reminded(ask.id, now)
    await uow.commit()


async def source_name(uow: ReferralsUow, actor: User, source: Source) -> str:
    """The giver's name, if the actor may see them."""
    return (await _source(uow, actor, source))[0]


async def credit_choices(uow: ReferralsUow, actor: User, prospect_id: int
                         ) -> list[tuple[str, str]]:
    """Who may be credited for a prospect: the actor's introducer contacts and customers."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    found = [(f"c{c.id}", c.name) for c in await contacts(uow, actor)]
    owner = actor.id if actor.role is Role.REP else None
    found += [(f"p{p.id}", p.card.name) for p in await uow.prospects.of_team(
        prospect.team_id, owner) if p.card.stage is Stage.WON and p.id != prospect.id]
    return found


async def visible_reward(uow: ReferralsUow, actor: User, reward_id: int) -> Reward:
    """A reward the actor may see and settle (buttons under pushed messages carry its id)."""
    return await _reward(uow, actor, reward_id)


async def owed(uow: ReferralsUow, team_id: int, rep_id: int) -> list[Reward]:
    """A rep's owed rewards, earliest due first: the daily reminder until paid or declined."""
    found = [r for r in await uow.referrals.rewards(team_id, rep_id)
             if r.status is RewardStatus.OWED]
    return sorted(found, key=lambda r: (r.due_on or date.min, r.id))
