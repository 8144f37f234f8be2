"""The `xunke` command line on a throwaway SQLite database (no Telegram needed)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.logs import REDACTED, RedactingFormatter, token_secrets
from tests.fakes import FixedClock

runner = CliRunner()
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # every command runs at this moment unless told
SH = "Asia/Shanghai"  # the config default zone, so of teams created without --timezone


@pytest.fixture
def cfg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("XUNKE_BOT__TOKEN", raising=False)
    path = tmp_path / "config.toml"
    path.write_text(f'[bot]\nusername = "xunke_demo_bot"\n'
                    f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path}/x.db"\n')
    return path


def xunke(cfg: Path, *args: str, at: datetime = NOW) -> tuple[int, str]:
    """Exit code and stdout (+ stderr when it failed) of a command run on a clock fixed at `at`."""
    result = runner.invoke(app, ["--config", str(cfg), *args], obj=FixedClock(at))
    return result.exit_code, result.stdout if result.exit_code == 0 else result.output


def test_run_without_token_explains_how_to_get_one(cfg: Path) -> None:
    code, out = xunke(cfg, "run")
    assert code != 0 and "@BotFather" in out and "XUNKE_BOT__TOKEN" in out


def test_bad_config_exits_with_key_name(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[bot]\ntokn = 1\n")
    code, out = xunke(bad, "check-config")
    assert code == 2 and "bot.tokn" in out


def test_teams_invites_users_round_trip(cfg: Path) -> None:
    assert xunke(cfg, "migrate")[0] == 0
    code, out = xunke(cfg, "team", "create", "North", "--timezone", "Europe/Berlin",
                      "--country", "DE", "--language", "en")
    assert code == 0 and "North" in out
    code, out = xunke(cfg, "team", "create", "North")
    assert code == 1 and "already exists" in out
    code, out = xunke(cfg, "team", "create", "Bad", "--timezone", "Mars/Base")
    assert code == 1 and "Mars/Base" in out
    teams = json.loads(xunke(cfg, "team", "list", "--json")[1])
    assert [(t["name"], t["timezone"], t["country"], t["created_at"]) for t in teams] == [
        ("North", "Europe/Berlin", "DE", NOW.isoformat())]
    later = NOW + timedelta(days=400)  # no real date can make this pass by accident
    code, out = xunke(cfg, "invite", "--team", "North", "--role", "manager", "--json", at=later)
    made = json.loads(out)
    assert code == 0 and made["role"] == "manager"
    assert made["expires_at"] == (later + timedelta(days=7)).isoformat()
    assert made["link"].startswith("https://t.me/xunke_demo_bot?start=")
    code, out = xunke(cfg, "invite", "--team", "Nowhere")
    assert code == 1 and "does not exist" in out
    assert json.loads(xunke(cfg, "user", "list", "--json")[1]) == []
    code, out = xunke(cfg, "user", "deactivate", "999")
    assert code == 1 and "999" in out


def test_redacting_formatter_hides_token_in_messages_and_tracebacks() -> None:
    token = "123456:AAE-secret-part-xyz"
    formatter = RedactingFormatter(token_secrets(token), "%(message)s")
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{token}/getMe failed")
    except RuntimeError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "calling %s", (token,),
                                   sys.exc_info())
    text = formatter.format(record)
    assert token not in text and "secret-part" not in text and REDACTED in text


def test_prospects_search_and_show(cfg: Path) -> None:
    import asyncio

    from bot.cli import _in_db
    from bot.config import load_settings
    from sales.people.model import Role
    from sales.prospects import use_cases as prospecting
    from sales.prospects.model import Kind, Method, ProspectDraft

    assert xunke(cfg, "team", "create", "North")[0] == 0
    invite = json.loads(xunke(cfg, "invite", "--team", "North", "--json")[1])
    token = invite["link"].split("start=")[1]

    async def seed(uow: object) -> int:
        from sales.people import use_cases as teams

        rep = await teams.accept_invite(uow, token, 77, "Rep", NOW)  # type: ignore[arg-type]
        assert rep.role is Role.REP
        draft = ProspectDraft(Kind.INDIVIDUAL, "张伟", Method.EXHIBITION, phone="+8613812345678")
        return (await prospecting.create(uow, rep, draft, NOW, SH)).id  # type: ignore[arg-type]

    pid = asyncio.run(_in_db(load_settings(cfg), seed))
    code, out = xunke(cfg, "prospects", "search", "zhang wei", "--team", "North", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [pid]
    code, out = xunke(cfg, "prospects", "search", "1381234", "--team", "North")
    assert code == 0 and "张伟" in out
    shown = json.loads(xunke(cfg, "prospects", "show", str(pid), "--json")[1])
    assert shown["owner"] == "Rep" and shown["card"]["phone"] == "+8613812345678"
    code, out = xunke(cfg, "prospects", "show", "999")
    assert code == 1 and "does not exist" in out


def test_import_dry_run_then_real(cfg: Path, tmp_path: Path) -> None:
    import asyncio

    from bot.cli import _in_db
    from bot.config import load_settings
    from sales.people import use_cases as teams

    assert xunke(cfg, "team", "create", "North")[0] == 0
    token = json.loads(xunke(cfg, "invite", "--team", "North", "--json")[1])["link"]

    async def join(uow: object) -> None:
        await teams.accept_invite(uow, token.split("start=")[1], 77, "Rep",  # type: ignore[arg-type]
                                  NOW)

    asyncio.run(_in_db(load_settings(cfg), join))
    csv = tmp_path / "cards.csv"
    csv.write_text("Name,Phone\nAda Lovelace,13812345678\nBad Phone,123\n")
    args = ("import", str(csv), "--team", "North", "--owner", "77", "--json")
    code, out = xunke(cfg, *args, "--dry-run")
    planned = json.loads(out)
    assert code == 0 and planned["ready"] == 1 and planned["rejected"][0]["row"] == 3
    assert json.loads(xunke(cfg, "prospects", "search", "ada", "--team", "North", "--json")[1]) \
        == []
    code, out = xunke(cfg, *args)
    assert code == 0 and json.loads(out)["created"] == 1
    found = json.loads(xunke(cfg, "prospects", "search", "ada", "--team", "North", "--json")[1])
    assert [r["name"] for r in found] == ["Ada Lovelace"]
    code, out = xunke(cfg, "import", str(csv), "--team", "North", "--owner", "12345")
    assert code == 1 and "cannot take over" in out


def test_agenda_command(cfg: Path) -> None:
    import asyncio
    from datetime import date

    from bot.cli import _in_db
    from bot.config import load_settings
    from sales.people import use_cases as teams
    from sales.prospects import use_cases as prospecting
    from sales.prospects.model import Kind, Method, ProspectDraft
    from sales.visits.model import NextStep

    assert xunke(cfg, "team", "create", "North")[0] == 0
    token = json.loads(xunke(cfg, "invite", "--team", "North", "--json")[1])["link"]

    async def seed(uow: object) -> None:
        rep = await teams.accept_invite(uow, token.split("start=")[1], 77, "Rep", NOW)  # type: ignore[arg-type]
        p = await prospecting.create(uow, rep, ProspectDraft(  # type: ignore[arg-type]
            Kind.INDIVIDUAL, "Zhao", Method.TELEPHONE), NOW, SH)
        await uow.follow_ups.add(p, rep.id, NextStep(date(2026, 11, 23), "call"),  # type: ignore[attr-defined]
                                 None, None, NOW)
        await uow.commit()  # type: ignore[attr-defined]

    asyncio.run(_in_db(load_settings(cfg), seed))
    code, out = xunke(cfg, "agenda", "--user", "77", "--date", "2026-11-23", "--json")
    data = json.loads(out)
    assert code == 0 and data["would_send"] and data["due_today"][0]["prospect"] == "Zhao"
    code, out = xunke(cfg, "agenda", "--user", "77", "--date", "2026-11-22", "--json")
    assert json.loads(out)["would_send"] is False
    code, out = xunke(cfg, "agenda", "--user", "77", "--date", "2026-11-24")
    assert code == 0 and "overdue: 2026-11-23" in out
    assert xunke(cfg, "agenda", "--user", "77", "--date", "tomorrow")[0] == 2


def test_import_checks_birthdays_against_the_owners_local_day(cfg: Path, tmp_path: Path) -> None:
    """23:30 UTC on 2026-11-23 is already the 24th in Shanghai (the owner's zone)."""
    import asyncio

    from bot.cli import _in_db
    from bot.config import load_settings
    from sales.people import use_cases as teams

    late = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert xunke(cfg, "team", "create", "North", at=late)[0] == 0
    token = json.loads(xunke(cfg, "invite", "--team", "North", "--json", at=late)[1])["link"]
    asyncio.run(_in_db(load_settings(cfg), lambda uow: teams.accept_invite(
        uow, token.split("start=")[1], 77, "Rep", late)))
    csv = tmp_path / "born.csv"
    csv.write_text("Name,Birthday\nToday Born,2026-11-24\nTomorrow Born,2026-11-25\n")
    code, out = xunke(cfg, "import", str(csv), "--team", "North", "--owner", "77", "--json",
                      "--dry-run", at=late)
    planned = json.loads(out)
    assert code == 0 and planned["ready"] == 1
    assert [(r["row"], r["code"]) for r in planned["rejected"]] == [
        (3, "prospect-birthday-future")]


def test_holidays_command(cfg: Path) -> None:
    code, out = xunke(cfg, "holidays", "--country", "CN", "--year", "2027", "--json")
    rows = {r["key"]: r for r in json.loads(out)}
    assert code == 0 and rows["public:spring_festival"]["date"] == "2027-02-06"
    assert rows["festival:lantern"]["name"] == "元宵节"  # the config's default language
    assert "western:valentine" not in rows
    code, out = xunke(cfg, "holidays", "--country", "CN", "--year", "2027", "--language", "en",
                      "--western")
    assert code == 0 and "2027-09-15\tpublic:mid_autumn_festival\tMid-Autumn Festival" in out
    assert "western:valentine" in out
    assert xunke(cfg, "holidays", "--country", "XX", "--year", "2027")[0] == 2
    assert xunke(cfg, "holidays", "--country", "CN", "--year", "2027", "--language", "fr")[0] == 2


def test_greetings_plan_command(cfg: Path) -> None:
    import asyncio

    from bot.cli import _in_db
    from bot.config import load_settings
    from sales.prospects import use_cases as prospecting
    from sales.prospects.model import Kind, Method, ProspectDraft

    assert xunke(cfg, "team", "create", "North")[0] == 0
    token = json.loads(xunke(cfg, "invite", "--team", "North", "--json")[1])["link"]

    async def seed(uow: object) -> None:
        from sales.people import use_cases as teams

        rep = await teams.accept_invite(uow, token.split("start=")[1], 77, "Rep", NOW)  # type: ignore[arg-type]
        for name, mail in (("王总", True), ("李四", False)):
            draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.DIRECT_MAIL, address="上海1号",
                                  direct_mail=mail)
            await prospecting.create(uow, rep, draft, NOW, SH)  # type: ignore[arg-type]

    asyncio.run(_in_db(load_settings(cfg), seed))
    code, out = xunke(cfg, "greetings", "plan", "--team", "North", "--from", "2027-02-01",
                      "--days", "28", "--json")
    assert code == 0
    assert json.loads(out) == [{
        "date": "2027-02-06", "occasion": "public:spring_festival", "occasion_name": "春节",
        "prospect_id": 1, "prospect": "王总", "owner": "Rep", "channel": "postal",
        "remind_on": "2027-01-30"}]
    code, out = xunke(cfg, "greetings", "plan", "--team", "North", "--from", "2027-03-01",
                      "--days", "31")
    assert code == 0 and "2027-03-15\t春日踏青\t王总\tRep\tpostal\tremind 2027-03-08" in out
    assert xunke(cfg, "greetings", "plan", "--team", "Nope", "--from", "2027-03-01")[0] == 1
    assert xunke(cfg, "greetings", "plan", "--team", "North", "--from", "March")[0] == 2
