"""Realistic synthetic teams, reps and prospects for the demo and for benchmarks.

Deterministic for a seed and a `now`; prospects and visits go in through the repositories' bulk
methods, so 100,000 prospects take seconds. Greeting cards come from the greetings feature.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sales.greetings import use_cases as greetings
from sales.greetings.model import Occasion
from sales.kernel.clock import local_today
from sales.people.model import NewTeam, NewUser, Role, Team, User
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.model import (
    OPEN_STAGES,
    Birthday,
    ContactWindow,
    Kind,
    Method,
    Prospect,
    ProspectDraft,
    ProspectRecord,
    Stage,
)
from sales.uow import UnitOfWork
from sales.visits.model import Channel, NextStep, Outcome, VisitDraft, VisitRecord

UowFactory = Callable[[], AbstractAsyncContextManager[UnitOfWork]]
PEOPLE_BASE = 7_000_000_000  # Telegram ids of generated people: far from real ones
BATCH = 5_000
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
            "许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁")
GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红文辉鹏飞玲宇浩凯婷雪琳晨"
LATIN_FIRST = ("Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Henry", "Iris", "Jack",
               "Laura", "Marco", "Nina", "Oscar", "Paula", "Ryan", "Sofia", "Tom", "Vera", "Yusuf")
LATIN_LAST = ("Müller", "Smith", "Rossi", "García", "Novak", "Schmidt", "Dubois", "Kowalski",
              "Jensen", "Silva", "Brown", "Weber", "Costa", "Nielsen", "Lopez", "Meyer")
COMPANY_PARTS = ("华兴", "鑫达", "恒通", "远航", "金桥", "嘉禾", "瑞丰", "新元", "永盛", "宏图")
COMPANY_KINDS = ("贸易有限公司", "科技有限公司", "餐饮管理公司", "建材商行", "物流有限公司")
CITIES = ("上海市浦东新区", "杭州市西湖区", "苏州市姑苏区", "南京市鼓楼区", "宁波市鄞州区")
STREETS = ("人民路", "解放路", "中山路", "建设路", "和平街", "文化路")
NEEDS = ("办公用品年度采购", "门店设备更新", "员工团体保险", "物流外包", "新店装修", "车队保养")
TAGS = ("重点", "老客户", "展会", "VIP", "夜间联系", "批发")
# Weighted like a real team's sources: canvassing and referrals dominate.
METHOD_WEIGHTS = {Method.COLD_CANVASS: 18, Method.REFERRAL: 16, Method.TELEPHONE: 14,
                  Method.EXHIBITION: 10, Method.RELATIONSHIPS: 8, Method.SNOWBALL: 7,
                  Method.OBSERVATION: 6, Method.ADVERTISING: 6, Method.RECORDS: 5,
                  Method.CENTER_OF_INFLUENCE: 4, Method.AGENT: 3, Method.DIRECT_MAIL: 3}
OUTCOME_STAGE = {Outcome.INTERESTED: Stage.QUALIFIED, Outcome.APPOINTMENT: Stage.APPOINTMENT,
                 Outcome.MET: Stage.MET, Outcome.QUOTED: Stage.MET, Outcome.WON: Stage.WON,
                 Outcome.LOST: Stage.LOST}
OUTCOMES = tuple(Outcome)
OUTCOME_WEIGHTS = (20, 10, 22, 12, 14, 10, 5, 7)


@dataclass(frozen=True, slots=True)
class DemoSize:
    """How much to generate: teams, reps per team, prospects in all, and the random seed."""

    teams: int = 1
    reps: int = 3
    prospects: int = 300
    seed: int = 1


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What was written."""

    teams: int
    users: int
    prospects: int
    visits: int
    follow_ups: int
    greeting_cards: int


def manager_telegram_id(team_no: int) -> int:
    """The generated manager of team ``team_no`` (1-based)."""
    return PEOPLE_BASE + team_no * 1000


def rep_telegram_id(team_no: int, rep_no: int) -> int:
    """The generated rep ``rep_no`` (1-based) of team ``team_no``."""
    return manager_telegram_id(team_no) + rep_no


