"""The `xunke` command line: run the bot, migrate, and manage teams, invites and users."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import typer
from pydantic import SecretStr

from bot.config import ConfigError, Settings, load_settings
from bot.files.export import files as export_files
from bot.i18n import Locales
from bot.logs import setup_logging, token_secrets
from sales.cards.card import load_card
from sales.digests import use_cases as digests
from sales.exports import use_cases as exports
from sales.exports.model import Export
from sales.greetings import occasions as greeting_calendar
from sales.greetings import use_cases as greetings
from sales.greetings.model import PlanLine
from sales.kernel.clock import Clock, local_today
from sales.kernel.errors import Refused
from sales.people import use_cases as teams
from sales.people.model import LANGUAGES, Member, NewTeam, Role, Team, User
from sales.people.rules import valid_country
from sales.prospects import importing
from sales.prospects import use_cases as prospecting
from sales.prospects.matching import Hit
from sales.referrals import use_cases as referrals
from sales.referrals.model import IntroducerYield, MethodRate, Report
from sales.rhythm import use_cases as agenda
from sales.uow import UnitOfWork
from sales.visits import use_cases as visits
from storage.db import create_engine, session_factory
from storage.migrate import upgrade
from storage.uow import uow_factory

T = TypeVar("T")
NO_TOKEN = (
    "No bot token configured.\n"
    "Create a bot with @BotFather in Telegram (https://t.me/BotFather, command /newbot), then\n"
    "put the token into config.toml ([bot] token = \"...\", see config.example.toml)\n"
    "or set the environment variable XUNKE_BOT__TOKEN."
)

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Xunke (寻客): Telegram assistant for field sales teams.")
team_app = typer.Typer(no_args_is_help=True, help="Create and list teams.")
user_app = typer.Typer(no_args_is_help=True, help="List and deactivate users.")
app.add_typer(team_app, name="team")
prospects_app = typer.Typer(no_args_is_help=True, help="Search and show prospects.")
app.add_typer(user_app, name="user")
app.add_typer(prospects_app, name="prospects")
greetings_app = typer.Typer(no_args_is_help=True, help="Direct-mail greeting cards.")
app.add_typer(greetings_app, name="greetings")


class InviteRole(StrEnum):
    rep = "rep"
    manager = "manager"


@dataclass(frozen=True, slots=True)
class CliContext:
    """What the top-level callback hands every command: the settings and the clock."""

    settings: Settings
    clock: Clock


def _settings(ctx: typer.Context) -> Settings:
    """The settings loaded by the top-level callback."""
    cli: CliContext = ctx.obj
    return cli.settings


def _now(ctx: typer.Context) -> datetime:
    """Aware UTC now from the command's clock (the production one unless a test passed one)."""
    cli: CliContext = ctx.obj
    return cli.clock()


@app.callback()
def main(
    ctx: typer.Context,
    config: Path | None = typer.Option(
        None, "--config", "-c", envvar="XUNKE_CONFIG",
        help="TOML config file (default: ./config.toml if it exists)."),
) -> None:
    """Load and validate the configuration once for every command; a clock passed as typer's
    `obj` (tests) replaces the production one."""
    from bot.app import utc_now

    if config is None and Path("config.toml").is_file():
        config = Path("config.toml")
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    ctx.obj = CliContext(settings, ctx.obj if ctx.obj is not None else utc_now)
    setup_logging(settings.logging.level, token_secrets(settings.bot.token.get_secret_value()))


@app.command()
def run(ctx: typer.Context, or_demo: bool = typer.Option(
        False, "--or-demo", help="Without a token, open the demo instead of failing."),
        port: int = typer.Option(8080, "--port", help="The demo page's port."),
        prospects: int = typer.Option(300, "--prospects", help="Demo prospects.")) -> None:
    """Start the bot (long polling), migrating the database first."""
    settings = _settings(ctx)
    if not settings.bot.token.get_secret_value() and or_demo:
        typer.echo("No bot token configured: starting the demo (a local phone page; "
                   "put a token into config.toml to run the real bot, see README).")
        demo(ctx, port, prospects, seed=1)
        return
    if not settings.bot.token.get_secret_value():
        typer.echo(NO_TOKEN, err=True)
        raise typer.Exit(2)
    from bot.app import run_bot

    asyncio.run(run_bot(settings))


