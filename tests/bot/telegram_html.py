"""What the Bot API would accept as an HTML message: Telegram's tags, balanced, entities it
knows, no stray `<`, `>` or `&`, and at most 4096 UTF-16 units of text once parsed."""

from __future__ import annotations

import html
import re

TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
        "tg-emoji", "code", "pre", "blockquote"}
TOKEN = re.compile(r"<(/?)([a-z-]+)(\s[^<>]*)?>|&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
MAX_UNITS = 4096


def problems(text: str) -> list[str]:
    """Why Telegram would refuse `text` with parse_mode=HTML (empty list: it is fine)."""
    found: list[str] = []
    stack: list[str] = []
    plain: list[str] = []
    between: list[str] = []  # text outside tags and entities
    at = 0
    for m in TOKEN.finditer(text):
        between.append(text[at:m.start()])
        plain.append(between[-1])
        at = m.end()
        if m.group(2) is None:  # an entity
            plain.append(html.unescape(m.group(0)))
        elif m.group(2) not in TAGS:
            found.append(f"tag <{m.group(2)}> is not one Telegram knows")
        elif m.group(1):
            if not stack or stack.pop() != m.group(2):
                found.append(f"</{m.group(2)}> closes nothing open")
        else:
            stack.append(m.group(2))
    between.append(text[at:])
    plain.append(between[-1])
    body = "".join(plain)
    stray = [ch for ch in "".join(between) if ch in "<>&"]
    if stray:
        found.append(f"unescaped {''.join(sorted(set(stray)))}")
    if stack:
        found.append(f"unclosed {stack}")
    units = len(body.encode("utf-16-le")) // 2
    if not body.strip():
        found.append("empty message")
    if units > MAX_UNITS:
        found.append(f"{units} UTF-16 units, more than {MAX_UNITS}")
    return found
