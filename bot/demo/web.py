"""The demo's phone page: a Telegram-like chat in the browser, talking to the stand-in server.

The page (static/) polls `/demo/chat/{chat}` and posts what the person does; this module turns
the stand-in's stored messages into what the page draws (HTML from entities, buttons, media).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any

from aiohttp import web

from bot.demo.fakeapi import JSON, FakeTelegram

STATIC = ("index.html", "app.js", "style.css")
WAIT = 20.0  # seconds a page's poll may wait for news
TAGS = {"bold": "b", "italic": "i", "underline": "u", "strikethrough": "s", "code": "code",
        "pre": "pre", "blockquote": "blockquote", "expandable_blockquote": "blockquote"}


@dataclass(frozen=True, slots=True)
class Persona:
    """Someone the page can be: their Telegram id, name, role and what START sends."""

    user_id: int
    name: str
    role: str
    start: str


@dataclass(frozen=True, slots=True)
class DemoChats:
    """Who the page switches between, and the team's group chat (the digest goes there)."""

    personas: tuple[Persona, ...]
    group_id: int
    group_title: str


def add_page(app: web.Application, fake: FakeTelegram, chats: DemoChats) -> None:
    """Serve the page and its small JSON API next to the Bot API routes."""
    page = _Page(fake, chats)
    app.router.add_get("/", page.index)
    app.router.add_get("/static/{name}", page.static)
    app.router.add_get("/demo/setup", page.setup)
    app.router.add_get("/demo/chat/{chat}", page.chat)
    app.router.add_get("/demo/file/{file_id}", page.file)
    app.router.add_post("/demo/send", page.send)
    app.router.add_post("/demo/click", page.click)
    app.router.add_post("/demo/upload", page.upload)
    app.router.add_post("/demo/location", page.location)


class _Page:
    """Request handlers; every user action becomes an update on the stand-in server."""

    def __init__(self, fake: FakeTelegram, chats: DemoChats) -> None:
        self.fake = fake
        self.chats = chats
        self.users = {p.user_id: p for p in chats.personas}

    async def index(self, request: web.Request) -> web.Response:
        """The page itself."""
        return _asset("index.html")

    async def static(self, request: web.Request) -> web.Response:
        """Script and style, from the package."""
        name = request.match_info["name"]
        if name not in STATIC:
            raise web.HTTPNotFound()
        return _asset(name)

    async def setup(self, request: web.Request) -> web.Response:
        """Personas and the group, for the switcher."""
        return web.json_response({
            "personas": [asdict(p) for p in self.chats.personas],
            "group": {"id": self.chats.group_id, "title": self.chats.group_title},
            "bot": self.fake.bot_user["first_name"]})

    async def chat(self, request: web.Request) -> web.Response:
        """The chat's messages once the state moved past ``version`` (a long poll)."""
        chat_id = int(request.match_info["chat"])
        user_id = int(request.query.get("user", chat_id))
        version = await self.fake.wait_changed(int(request.query.get("version", -1)), WAIT)
        bot_id = self.fake.bot_user["id"]
        messages = [render(m, bot_id) for (chat, _), m in sorted(self.fake.messages.items())
                    if chat == chat_id]
        notes = [a for a in self.fake.answers if a["user_id"] == user_id and a["text"]]
        return web.json_response({"version": version, "messages": messages, "notes": notes})

    async def file(self, request: web.Request) -> web.Response:
        """A photo or document shown in the chat."""
        file_id = request.match_info["file_id"]
        info = self.fake.files.get(file_id)
        if info is None:
            raise web.HTTPNotFound()
        return web.Response(body=self.fake.file_content(file_id),
                            content_type=info.get("mime_type") or "application/octet-stream")

    async def send(self, request: web.Request) -> web.Response:
        """Typed text (or START's /start)."""
        body = await request.json()
        return self._done(lambda user, opts: self.fake.push_message(
            user, str(body["text"])[:4096], **opts), body)

    async def click(self, request: web.Request) -> web.Response:
        """An inline callback button pressed."""
        body = await request.json()
        chat = int(body["chat"])
        return self._done(lambda user, opts: self.fake.push_callback(
            user, int(body["message_id"]), str(body["data"]), chat_id=chat), body)

    async def location(self, request: web.Request) -> web.Response:
        """A shared location."""
        body = await request.json()
        return self._done(lambda user, opts: self.fake.push_location(
            user, float(body["latitude"]), float(body["longitude"]), **opts), body)

    async def upload(self, request: web.Request) -> web.Response:
        """A photo or a file from the attachment menu."""
        form = await request.post()
        upload = form.get("file")
        if not isinstance(upload, web.FileField):
            raise web.HTTPBadRequest(text="no file")
        content, name = upload.file.read(), upload.filename
        push: Callable[..., JSON] = (self.fake.push_photo if form.get("kind") == "photo"
                                     else self.fake.push_document)
        body = {"user": form.get("user"), "chat": form.get("chat")}
        return self._done(lambda user, opts: push(user, content, name, **opts), body)

    def _done(self, action: Callable[[int, dict[str, Any]], object], body: Any
              ) -> web.Response:
        """Run ``action`` as a known persona in the private chat or the group."""
        user = int(body.get("user") or 0)
        persona = self.users.get(user)
        if persona is None:
            raise web.HTTPForbidden(text="unknown persona")
        chat = int(body.get("chat") or user)
        opts: dict[str, Any] = {"first_name": persona.name, "language_code": "zh"}
        if chat == self.chats.group_id:
            opts.update(chat_id=chat, chat_type="group", title=self.chats.group_title)
        try:
            action(user, opts)
        except ValueError as exc:  # a button on a message that is gone
            raise web.HTTPConflict(text=str(exc)) from None
        return web.json_response({"ok": True})