@app.command("demo-data")
def demo_data(
    ctx: typer.Context,
    teams_n: int = typer.Option(1, "--teams", min=1), reps: int = typer.Option(3, "--reps", min=1),
    prospects: int = typer.Option(300, "--prospects", min=0),
    seed: int = typer.Option(1, "--seed"),
) -> None:
    """Fill the database with synthetic teams, reps, prospects, visits and greeting cards."""
    from bot.demo.data import DemoSize, fill

    async def go(uows: Any) -> Any:
        return await fill(uows, DemoSize(teams_n, reps, prospects, seed), _now(ctx))

    summary = asyncio.run(_with_uows(_settings(ctx), go))
    typer.echo(json.dumps(asdict(summary)))


@app.command()
def demo(ctx: typer.Context, port: int = typer.Option(8080, "--port"),
         prospects: int = typer.Option(300, "--prospects", min=0),
         seed: int = typer.Option(1, "--seed")) -> None:
    """Try Xunke in a browser: the real bot, demo data, a stand-in Telegram on 127.0.0.1."""
    import signal
    import tempfile

    from bot.app import run_bot
    from bot.demo import web
    from bot.demo.fakeapi import DEFAULT_TOKEN, FakeTelegram

    settings = _settings(ctx)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # like Ctrl+C: clean up, exit 0
    with tempfile.TemporaryDirectory(prefix="xunke-demo-") as folder:  # removed on exit
        url = f"sqlite+aiosqlite:///{folder}/demo.db"
        demo_settings = settings.model_copy(update={
            "bot": settings.bot.model_copy(update={"token": SecretStr(DEFAULT_TOKEN),
                                                   "username": "xunke_demo_bot"}),
            "database": settings.database.model_copy(update={
                "url": SecretStr(url), "redis_url": SecretStr("")})})
        chats = asyncio.run(_with_uows(demo_settings, lambda uows: _demo_setup(
            uows, prospects, seed, _now(ctx))))
        fake = FakeTelegram(DEFAULT_TOKEN, "xunke_demo_bot", first_name="Xunke 寻客", port=port)

        async def bot(base_url: str) -> None:
            busy = f" (port {port} is taken)" if port and fake.port != port else ""
            typer.echo(f"Xunke demo: open {base_url}/ in a browser{busy} (Ctrl+C stops it)")
            await run_bot(demo_settings.model_copy(update={"bot": demo_settings.bot.model_copy(
                update={"api_base_url": base_url})}))

        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(web.serve(fake, chats, bot))


async def _demo_setup(uows: Any, prospects: int, seed: int, now: datetime) -> Any:
    """Demo data, plus an invite for the newcomer persona who onboards on the page."""
    from bot.demo import web
    from bot.demo.data import DemoSize, fill, manager_telegram_id, rep_name, rep_telegram_id

    await fill(uows, DemoSize(1, 3, prospects, seed), now)
    async with uows() as uow:
        team = (await uow.teams.list())[0]
        token = (await teams.create_invite(uow, None, team.id, Role.REP, now, 30)).token
    return web.DemoChats((
        web.Persona(rep_telegram_id(1, 1), f"{rep_name(1)} (rep)", "rep", "/start"),
        web.Persona(rep_telegram_id(1, 99), "New rep 新人", "rep", f"/start {token}"),
        web.Persona(manager_telegram_id(1), "王经理 (manager)", "manager", "/start"),
    ), -1001000000001, "Demo 01 华东 team")


