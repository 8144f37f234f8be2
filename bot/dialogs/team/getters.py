"""Read-only data for the team windows."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx
from bot.dialogs.team.states import (
    GREETING_LEAD,
    HANDOVER_COUNT,
    HANDOVER_FROM,
    HANDOVER_TO_NAME,
    INVITE_DAYS,
    INVITE_LINK,
    INVITE_ROLE,
    LEAVER,
    LEAVER_MOVED,
    LEAVER_TO_NAME,
    SETTING,
    TEAM_ID,
)
from bot.i18n import Translator, key
from sales.people import rules as people
from sales.people import use_cases as teams
from sales.people.model import Role
from sales.roster import use_cases as roster


async def team_list(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The teams this person may lead."""
    c = ctx(dialog_manager)
    found = await teams.teams_for(c.uow, c.me())
    return {
        "teams": [(str(team.id), team.name) for team in found],
        "count": len(found),
        "is_admin": people.can_manage_teams(c.me()),
    }


async def team_card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """One team's settings and head count."""
    c = ctx(dialog_manager)
    team = await teams.lead_team(c.uow, c.me(), dialog_manager.dialog_data[TEAM_ID])
    members = await teams.list_members(c.uow, c.me(), team.id)
    return {
        "team": team.name, "timezone": team.timezone, "country": team.country,
        "language": team.language, "members": sum(m.user.active for m in members),
        "bound": "yes" if team.digest_chat_id is not None else "no",
    }


async def invite(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """The invite link just made."""
    data = dialog_manager.dialog_data
    return {**await team_card(dialog_manager, **kwargs), "link": data[INVITE_LINK],
            "role": data[INVITE_ROLE], "days": data[INVITE_DAYS]}


async def members(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """Who joined, with last activity and today's numbers (user text: escaped by `t`)."""
    c = ctx(dialog_manager)
    card = await team_card(dialog_manager, **kwargs)
    day = await roster.roster(c.uow, c.me(), dialog_manager.dialog_data[TEAM_ID], c.now())
    lines = [
        c.t("team-member-line", name=r.user.display_name, role=r.user.role.value,
            active="yes" if r.user.active else "no", new=r.new_today, target=r.target,
            visits=r.visits_today,
            last=r.last_active.astimezone(ZoneInfo(card["timezone"])).strftime("%m-%d %H:%M")
            if r.last_active else "-")
        for r in day.reps
    ]
    return {**card, "list": "\n".join(lines) or "-", "day": day.day.isoformat()}


def _weekday(t: Translator, day: int) -> str:
    return t.raw(key("team-weekday", str(day)))


async def settings(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """Every team setting with its value; the greeting lead days of the actor's own team."""
    c = ctx(dialog_manager)
    team = await teams.lead_team(c.uow, c.me(), dialog_manager.dialog_data[TEAM_ID])
    policy = await roster.greeting_policy(c.uow, c.me())
    days = team.working_days
    return {
        **await team_card(dialog_manager, **kwargs),
        "target": team.daily_new_contacts, "digest_time": f"{team.digest_time:%H:%M}",
        "working_days": ", ".join(_weekday(c.t, d) for d in days) if days is not None
        else "auto",
        "prospecting_day": _weekday(c.t, team.prospecting_weekday),
        "postal": policy.postal_lead_days if policy else "-",
        "message": policy.message_lead_days if policy else "-",
        "pool_after": team.pool_after_days or 0, "pool_cap": team.pool_claim_cap,
        "pool_reclaim": team.pool_reclaim_days,
        "own_team": c.me().team_id == team.id,  # the referral policy is the actor's team's
        "settings": [(name, c.t.raw(key("team-setting", name)))
                     for name in (*people.TEAM_SETTINGS, GREETING_LEAD)],
    }


async def setting_edit(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """The question for the setting picked."""
    c = ctx(dialog_manager)
    name = str(dialog_manager.dialog_data[SETTING])
    return {**await settings(dialog_manager, **kwargs),
            "prompt": c.t.raw(key("team-ask", name))}


async def leavers(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """Who may be deactivated (active, not admins, not oneself) and who may take over."""
    c = ctx(dialog_manager)
    data = dialog_manager.dialog_data
    found = await teams.list_members(c.uow, c.me(), data[TEAM_ID])
    active = [m.user for m in found if m.user.active and m.user.role is not Role.ADMIN]
    leaver = next((u for u in active if u.id == data.get(LEAVER)), None)
    return {
        **await team_card(dialog_manager, **kwargs),
        "leavers": [(str(u.id), u.display_name) for u in active if u.id != c.me().id],
        "heirs": [(str(u.id), u.display_name) for u in active if u.id != data.get(LEAVER)],
        "leaver": leaver.display_name if leaver else "",
        "moved": data.get(LEAVER_MOVED, 0), "to": data.get(LEAVER_TO_NAME, ""),
        "to_pool": "no" if data.get(LEAVER_TO_NAME) else "yes",
    }


async def handover(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """Who can give (anyone who ever joined) and who can take (active members) prospects."""
    c = ctx(dialog_manager)
    data = dialog_manager.dialog_data
    found = await teams.list_members(c.uow, c.me(), data[TEAM_ID])
    people = [m.user for m in found if m.user.role is not Role.ADMIN]
    return {
        **await team_card(dialog_manager, **kwargs),
        "givers": [(str(u.id), u.display_name) for u in people],
        "takers": [(str(u.id), u.display_name) for u in people
                   if u.active and str(u.id) != str(data.get(HANDOVER_FROM))],
        "moved": data.get(HANDOVER_COUNT, 0), "to": data.get(HANDOVER_TO_NAME, ""),
    }