async def fill(uows: UowFactory, size: DemoSize, now: datetime) -> DemoSummary:
    """Write teams, people, prospects, a year of visits, open follow-ups and greeting cards."""
    rnd = random.Random(size.seed)
    totals = [0, 0, 0, 0]
    for team_no in range(1, size.teams + 1):
        count = size.prospects // size.teams + (team_no <= size.prospects % size.teams)
        team, reps = await _team(uows, team_no, size.reps, now)
        written = await _prospects(uows, rnd, team, reps, count, now)
        for i, n in enumerate((1 + len(reps), *written)):
            totals[i] += n
    async with uows() as uow:
        cards = await greetings.plan_due(uow, now, _greeting_text)
    return DemoSummary(size.teams, totals[0], totals[1], totals[2], totals[3], cards)


async def _team(uows: UowFactory, team_no: int, reps: int, now: datetime
                ) -> tuple[Team, list[User]]:
    """One team (Chinese, in Shanghai time) with its manager and reps."""
    async with uows() as uow:
        team = await uow.teams.add(NewTeam(f"Demo {team_no:02d} 华东", "Asia/Shanghai", "CN",
                                           "zh"), now)
        await uow.users.add(NewUser(manager_telegram_id(team_no), f"王经理 {team_no}",
                                    Role.MANAGER, team.id, "zh"), now)
        people = [await uow.users.add(NewUser(
            rep_telegram_id(team_no, r), _rep_name(r), Role.REP, team.id, "zh"), now)
            for r in range(1, reps + 1)]
        await uow.commit()
    return team, people


def _rep_name(rep_no: int) -> str:
    """Stable, readable rep names."""
    return f"{SURNAMES[(rep_no * 7) % len(SURNAMES)]}{GIVEN[(rep_no * 3) % len(GIVEN)]}"


async def _prospects(uows: UowFactory, rnd: random.Random, team: Team, reps: list[User],
                     count: int, now: datetime) -> tuple[int, int, int]:
    """Prospects in batches, each batch with its visits and a few open follow-ups."""
    today = local_today(team.timezone, now)
    made = visited = follow_ups = 0
    for start in range(0, count, BATCH):
        batch = [_one(rnd, reps, today, now) for _ in range(min(BATCH, count - start))]
        async with uows() as uow:
            ids = await uow.prospects.add_many(team.id, [b[0] for b in batch])
            visits = [VisitRecord(b[0].owner_id, team.id, _with_id(v, pid), now)
                      for b, pid in zip(batch, ids, strict=True) for v in b[1]]
            visited += await uow.visits.add_many(visits)
            follow_ups += await _follow_ups(uow, rnd, team, batch, ids, today, now)
            await uow.commit()
        made += len(batch)
    return made, visited, follow_ups


def _with_id(draft: VisitDraft, prospect_id: int) -> VisitDraft:
    """A generated visit attached to its stored prospect."""
    return VisitDraft(prospect_id, draft.channel, draft.happened_on, draft.outcome, draft.amount,
                      draft.currency, draft.lost_reason, draft.notes)


async def _follow_ups(uow: UnitOfWork, rnd: random.Random, team: Team,
                      batch: Sequence[tuple[ProspectRecord, list[VisitDraft]]],
                      ids: Sequence[int], today: date, now: datetime) -> int:
    """Open follow-ups due in the coming week for some open prospects (the agenda's content)."""
    added = 0
    for (record, _), pid in zip(batch, ids, strict=True):
        if record.card.stage not in OPEN_STAGES or rnd.random() > 0.08:
            continue
        step = NextStep(today + timedelta(days=rnd.randint(0, 6)),
                        rnd.choice(("回访", "送样品", "报价", "约见决策人")), None)
        prospect = Prospect(pid, team.id, record.owner_id, record.card, record.created_at)
        await uow.follow_ups.add(prospect, record.owner_id, step, None, None, now)
        added += 1
    return added