async def _with_uows(settings: Settings, use: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``use`` with a unit-of-work factory on the migrated database."""
    async with _database(settings) as uows:
        return await use(uows)


@app.command()
def migrate(ctx: typer.Context) -> None:
    """Apply the database migrations."""
    asyncio.run(_in_db(_settings(ctx), lambda uow: _nothing()))
    typer.echo("database is up to date")


@app.command("check-config")
def check_config(ctx: typer.Context) -> None:
    """Validate the configuration (secrets are not printed)."""
    s = _settings(ctx)
    typer.echo(f"configuration OK: api={s.bot.api_base_url} "
               f"token={'set' if s.bot.token.get_secret_value() else 'MISSING'} "
               f"database={s.database.url.get_secret_value().split(':', 1)[0]} "
               f"redis={'on' if s.database.redis_url.get_secret_value() else 'off'} "
               f"admins={len(s.admin_ids)}")


@team_app.command("create")
def team_create(
    ctx: typer.Context, name: str,
    timezone: str | None = typer.Option(None, help="IANA timezone, default from config."),
    country: str | None = typer.Option(None, help="Country code for holidays, e.g. CN."),
    language: str | None = typer.Option(None, help="zh or en."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Create a team."""
    d = _settings(ctx).defaults
    raw = NewTeam(name, timezone or d.timezone, country or d.country, language or d.language)
    team = _call(ctx, lambda uow: teams.create_team(uow, None, raw, _now(ctx)))
    _print(as_json, _team_dict(team), f"created team {team.id}: {team.name}")


@team_app.command("list")
def team_list(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    """List all teams."""
    found = _call(ctx, lambda uow: teams.teams_for(uow, None))
    rows = [_team_dict(t) for t in found]
    lines = [f"{t.id}\t{t.name}\t{t.timezone}\t{t.country}\t{t.language}" for t in found]
    _print(as_json, rows, "\n".join(lines) or "no teams yet")


@app.command()
def invite(
    ctx: typer.Context,
    team: str = typer.Option(..., "--team", help="Team name."),
    role: InviteRole = typer.Option(InviteRole.rep, "--role"),
    expires_days: int = typer.Option(teams.INVITE_DAYS_DEFAULT, "--expires-days"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Print a single-use invite link: https://t.me/<bot>?start=<token>."""
    settings = _settings(ctx)

    async def make(uow: UnitOfWork) -> Any:
        found = await uow.teams.by_name(" ".join(team.split()))
        if found is None:
            raise Refused("invite-no-team")
        return await teams.create_invite(uow, None, found.id, Role(role.value), _now(ctx),
                                         expires_days)

    made = _call(ctx, make)
    link = f"https://t.me/{asyncio.run(_username(settings))}?start={made.token}"
    _print(as_json, {"link": link, "team": team, "role": role.value,
                     "expires_at": made.expires_at.isoformat()}, link)


@user_app.command("list")
def user_list(
    ctx: typer.Context, team: str | None = typer.Option(None, "--team"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List users, optionally of one team."""

    async def load(uow: UnitOfWork) -> list[Member]:
        team_id = None
        if team is not None:
            found = await uow.teams.by_name(" ".join(team.split()))
            if found is None:
                raise Refused("invite-no-team")
            team_id = found.id
        return await teams.list_members(uow, None, team_id)

    members = _call(ctx, load)
    rows = [_member_dict(m) for m in members]
    lines = [f"{r['telegram_id']}\t{r['name']}\t{r['role']}\t{r['team'] or '-'}\t"
             f"{'active' if r['active'] else 'deactivated'}" for r in rows]
    _print(as_json, rows, "\n".join(lines) or "no users yet")


@user_app.command("deactivate")
def user_deactivate(ctx: typer.Context, telegram_id: int) -> None:
    """Deactivate a user: they are treated as unregistered from now on."""
    user = _call(ctx, lambda uow: teams.deactivate_user(uow, None, telegram_id, _now(ctx)))
    typer.echo(f"deactivated {user.telegram_id} ({user.display_name})")


def _shell(team_id: int | None) -> User:
    """The server shell acts as an admin (reads only) of the given team."""
    return User(id=0, telegram_id=0, display_name="shell", role=Role.ADMIN, team_id=team_id)


@prospects_app.command("search")
def prospects_search(
    ctx: typer.Context, query: str, team: str = typer.Option(..., "--team"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Fuzzy search over a team's prospects: name, company, phone digits, pinyin."""

    async def run_search(uow: UnitOfWork) -> list[Hit]:
        found = await uow.teams.by_name(" ".join(team.split()))
        if found is None:
            raise Refused("invite-no-team")
        return await prospecting.find(uow, _shell(found.id), query)

    hits = _call(ctx, run_search)
    rows = [{"id": h.candidate.id, "name": h.candidate.name, "company": h.candidate.company,
             "phone": h.candidate.phone, "owner": h.candidate.owner,
             "score": round(h.score, 1)} for h in hits]
    lines = [f"{r['id']}\t{r['name']}\t{r['company'] or '-'}\t{r['phone'] or '-'}\t"
             f"{r['owner']}" for r in rows]
    _print(as_json, rows, "\n".join(lines) or "nothing found")


@prospects_app.command("show")
def prospects_show(ctx: typer.Context, prospect_id: int,
                   as_json: bool = typer.Option(False, "--json")) -> None:
    """One prospect's card with its history."""
    view = _call(ctx, lambda uow: load_card(uow, _shell(None), prospect_id))
    card = view.prospect.card
    fields = prospecting.draft_to_data(card)
    data: dict[str, Any] = {
            "id": view.prospect.id, "owner": view.owner_name, "referred_by": view.referrer_name,
            "man": view.verdict.code, "verdict": view.verdict.verdict.value,
            "card": fields,
            "history": [{"at": e.at.isoformat(), "by": e.actor_name, "kind": e.kind,
                         "field": e.field, "old": e.old, "new": e.new} for e in view.history]}
    text = "\n".join([f"#{view.prospect.id} {card.name} ({card.kind.value}), owner "
                      f"{view.owner_name}, stage {card.stage.value}, MAN {view.verdict.code} "
                      f"{view.verdict.verdict.value}"]
                     + [f"{k}: {v}" for k, v in fields.items() if v not in (None, (), [])])
    _print(as_json, data, text)


@app.command("agenda")
def agenda_cmd(
    ctx: typer.Context, user: int = typer.Option(..., "--user", help="Telegram id."),
    day: str = typer.Option(..., "--date", help="YYYY-MM-DD (the rep's local day)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """What that morning's agenda contains (nothing due: no message would be sent)."""
    try:
        wanted = date.fromisoformat(day)
    except ValueError:
        typer.echo(f"--date: {day!r} is not YYYY-MM-DD", err=True)
        raise typer.Exit(2) from None
    default_tz = _settings(ctx).defaults.timezone

    async def load(uow: UnitOfWork) -> tuple[Any, Any]:
        person = next((p for p in await agenda.people(uow, default_tz)
                       if p.user.telegram_id == user), None)
        if person is None:
            raise Refused("user-not-found", id=user)
        return person, await agenda.agenda(uow, person, wanted)

    person, found = _call(ctx, load)
    data = _agenda_dict(person, wanted, found)
    text = "\n".join([f"agenda of {person.user.display_name} for {wanted} ({person.tz})"]
                     + [f"{k}: {i['due_on']} {i['due_time'] or ''} {i['prospect']} "
                        f"{i['text'] or ''}".rstrip()
                        for k in ("due_today", "overdue") for i in data[k]]
                     + [f"new contacts: {data['new_contacts']}/{data['target']}",
                        "" if data["would_send"] else "nothing due: no message"])
    _print(as_json, data, text.rstrip())


def _agenda_dict(person: Any, day: date, found: Any) -> dict[str, Any]:
    """The agenda as plain data for scripts."""
    def items(views: Any) -> list[dict[str, Any]]:
        return [{"follow_up": v.id, "prospect_id": v.prospect_id, "prospect": v.prospect_name,
                 "due_on": v.due_on.isoformat(),
                 "due_time": v.due_time.strftime("%H:%M") if v.due_time else None,
                 "text": v.text} for v in views]

    return {"user": person.user.telegram_id, "date": day.isoformat(), "timezone": person.tz,
            "would_send": found is not None,
            "due_today": items(found.due_today) if found else [],
            "overdue": items(found.overdue) if found else [],
            "target": person.team.daily_new_contacts,
            "new_contacts": found.new_contacts_today if found else None}


@app.command("digest")
def digest_cmd(
    ctx: typer.Context, team: str = typer.Option(..., "--team", help="Team name."),
    day: str = typer.Option(..., "--date", help="YYYY-MM-DD (the team's local day)."),
    send: bool = typer.Option(False, "--send", help="Enqueue it to the team's group (once)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The team's daily digest for a day: printed, or sent through the outbox to its group."""
    from bot.jobs.digests import digest_messages, digest_parts

    wanted = _iso_day(day, "--date")
    now = _now(ctx)

    async def load(uow: UnitOfWork) -> tuple[Any, list[str], int]:
        found = await uow.teams.by_name(" ".join(team.split()))
        if found is None:
            raise Refused("invite-no-team")
        digest = await digests.build(uow, found, wanted, now)
        stale = (await digests.settings_of(uow, found.id)).stale_days
        texts = digest_messages(Locales().get(found.language), digest, stale)
        queued = 0
        if send and found.digest_chat_id is not None:
            queued = await digests.send(uow, digest_parts(found, wanted, texts), now)
        return digest, texts, queued

    digest, texts, queued = _call(ctx, load)
    if send and digest.team.digest_chat_id is None:
        typer.echo("the team has no digest group: /bind one first", err=True)
        raise typer.Exit(1)
    note = f"\n(queued {queued} message(s))" if send else ""
    _print(as_json, {**digests.as_data(digest), "queued": queued}, "\n\n".join(texts) + note)


def _iso_day(text: str, option: str) -> date:
    """A YYYY-MM-DD option, or exit 2 with a message."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        typer.echo(f"{option}: {text!r} is not YYYY-MM-DD", err=True)
        raise typer.Exit(2) from None


@app.command("holidays")
def holidays_cmd(
    ctx: typer.Context, country: str = typer.Option(..., "--country", help="e.g. CN, US, DE."),
    year: int = typer.Option(..., "--year"),
    language: str | None = typer.Option(None, "--language", help="zh or en."),
    western: bool = typer.Option(False, "--western", help="Include the Western occasions."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The occasions of a year the greeting cards use (company dates and birthdays aside)."""
    lang = language or _settings(ctx).defaults.language
    code = country.upper()
    if not valid_country(code) or lang not in LANGUAGES or not 1900 <= year <= 2200:
        typer.echo(f"unknown country {country!r}, language {lang!r} or year {year}", err=True)
        raise typer.Exit(2)
    keys = frozenset(greeting_calendar.WESTERN_KEYS) if western else frozenset()
    found = greeting_calendar.occasions(code, year, lang, keys)
    rows = [{"date": o.day.isoformat(), "key": o.key, "kind": o.kind.value, "name": o.name}
            for o in found]
    _print(as_json, rows, "\n".join(f"{r['date']}\t{r['key']}\t{r['name']}" for r in rows))


@greetings_app.command("plan")
def greetings_plan(
    ctx: typer.Context, team: str = typer.Option(..., "--team", help="Team name."),
    first: str = typer.Option(..., "--from", help="YYYY-MM-DD, the team's local day."),
    days: int = typer.Option(31, "--days", min=1, max=400),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Every card the rules plan for occasions from a day on: who, what, when reminded."""
    try:
        start = date.fromisoformat(first)
    except ValueError:
        typer.echo(f"--from: {first!r} is not YYYY-MM-DD", err=True)
        raise typer.Exit(2) from None

    async def load(uow: UnitOfWork) -> list[PlanLine]:
        found = await uow.teams.by_name(" ".join(team.split()))
        if found is None:
            raise Refused("invite-no-team")
        return await greetings.plan_preview(uow, found, start, days)

    rows = [{"date": ln.day.isoformat(), "occasion": ln.occasion_key,
             "occasion_name": ln.occasion_name, "prospect_id": ln.prospect_id,
             "prospect": ln.prospect_name, "owner": ln.owner_name,
             "channel": ln.channel.value, "remind_on": ln.remind_on.isoformat()}
            for ln in _call(ctx, load)]
    lines = [f"{r['date']}\t{r['occasion_name']}\t{r['prospect']}\t{r['owner']}\t"
             f"{r['channel']}\tremind {r['remind_on']}" for r in rows]
    _print(as_json, rows, "\n".join(lines) or "no cards planned")


@app.command("import")
def import_file(
    ctx: typer.Context, file: Path = typer.Argument(..., exists=True, dir_okay=False),
    team: str = typer.Option(..., "--team"),
    owner: int = typer.Option(..., "--owner", help="Telegram id of the rep who will own them."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check only, write nothing."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Import prospects from a CSV or XLSX file (all rows or none)."""
    data = file.read_bytes()
    now, default_tz = _now(ctx), _settings(ctx).defaults.timezone

    async def run_it(uow: UnitOfWork) -> dict[str, Any]:
        found = await uow.teams.by_name(" ".join(team.split()))
        user = await uow.users.by_telegram_id(owner)
        if found is None:
            raise Refused("invite-no-team")
        if user is None or user.team_id != found.id or not user.active:
            raise Refused("prospect-bad-owner")
        today = local_today(await visits.user_timezone(uow, user, default_tz), now)
        plan = await importing.plan_import(uow, user, file.name, data, today)
        result = _import_result(plan)
        if not dry_run:
            report = await importing.run_import(uow, user, plan, now)
            result.update(created=report.created, skipped=list(report.skipped))
        return result

    result = _call(ctx, run_it)
    text = (f"{'would create' if dry_run else 'created'} {result.get('created', result['ready'])}"
            f", duplicates skipped {result['duplicates']}, rejected {len(result['rejected'])}")
    lines = [f"row {r['row']}: {r['reason']}" for r in result["rejected"]]
    _print(as_json, result, "\n".join([text, *lines]))


def _import_result(plan: importing.ImportPlan) -> dict[str, Any]:
    """The plan as plain data: counts and every rejected row with its reason in English."""
    en = Locales().get("en")
    ready = plan.ready()
    return {"ready": len(ready), "valid": len(plan.valid),
            "duplicates": len(plan.valid) - len(ready),
            "rejected": [{"row": e.row, "code": e.code, "reason": en.raw(e.code, **e.args)}
                         for e in plan.rejected]}


async def _nothing() -> None:
    return None


def _call(ctx: typer.Context, use_case: Callable[[UnitOfWork], Awaitable[T]]) -> T:
    """Run one use case on a migrated database; a refusal becomes exit code 1 and a message."""
    try:
        return asyncio.run(_in_db(_settings(ctx), use_case))
    except Refused as exc:
        typer.echo(Locales().get("en").raw(exc.code, **exc.args_for_text), err=True)
        raise typer.Exit(1) from None


async def _in_db(settings: Settings, use_case: Callable[[UnitOfWork], Awaitable[T]]) -> T:
    async with _database(settings) as open_uow, open_uow() as uow:
        return await use_case(uow)


@asynccontextmanager
async def _database(settings: Settings) -> AsyncIterator[Any]:
    """An up-to-date database for one command; the engine is disposed afterwards."""
    engine = create_engine(settings.database.url.get_secret_value())
    try:
        await upgrade(engine)
        yield uow_factory(session_factory(engine))
    finally:
        await engine.dispose()


async def _username(settings: Settings) -> str:
    """The bot's @username, from the config or asked from Telegram."""
    if settings.bot.username:
        return settings.bot.username.lstrip("@")
    if not settings.bot.token.get_secret_value():
        typer.echo("set bot.username in the config (or a token so I can ask Telegram)", err=True)
        raise typer.Exit(2)
    from bot.app import make_bot

    bot = make_bot(settings)
    try:
        return (await bot.get_me()).username or ""
    finally:
        await bot.session.close()


def _team_dict(team: Team) -> dict[str, Any]:
    data = asdict(team)
    data["digest_time"] = team.digest_time.isoformat()
    data["created_at"] = team.created_at.isoformat() if team.created_at else None
    return data


def _member_dict(m: Member) -> dict[str, Any]:
    u = m.user
    return {"id": u.id, "telegram_id": u.telegram_id, "name": u.display_name,
            "role": u.role.value, "team": m.team_name, "active": u.active,
            "language": u.language, "timezone": u.timezone}


def _print(as_json: bool, data: Any, text: str) -> None:
    """JSON for scripts, tab-separated lines for people."""
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        typer.echo(text)


@app.command("referrals")
def referrals_cmd(
    ctx: typer.Context, team: str = typer.Option(..., "--team", help="Team name."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Referral chains with depth and yield, best introducers, referred vs other methods."""

    async def load(uow: UnitOfWork) -> tuple[Report, int]:
        found = await uow.teams.by_name(" ".join(team.split()))
        if found is None:
            raise Refused("invite-no-team")
        today = local_today(found.timezone, _now(ctx))
        late = await referrals.overdue(uow, found.id, today)
        return await referrals.report(uow, _shell(found.id), found.id), len(late)

    report, late = _call(ctx, load)
    data = _referrals_dict(report, late)
    lines = ([f"chain {c['name']}: depth {c['depth']}, {c['referred']} referred, {c['won']} won"
              f" {_money_text(c['value'])}" for c in data["chains"]]
             + [f"introducer {b['name']}: {b['referred']} referred, {b['won']} won"
                for b in data["best"]]
             + [f"{m['method']}: {m['won']}/{m['total']} won ({m['rate']:.0%})"
                for m in [*data["methods"], data["referred"], data["others"]]]
             + [f"overdue rewards: {late}"])
    _print(as_json, data, "\n".join(lines))


def _referrals_dict(report: Report, overdue: int) -> dict[str, Any]:
    """The referral report as plain data (money as strings: Decimal, never float)."""
    def introducer(y: IntroducerYield) -> dict[str, Any]:
        return {"name": y.name, "referred": y.referred, "won": y.won, "depth": y.depth,
                "value": {c: str(a) for c, a in y.value}}

    def rate(m: MethodRate) -> dict[str, Any]:
        return {"method": m.method, "total": m.total, "won": m.won, "rate": round(m.rate, 4)}

    return {"chains": [introducer(y) for y in report.chains],
            "best": [introducer(y) for y in report.best],
            "methods": [rate(m) for m in report.methods],
            "referred": rate(report.referred), "others": rate(report.others),
            "overdue_rewards": overdue}


def _money_text(value: dict[str, str]) -> str:
    """'6200.50 CNY, 25.00 USD' or '' without money."""
    return ", ".join(f"{a} {c}" for c, a in value.items())


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


@app.command("export")
def export_cmd(
    ctx: typer.Context, team: str = typer.Option(..., "--team", help="Team name."),
    fmt: ExportFormat = typer.Option(ExportFormat.xlsx, "--format"),
    out: Path = typer.Option(..., "--out", help="The .xlsx file, or a folder for the CSVs."),
) -> None:
    """The team's prospects, visits, greetings, referrals and rewards as a spreadsheet."""

    async def load(uow: UnitOfWork) -> tuple[Export, Team]:
        found = await uow.teams.by_name(" ".join(team.split()))
        if found is None:
            raise Refused("export-no-team")
        return await exports.gather(uow, None, found.id), found

    data, found = _call(ctx, load)
    t = Locales().get(found.language)
    made = export_files(t, data, fmt.value, "xunke-" + local_today(found.timezone,
                                                                   _now(ctx)).isoformat())
    if fmt is ExportFormat.xlsx:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(made[0][1])
        typer.echo(f"wrote {out}")
        return
    out.mkdir(parents=True, exist_ok=True)
    for name, content in made:
        (out / name).write_bytes(content)
    typer.echo(f"wrote {len(made)} CSV files to {out}")