def _asset(name: str) -> web.Response:
    """A file of static/ with its content type."""
    kind = {"html": "text/html", "js": "application/javascript", "css": "text/css"}
    data = resources.files("bot.demo").joinpath("static", name).read_bytes()
    return web.Response(body=data, content_type=kind[name.rsplit(".", 1)[1]], charset="utf-8")


def render(message: JSON, bot_id: int) -> JSON:
    """What the page draws for one stored message."""
    text = message.get("text") or message.get("caption") or ""
    entities = message.get("entities") or message.get("caption_entities") or []
    photo = message.get("photo")
    document = message.get("document")
    return {
        "id": message["message_id"], "mine": message.get("from", {}).get("id") != bot_id,
        "sender": message.get("from", {}).get("first_name", ""),
        "html": to_html(text, entities), "edited": "edit_date" in message,
        "photo": photo[-1]["file_id"] if photo else None,
        "document": {"id": document["file_id"], "name": document.get("file_name", "file")}
        if document else None,
        "location": message.get("location"),
        "buttons": [[_button(b) for b in row]
                    for row in message.get("reply_markup", {}).get("inline_keyboard", [])],
    }


def _button(button: JSON) -> JSON:
    """A button's kind and payload: callback data, a URL or text to copy."""
    for kind, value in (("callback", button.get("callback_data")), ("url", button.get("url")),
                        ("copy", (button.get("copy_text") or {}).get("text"))):
        if value is not None:
            return {"text": button["text"], "kind": kind, "value": value}
    return {"text": button["text"], "kind": "other", "value": ""}


def to_html(text: str, entities: list[JSON]) -> str:
    """Telegram text + entities (UTF-16 offsets) as safe HTML for the page."""
    units = text.encode("utf-16-le")
    size = len(units) // 2
    marks: dict[int, list[tuple[tuple[int, int], str]]] = {}
    for order, e in enumerate(sorted(entities, key=lambda e: (e["offset"], -e["length"]))):
        opening, closing = _tags(e)
        marks.setdefault(e["offset"], []).append(((1, order), opening))
        marks.setdefault(e["offset"] + e["length"], []).append(((0, -order), closing))
    out: list[str] = []
    cuts = sorted({0, size, *marks})
    for a, b in itertools.pairwise(cuts):
        out.extend(tag for _, tag in sorted(marks.get(a, [])))
        out.append(html.escape(units[2 * a:2 * b].decode("utf-16-le", "replace")))
    out.extend(tag for _, tag in sorted(marks.get(cuts[-1], [])))
    return "".join(out).replace("\n", "<br>")


def _tags(entity: JSON) -> tuple[str, str]:
    """Opening and closing HTML for an entity the page can show."""
    kind = entity["type"]
    if kind == "text_link":
        url = html.escape(entity.get("url", ""), quote=True)
        return f'<a href="{url}" target="_blank" rel="noopener">', "</a>"
    if kind == "spoiler":
        return '<span class="spoiler">', "</span>"
    tag = TAGS.get(kind)
    return (f"<{tag}>", f"</{tag}>") if tag else ("", "")


async def serve(fake: FakeTelegram, chats: DemoChats,
                run: Callable[[str], Awaitable[None]]) -> None:
    """Start the stand-in with the page on it, run the bot against it, stop on the way out."""
    app = fake.application()
    add_page(app, fake, chats)
    await fake.start(app)
    lead = next(p.user_id for p in chats.personas if p.role == "manager")
    fake.push_bot_added(chats.group_id, lead, title=chats.group_title)
    try:
        await run(fake.base_url)
    finally:
        await fake.stop()
