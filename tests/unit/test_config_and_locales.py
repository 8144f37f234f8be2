"""The example config is valid and complete; en and zh carry the same keys and variables, and
every key the code names exists in both."""

from __future__ import annotations

import ast as pyast
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.config import ConfigError, Settings, load_settings
from bot.i18n import LOCALES_DIR

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "config.example.toml"


def test_example_config_is_valid_and_documents_every_key() -> None:
    settings = load_settings(EXAMPLE)
    assert settings.bot.token.get_secret_value().startswith("123456:")
    written = tomllib.loads(EXAMPLE.read_text())
    for name, field in Settings.model_fields.items():
        assert name in written, f"config.example.toml lacks {name}"
        sub = getattr(field.annotation, "model_fields", None)
        for key in sub or {}:
            assert key in written[name], f"config.example.toml lacks {name}.{key}"


@pytest.mark.parametrize("url", ["", "redis://127.0.0.1:6379/0", "rediss://u:p@h:6380/1",
                                 "unix:///run/redis.sock"])
def test_good_redis_urls_pass(tmp_path: Path, url: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f"[database]\nredis_url = '{url}'\n")
    assert load_settings(path).database.redis_url.get_secret_value() == url


@pytest.mark.parametrize(("text", "bad_key"), [
    ("[bot]\ntokn = 'x'\n", "bot.tokn"),
    ("[defaults]\ntimezone = 'Mars/Base'\n", "defaults.timezone"),
    ("[defaults]\nlanguage = 'fr'\n", "defaults.language"),
    ("[database]\nurl = 'mysql://x'\n", "database.url"),
    ("[database]\nredis_url = 'localhost:6379'\n", "database.redis_url"),
    ("[database]\nredis_url = 'http://127.0.0.1:6379/0'\n", "database.redis_url"),
    ("surprise = 1\n", "surprise"),
])
def test_bad_config_names_the_key(tmp_path: Path, text: str, bad_key: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(bad_key)):
        load_settings(path)


def test_env_overrides_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[bot]\ntoken = 'from-file'\n")
    monkeypatch.setenv("XUNKE_BOT__TOKEN", "42:from-env")
    assert load_settings(path).bot.token.get_secret_value() == "42:from-env"
    assert "from-env" not in repr(load_settings(path))


def _messages(lang: str) -> dict[str, set[str]]:
    """Message id -> the variables it uses, over all .ftl files of one language."""
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        for name, variables in _parse(path.read_text(encoding="utf-8"), str(path)).items():
            assert name not in found, f"duplicate key {name}"
            found[name] = variables
    return found


def _parse(text: str, where: str) -> dict[str, set[str]]:
    """Message id -> variables of one Fluent resource; a syntax error fails the test."""
    found: dict[str, set[str]] = {}
    for entry in FluentParser().parse(text).body:
        assert not isinstance(entry, ast.Junk), f"{where}: {entry.annotations}"
        if isinstance(entry, ast.Message):
            assert entry.id.name not in found, f"duplicate key {entry.id.name}"
            found[entry.id.name] = _variables(entry)
    return found


def _variables(node: ast.BaseNode) -> set[str]:
    names: set[str] = set()

    class Collect(Visitor):
        def visit_VariableReference(self, node: ast.VariableReference) -> None:
            names.add(node.id.name)

    Collect().visit(node)
    return names


def _mismatch(en: dict[str, set[str]], zh: dict[str, set[str]]
              ) -> dict[str, tuple[set[str] | None, set[str] | None]]:
    """Keys only one language has, or whose variables differ: (en's, zh's), None if absent."""
    return {k: (en.get(k), zh.get(k)) for k in sorted(set(en) | set(zh))
            if en.get(k) != zh.get(k)}


def test_locales_have_same_keys_and_variables() -> None:
    assert _mismatch(_messages("en"), _messages("zh")) == {}


def test_mismatch_reports_missing_keys_and_other_variables() -> None:
    en = _parse("a = { $x } of { $n ->\n    [one] one\n   *[other] many\n}\nb = B\n", "en")
    zh = _parse("a = { $y } 的 { $n }\nc = C\n", "zh")
    assert _mismatch(en, zh) == {"a": ({"x", "n"}, {"y", "n"}), "b": (set(), None),
                                 "c": (None, set())}


# Every key starts with one of these flows or shared groups (a new flow adds its prefix here).
PREFIXES = ("agenda", "answer", "away", "bind", "cadence", "cancel", "card", "cmd", "common",
            "digest", "report",
            "errors", "evening", "export", "fallback", "field", "find", "gate", "greetings",
            "import", "invite", "man", "menu", "method", "newp", "pool", "prospect", "prospecting",
            "referrals", "reminder", "role", "settings", "stage", "start", "team", "user", "visit")
KEY = re.compile(rf"(?:{'|'.join(PREFIXES)})(?:-[a-z0-9]+)+")
HEAD = re.compile(rf"(?:{'|'.join(PREFIXES)})(?:-[a-z0-9]+)*-")  # "man-advice-" + a run-time part
# Calls whose positional string arguments are Fluent keys (or refusal codes, which are keys).
KEY_CALLS = frozenset({"I18NFormat", "Label", "t", "raw", "set_notice", "tell_user",
                       "Refused", "Warning"})
# Calls that build a key from a literal prefix and a run-time value: `key("method", m.value)`.
KEY_BUILDERS = frozenset({"key", "i18n_key"})