def _one(rnd: random.Random, reps: list[User], today: date, now: datetime
         ) -> tuple[ProspectRecord, list[VisitDraft]]:
    """One prospect created within the last year, with its visits after that day."""
    age = rnd.randint(0, 364)
    created = now - timedelta(days=age, minutes=rnd.randint(0, 600))
    visits = list(_visits(rnd, today - timedelta(days=age), today))
    stage = OUTCOME_STAGE.get(visits[-1].outcome, Stage.NEW) if visits else Stage.NEW
    card = _card(rnd, stage)
    last = visits[-1].happened_on if visits else None
    return ProspectRecord(rnd.choice(reps).id, card, created, last), visits


def _visits(rnd: random.Random, first: date, today: date) -> Iterator[VisitDraft]:
    """0-5 contacts between ``first`` and ``today``, in order."""
    span = (today - first).days
    days = sorted(rnd.randint(0, span) for _ in range(rnd.choice((0, 0, 1, 1, 2, 3, 4, 5))))
    for offset in days:
        outcome = rnd.choices(OUTCOMES, OUTCOME_WEIGHTS)[0]
        amount = Decimal(rnd.randrange(2_000, 500_000, 100)) if outcome in (
            Outcome.QUOTED, Outcome.WON) else None
        yield VisitDraft(0, rnd.choice(tuple(Channel)), first + timedelta(days=offset), outcome,
                         amount, "CNY" if amount else None,
                         "价格太高" if outcome is Outcome.LOST else None)


def _card(rnd: random.Random, stage: Stage) -> ProspectDraft:
    """A card with what a rep would know: often a phone, sometimes much more."""
    organisation = rnd.random() < 0.3
    person = _person(rnd)
    method = rnd.choices(tuple(METHOD_WEIGHTS), tuple(METHOD_WEIGHTS.values()))[0]
    mail = rnd.random() < 0.15
    return ProspectDraft(
        kind=Kind.ORGANISATION if organisation else Kind.INDIVIDUAL,
        name=_company(rnd) if organisation else person, method=method,
        contact=person if organisation else None,
        phone=f"+861{rnd.choice('3578')}{rnd.randint(0, 9)}{rnd.randint(0, 99_999_999):08d}"
        if rnd.random() < 0.8 else None,
        wechat=f"wx_{rnd.randint(100_000, 999_999)}" if rnd.random() < 0.3 else None,
        address=_address(rnd) if mail or rnd.random() < 0.3 else None,
        birthday=Birthday(rnd.randint(1, 12), rnd.randint(1, 28), None, rnd.random() < 0.3)
        if rnd.random() < 0.25 else None,
        contact_time=ContactWindow(time(rnd.choice((9, 10, 14, 15))), time(17))
        if rnd.random() < 0.2 else None,
        needs=rnd.choice(NEEDS) if rnd.random() < 0.4 else None,
        tags=tuple(rnd.sample(TAGS, rnd.randint(0, 2))),
        referred_by_name=_person(rnd) if method is Method.REFERRAL else None,
        man=ManAnswers(*(rnd.choice(tuple(Answer)) for _ in range(3))),
        stage=stage, direct_mail=mail)


def _person(rnd: random.Random) -> str:
    """Mostly Chinese names, some Latin ones."""
    if rnd.random() < 0.85:
        return rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.choice((1, 2))))
    return f"{rnd.choice(LATIN_FIRST)} {rnd.choice(LATIN_LAST)}"


def _company(rnd: random.Random) -> str:
    """A plausible company name."""
    return rnd.choice(COMPANY_PARTS) + rnd.choice(COMPANY_KINDS)


def _address(rnd: random.Random) -> str:
    """A street address in an eastern Chinese city."""
    return f"{rnd.choice(CITIES)}{rnd.choice(STREETS)}{rnd.randint(1, 999)}号"


def _greeting_text(occasion: Occasion, prospect: Prospect, language: str, variant: int,
                   signer: str) -> str:
    """Synthetic card wording (demo data, like the names): warm, selling nothing."""
    name = prospect.card.salutation or prospect.card.contact or prospect.card.name
    if language == "zh":
        return f"{name}，{occasion.name}快乐！祝您和家人万事如意。——{signer}"
    return f"Dear {name}, happy {occasion.name}! Warm wishes to you and your family. {signer}"
