"""The daily digest and the weekly report: their texts, and the scanners that enqueue them.

Both go through the outbox with unique keys (`digest:<team>:<day>:<part>`,
`report:<team>:<last day>`), so nothing is sent twice and what fell due while the bot was down
goes out on the next scan. The weekly charts are an album row of the outbox (its pictures in
`outbox_media`), sent by the same sender within the same rate limits.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Callable
from datetime import date, datetime
from itertools import groupby

from bot.charts import Charts, cjk_font
from bot.i18n import Locales, Translator, key
from bot.jobs.scheduler import JobDeps
from sales.digests import rules
from sales.digests import use_cases as digests
from sales.digests.model import Attention, Digest, RepDay, Report
from sales.outbox.model import OutMessage, Photo
from sales.people.model import Team

log = logging.getLogger("xunke.digests")

Link = Callable[[int], str]
"""A prospect id -> a URL opening its card (managers in private), or none in groups."""


def card_link(bot_username: str) -> Link:
    """A t.me deep link whose start payload `p_<id>` opens the card (bot/handlers/digests)."""
    return lambda prospect_id: f"https://t.me/{bot_username}?start=p_{prospect_id}"


def _name(name: str, prospect_id: int | None, link: Link | None) -> str:
    """A prospect's name, escaped, tappable to its card when a link is given."""
    text = html.escape(name, quote=False)
    if link is None or prospect_id is None:
        return text
    return f'<a href="{html.escape(link(prospect_id))}">{text}</a>'


def _methods(t: Translator, line: RepDay) -> str:
    """'Telephone 2, Door to door 1': the day's new prospects by method."""
    return ", ".join(f"{t.raw(key('method', m.value))} {n}" for m, n in line.new_by_method)


def rep_block(t: Translator, line: RepDay, stale_days: int) -> str:
    """One rep's section; the referral line only once that feature fills it."""
    text = t("digest-rep", name=line.name, new=line.new_prospects, target=line.target,
             methods=f"({_methods(t, line)})" if line.new_by_method else "",
             contacts=line.contacts, visits=line.visits, done=line.follow_ups_done,
             overdue=line.follow_ups_overdue, days=stale_days, stale=line.stale,
             sent=line.cards_sent, due=line.cards_due)
    return text + _referrals(t, line)


def _referrals(t: Translator, line: RepDay) -> str:
    """The referral line (names asked and received, rewards owed) when it was counted."""
    r = line.referrals
    if r is None:
        return ""
    return "\n" + t("digest-referrals", asked=r.asked, received=r.received,
                    owed=r.rewards_owed, overdue=r.rewards_overdue)


def head(t: Translator, d: Digest, stale_days: int) -> str:
    """The title, the team's totals, funnel and today's wins."""
    if d.scope == "rep":
        return t("digest-head-rep", name=d.reps[0].name if d.reps else "",
                 day=d.day.isoformat())
    total = d.totals
    funnel = " · ".join(f"{t.raw(key('stage', s.value))} {n}" for s, n in d.funnel if n)
    return "\n".join([
        t("digest-head", team=d.team.name, day=d.day.isoformat()),
        t("digest-team", reps=len(d.reps), new=total.new_prospects, target=total.target,
          contacts=total.contacts, visits=total.visits, done=total.follow_ups_done,
          overdue=total.follow_ups_overdue, days=stale_days, stale=total.stale,
          sent=total.cards_sent, due=total.cards_due, won=d.conversions) + _referrals(t, total),
        t("digest-funnel", funnel=funnel or t.raw("digest-nothing"))])


def _attention_line(t: Translator, a: Attention, link: Link | None) -> str:
    """One "needs attention" line; its key names the kind."""
    return t(key("digest-attention", a.kind.value), who=a.who,
             name_html=_name(a.name, a.prospect_id, link), days=a.days, count=a.count,
             amount=a.amount)


def tail(t: Translator, d: Digest, link: Link | None) -> str:
    """Top prospects by priority and the "needs attention" list."""
    parts = []
    if d.top:
        parts.append("\n".join([t("digest-top")] + [
            t("digest-top-line", rank=i, name_html=_name(p.name, p.prospect_id, link),
              owner=p.owner, stage=t.raw(key("stage", p.stage.value)), score=p.score)
            for i, p in enumerate(d.top, 1)]))
    if d.attention:
        parts.append("\n".join([t("digest-attention")]
                               + [_attention_line(t, a, link) for a in d.attention]))
    return "\n\n".join(parts)


def digest_messages(t: Translator, d: Digest, stale_days: int, link: Link | None = None
                    ) -> list[str]:
    """The digest as Telegram messages under 4096 characters, split between reps."""
    blocks = [rep_block(t, line, stale_days) for line in d.reps]
    return rules.pack(head(t, d, stale_days), blocks, tail(t, d, link))


def report_caption(t: Translator, r: Report) -> str:
    """The album's caption: the week's new prospects, contacts and wins in one line."""
    if not r.contacts and not r.new_prospects and not any(n for _, n in r.funnel):
        return t("report-empty", team=r.team.name, first=r.first.isoformat(),
                 last=r.last.isoformat())
    return t("report-caption", team=r.team.name, first=r.first.isoformat(),
             last=r.last.isoformat(), new=r.new_prospects, contacts=r.contacts, won=r.won)


async def report_album(locales: Locales, team: Team, r: Report) -> tuple[str, tuple[Photo, ...]]:
    """Caption and charts in the team's language (drawn off the event loop)."""
    charts = Charts.make(locales, team.language, cjk_font())
    photos = await asyncio.to_thread(charts.draw, r)
    return report_caption(locales.get(team.language), r), photos


async def scan_digests(deps: JobDeps, now: datetime) -> int:
    """Each team's digest into its group at digest time on working days, once per day."""
    created = 0
    async with deps.uow_factory() as uow:
        for team, due in groupby(await digests.due(uow, now), key=lambda d: d.team):
            found = list(due)
            days = [d.day for d in found]
            sent = {d for d in days
                    if await uow.outbox.by_key(f"digest:{team.id}:{d}:1") is not None}
            for day in digests.to_send(days, sent):
                digest = await digests.build(uow, team, day, now)
                texts = digest_messages(deps.locales.get(team.language), digest,
                                        found[0].settings.stale_days)
                created += await digests.send(uow, digest_parts(team, day, texts), now)
    return created


def digest_parts(team: Team, day: date, texts: list[str]) -> list[OutMessage]:
    """The outbox rows of one digest: one key per part, so it is never sent twice."""
    assert team.digest_chat_id is not None
    return [OutMessage(f"digest:{team.id}:{day}:{i}", team.digest_chat_id, text, "digest")
            for i, text in enumerate(texts, 1)]


async def scan_reports(deps: JobDeps, now: datetime) -> int:
    """The weekly charts into the group on the team's report day, once per week."""
    created = 0
    async with deps.uow_factory() as uow:
        for due in await digests.reports_due(uow, now):
            team, key_ = due.team, f"report:{due.team.id}:{due.day}"
            if team.digest_chat_id is None or await uow.outbox.by_key(key_) is not None:
                continue
            report = await digests.report(uow, team, due.day)
            caption, photos = await report_album(deps.locales, team, report)
            created += await digests.send(uow, [OutMessage(
                key_, team.digest_chat_id, caption, "report", media=photos)], now)
    return created