@dataclass(frozen=True)
class Use:
    """A key named in code: whole, or only its literal head when the rest is built at run time."""

    key: str
    line: int
    via: str
    prefix: bool = False


def _call_name(func: pyast.expr) -> str:
    return func.id if isinstance(func, pyast.Name) else (
        func.attr if isinstance(func, pyast.Attribute) else "")


def _is_str(node: pyast.AST) -> TypeGuard[pyast.Constant]:
    return isinstance(node, pyast.Constant) and isinstance(node.value, str)


def keys_used(source: str) -> list[Use]:
    """Keys a module names, so a typo or a key missing in one language fails before users see it."""
    tree = pyast.parse(source)
    uses: list[Use] = []
    done: set[int] = set()  # literals already read as a key, or parts of an f-string
    for node in pyast.walk(tree):
        if isinstance(node, pyast.JoinedStr):
            done |= {id(v) for v in node.values}
        elif isinstance(node, pyast.Call):
            uses += _call_uses(node, done)
    for node in pyast.walk(tree):
        if _is_str(node) and id(node) not in done and (KEY.fullmatch(node.value)
                                                      or HEAD.fullmatch(node.value)):
            uses.append(Use(node.value, node.lineno, "literal", prefix=node.value.endswith("-")))
    return sorted(uses, key=lambda u: (u.line, u.key))


def _call_uses(call: pyast.Call, done: set[int]) -> list[Use]:
    """The keys one call is given; the literals read are added to `done`."""
    name = _call_name(call.func)
    if name in KEY_BUILDERS and call.args and _is_str(call.args[0]):
        done.add(id(call.args[0]))
        return [Use(call.args[0].value + "-", call.lineno, name, prefix=True)]
    if name not in KEY_CALLS:
        return []
    uses = []
    for arg in call.args:
        if _is_str(arg):
            done.add(id(arg))
            uses.append(Use(arg.value, arg.lineno, name))
        elif isinstance(arg, pyast.JoinedStr) and arg.values and _is_str(arg.values[0]):
            uses.append(Use(arg.values[0].value, arg.lineno, name, prefix=True))
    return uses


def unknown(uses: list[Use], catalog: set[str]) -> list[str]:
    """The uses no message answers; a built key needs at least one message under its head."""
    return [f"{u.line}: {u.key}{'*' if u.prefix else ''} ({u.via})" for u in uses
            if not (any(k.startswith(u.key) for k in catalog) if u.prefix
                    else u.key in catalog)]


def _sources() -> dict[str, list[Use]]:
    """Keys used per module, every module of bot/ and sales/ however deep."""
    return {str(path.relative_to(ROOT)): keys_used(path.read_text(encoding="utf-8"))
            for package in ("bot", "sales") for path in sorted((ROOT / package).rglob("*.py"))}


def test_keys_follow_flow_prefix_convention() -> None:
    assert [k for k in _messages("en") if not KEY.fullmatch(k)] == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_key_used_in_code_exists(lang: str) -> None:
    used = _sources()
    deep = [m for m, uses in used.items() if m.count("/") >= 3 and uses]
    assert deep, "no keys found in nested modules: the scan is broken"
    catalog = set(_messages(lang))
    assert {m: bad for m, uses in used.items() if (bad := unknown(uses, catalog))} == {}


def test_every_refusal_code_in_sales_has_a_text() -> None:
    codes = {u.key for m, uses in _sources().items() if m.startswith("sales/")
             for u in uses if u.via == "Refused"}
    assert codes, "no refusal codes found: the scan is broken"
    assert sorted(codes - set(_messages("en"))) == []


def test_the_key_scan_reports_what_no_message_answers() -> None:
    source = "\n".join([
        'Label("visit-done")',  # 1: known
        'set_notice(manager, "visit-no-such-step", n=1)',  # 2: unknown, passed to a key call
        'NOTE = "cadence-made-up"',  # 3: unknown, shaped like a key
        't.raw(key("stage", value))',  # 4: built under a known head
        't.raw(key("nostage", value))',  # 5: no message under this head
        'Label(f"cmd-{name}")',  # 6: f-string under a known head
        'Label(f"zzz-{name}")',  # 7: f-string under no head
        'WIDGET = "visit_done"; OTHER = "foo-bar"',  # 8: not keys
        'raise Refused("prospect-gone")',  # 9: unknown refusal code
        'A, B = "man-advice-", "man-nothing-"',  # 10: a known head, and one with no message
    ])
    assert unknown(keys_used(source), set(_messages("en"))) == [
        "2: visit-no-such-step (set_notice)", "3: cadence-made-up (literal)",
        "5: nostage-* (key)", "7: zzz-* (Label)", "9: prospect-gone (Refused)",
        "10: man-nothing-* (literal)"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_message_formats_without_errors(lang: str) -> None:
    from fluent.runtime import FluentBundle, FluentResource

    bundle = FluentBundle([lang], use_isolating=False)
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    names = set().union(*_messages(lang).values())
    for value in ("x", 0, 1, 7):  # strings and numbers, plural categories included
        args = dict.fromkeys(names, value)
        for key in _messages(lang):
            message = bundle.get_message(key)
            text, errors = bundle.format_pattern(message.value, args)
            assert errors == [] and text.strip(), f"{lang}/{key}: {errors}"
