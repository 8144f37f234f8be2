"""The example config is valid and complete; en and zh carry the same keys and variables."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

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


@pytest.mark.parametrize(("text", "bad_key"), [
    ("[bot]\ntokn = 'x'\n", "bot.tokn"),
    ("[defaults]\ntimezone = 'Mars/Base'\n", "defaults.timezone"),
    ("[defaults]\nlanguage = 'fr'\n", "defaults.language"),
    ("[database]\nurl = 'mysql://x'\n", "database.url"),
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
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            assert not isinstance(entry, ast.Junk), f"{path}: {entry.annotations}"
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


def test_locales_have_same_keys_and_variables() -> None:
    en, zh = _messages("en"), _messages("zh")
    assert sorted(set(en) ^ set(zh)) == []
    assert {k: v for k, v in en.items() if zh[k] != v} == {}


def test_keys_follow_flow_prefix_convention() -> None:
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", key) for key in _messages("en"))


def test_every_refusal_code_in_sales_has_a_text() -> None:
    codes = set()
    for path in (ROOT / "sales").rglob("*.py"):
        codes |= set(re.findall(r'Refused\(\s*"([a-z0-9-]+)"', path.read_text()))
    assert codes, "no refusal codes found: the pattern is broken"
    assert sorted(codes - set(_messages("en"))) == []


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
