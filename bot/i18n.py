"""Fluent texts in zh and en, a per-update translator, and a text widget for dialogs."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_dialog.api.protocols import DialogManager as DialogManagerProtocol
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.text import Text
from fluent.runtime import FluentLocalization, FluentResourceLoader

from sales.people.model import LANGUAGES
from sales.prospects.man import Answer

LOCALES_DIR = Path(__file__).with_name("locales")
T_KEY = "t"
LOCALES_KEY = "locales"


HTML_SUFFIX = "_html"
SHOWN_MAX = 1000      # a user's value echoed in a message is shortened beyond this
PLACEABLE_MAX = 2000  # Fluent refuses longer arguments ("{???}"): they are put in afterwards


ANSWER_KEY = "common-answer"  # the one message that words a yes / no / don't know


class Translator:
    """Formats one locale's messages; string arguments are HTML-escaped (user text is unsafe),
    except those named `*_html`, which callers built from escaped parts.

    One rule for yes/no: a `bool` or MAN `Answer` argument is shown as its word in this
    language (`common-answer`), so no screen prints `no` or `unknown` raw. A message that
    *selects* on a flag (`{ $mail -> [yes] ... }`) is handed the string "yes"/"no" instead."""

    def __init__(self, locale: str, fluent: FluentLocalization) -> None:
        self.locale = locale
        self._fluent = fluent

    def __call__(self, key: str, /, **args: Any) -> str:
        safe = {k: html.escape(shorten(v), quote=False)
                if isinstance(v, str) and not k.endswith(HTML_SUFFIX) else v
                for k, v in self._worded(args).items()}
        return self._format(key, safe)

    def raw(self, key: str, /, **args: Any) -> str:
        """Plain text, for places that are not HTML (button labels, command descriptions)."""
        return self._format(key, {k: shorten(v) if isinstance(v, str) else v
                                  for k, v in self._worded(args).items()})

    def answer(self, value: bool | Answer) -> str:
        """Yes, no or don't know, in this language."""
        word = value.value if isinstance(value, Answer) else ("yes" if value else "no")
        return self._format(ANSWER_KEY, {"value": word})

    def _worded(self, args: dict[str, Any]) -> dict[str, Any]:
        """Booleans and MAN answers replaced by their words."""
        return {k: self.answer(v) if isinstance(v, bool | Answer) else v
                for k, v in args.items()}

    def has(self, key: str) -> bool:
        """Whether a message exists (Fluent answers an unknown key with the key itself)."""
        return str(self._fluent.format_value(key)) != key

    def _format(self, key: str, args: dict[str, Any]) -> str:
        """Fluent formatting that never breaks on a long argument: those go in afterwards."""
        long = {k: v for k, v in args.items() if isinstance(v, str) and len(v) > PLACEABLE_MAX}
        marks = {k: f"\ue000{i}\ue001" for i, k in enumerate(long)}
        text = str(self._fluent.format_value(key, {**args, **marks}))
        for k, mark in marks.items():
            text = text.replace(mark, long[k])
        return text


def shorten(value: str, limit: int = SHOWN_MAX) -> str:
    """A long value as shown back to a person: cut with an ellipsis, never mid-emoji pair."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def key(prefix: str, value: str) -> str:
    """A Fluent key for an enum value or field name: `method-cold-canvass`."""
    return f"{prefix}-{value.replace('_', '-')}"


class Locales:
    """All translators, loaded once at start from `bot/locales/<lang>/*.ftl`."""

    def __init__(self, root: Path = LOCALES_DIR) -> None:
        loader = FluentResourceLoader(str(root / "{locale}"))
        files = sorted({p.name for p in root.glob("*/*.ftl")})
        self._by_lang = {
            lang: Translator(lang, FluentLocalization([lang, "en"], files, loader))
            for lang in LANGUAGES
        }

    def get(self, lang: str) -> Translator:
        """The translator for `lang`, English for anything unknown."""
        return self._by_lang.get(lang, self._by_lang["en"])


class I18NFormat(Text):
    """A dialog text rendered from a Fluent key with the window's data as variables."""

    def __init__(self, key: str, when: WhenCondition = None, **fixed: Any) -> None:
        super().__init__(when=when)
        self.key = key
        self.fixed = fixed

    async def _render_text(self, data: Mapping[str, Any], manager: DialogManager) -> str:
        t: Translator = manager.middleware_data[T_KEY]
        args = {k: v for k, v in data.items() if isinstance(v, str | int | float)}
        return self._format(t, {**args, **self.fixed})

    def _format(self, t: Translator, args: dict[str, Any]) -> str:
        return t(self.key, **args)


class Label(I18NFormat):
    """A button label: plain text, because Telegram shows buttons without HTML parsing."""

    def _format(self, t: Translator, args: dict[str, Any]) -> str:
        return t.raw(self.key, **args)


def translator_of(manager: DialogManagerProtocol) -> Translator:
    """The current update's translator, from inside a dialog callback."""
    t: Translator = manager.middleware_data[T_KEY]
    return t
