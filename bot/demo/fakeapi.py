"""A stand-in Telegram Bot API server (aiohttp) for end-to-end and sender tests.

Faithful where aiogram and our code can notice: the URL scheme (``/bot{token}/{method}`` and
``/file/bot{token}/{path}``), JSON/form/multipart bodies, long polling with offsets and
allowed_updates, Telegram-shaped errors (400/401/403/404/409/429/5xx), HTML parse mode with
UTF-16 entity offsets, inline keyboards, callback queries that must be answered once, files.
Chats must be known (a user pushed a message, or ``add_user``) like on the real server.
Every request except getUpdates is recorded in ``FakeTelegram.calls``.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import inspect
import itertools
import json
import math
import mimetypes
import re
import secrets
import struct
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Self, TypeVar

from aiohttp import web

from bot.demo.spec import Spec, bundled_spec

JSON = dict[str, Any]
T = TypeVar("T")

DEFAULT_TOKEN = "123456789:AAFakeTokenForXunkeTests_0123456789ab"

_INT = re.compile(r"-?\d{1,19}")
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")
_BOT_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_CHARREF = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_ATTR = re.compile(r"""([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_PNG = b"\x89PNG\r\n\x1a\n"

# Parameters that stay strings even when they look like numbers, booleans or JSON.
_TEXT_KEYS = frozenset(
    {
        "text", "caption", "data", "query", "title", "description", "short_description",
        "name", "callback_query_id", "inline_message_id", "language_code", "parse_mode",
        "url", "action", "emoji", "file_id", "photo", "document", "video", "audio",
        "animation", "voice", "sticker", "thumbnail", "first_name", "last_name",
        "phone_number", "address", "secret_token", "message_effect_id",
        "business_connection_id", "custom_title",
    }
)  # fmt: skip
_NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_RATE_LIMITED = frozenset(
    {"sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"}
)
_STATUS_TEXT = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_BLOCKED = {
    "private": "Forbidden: bot was blocked by the user",
    "group": "Forbidden: bot was kicked from the group chat",
    "supergroup": "Forbidden: bot was kicked from the supergroup chat",
    "channel": "Forbidden: bot is not a member of the channel chat",
}
_HTML_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "a": "text_link", "code": "code", "pre": "pre",
    "tg-spoiler": "spoiler", "span": "spoiler", "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}  # fmt: skip
_CHAR_NAMES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup of "
    "the new message are exactly the same as a current content and reply markup of the message"
)
_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
_QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
_GIFT_KEYS = (
    "unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription",
    "gifts_from_channels",
)  # fmt: skip
_MEDIA_KEYS = ("photo", "document", "video", "animation", "audio")


class ApiError(Exception):
    """A Telegram-shaped failure: HTTP status, description and optional parameters."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        """The JSON body Telegram would answer with."""
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad(description: str) -> ApiError:
    """A 400 Bad Request with Telegram's prefix."""
    return ApiError(400, f"Bad Request: {description}")


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass
class Call:
    """One request the bot made: method, decoded params, uploads, and what the fake answered."""

    method: str
    params: JSON
    files: dict[str, Upload] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)
    status: int = 0
    result: Any = None
    description: str = ""

    @property
    def ok(self) -> bool:
        """Whether the fake answered 200 (the call took effect)."""
        return self.status == 200

    @property
    def message(self) -> JSON | None:
        """The Message returned by a successful send or edit, else None."""
        return (
            self.result if isinstance(self.result, dict) and "message_id" in self.result else None
        )

    @property
    def chat_id(self) -> Any:
        """The chat the call targeted."""
        msg = self.message
        return msg["chat"]["id"] if msg else self.params.get("chat_id")

    @property
    def text(self) -> str:
        """Visible text (or caption) of the resulting message, else the raw text param."""
        source = self.message or self.params
        return str(source.get("text") or source.get("caption") or "")


@dataclass
class Limits:
    """Telegram's broadcast limits; set ``FakeTelegram.limits`` to answer 429 when exceeded."""

    per_second: int = 30
    per_chat_per_second: int = 1
    per_group_per_minute: int = 20


@dataclass
class _Script:
    """A scripted answer for the next call of a method."""

    status: int = 0
    description: str = ""
    parameters: JSON | None = None
    body: str | None = None
    delay: float = 0.0


@dataclass
class _Request:
    """Decoded parameters and uploads handed to a method implementation."""

    params: JSON
    files: dict[str, Upload] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        """A parameter or ``default``."""
        return self.params.get(key, default)

    def number(self, key: str) -> int:
        """A required integer parameter."""
        value = self.params.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(f"{key} is empty" if value is None else f"invalid {key} specified")
        return value


Handler = Callable[[_Request], Any]


class FakeTelegram:
    """In-process stand-in for api.telegram.org: one bot token, all state in memory."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        username: str = "xunke_test_bot",
        *,
        first_name: str = "Xunke Test",
        host: str = "127.0.0.1",
        port: int = 0,
        spec: Spec | None = None,
        check_spec: bool = True,
    ) -> None:
        self.token, self.host, self.port = token, host, port
        self.spec = (spec or bundled_spec()) if check_spec else None
        self.bot_user: JSON = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.calls: list[Call] = []
        self.errors: list[BaseException] = []
        self.refused: list[Call] = []  # calls the Bot API spec does not allow
        self.answers: list[JSON] = []  # answered callback queries: user_id, text, show_alert
        self.version = 0  # grows on every state change (the demo page waits for it)
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.messages: dict[tuple[int, int], JSON] = {}
        self.files: dict[str, JSON] = {}
        self.limits: Limits | None = None
        self._init_state()

    def _init_state(self) -> None:
        """Private bookkeeping: users, chats, queues, scripts, wake-ups."""
        self._users: dict[int, JSON] = {}
        self._chats: dict[int, JSON] = {}
        self._blocked: dict[int, str] = {}
        self._contents: dict[str, bytes] = {}
        self._paths: dict[str, str] = {}
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(100001)
        self._query_ids = itertools.count(4_000_000_000_000_000_001)
        self._open_queries: set[str] = set()
        self._query_users: dict[str, int] = {}
        self._last_message_id: dict[int, int] = defaultdict(int)
        self._scripts: dict[str, deque[_Script]] = defaultdict(deque)
        self._send_times: dict[object, deque[float]] = defaultdict(deque)
        self._allowed: frozenset[str] | None = None
        self._poll_generation = 0
        self._waiting_polls = 0
        self._tick = asyncio.Event()
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._handlers = self._method_table()

    # ----------------------------------------------------------------- lifecycle

    def application(self) -> web.Application:
        """The aiohttp app serving the Bot API routes (the demo adds its page to it)."""
        app = web.Application(client_max_size=64 * 2**20)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        return app

    async def start(self, app: web.Application | None = None) -> None:
        """Listen on ``host``:``port`` (0 picks a free port; ``port`` then holds it)."""
        app = app or self.application()
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Release pending long polls and delays, then close the listener."""
        self._closing.set()
        self._changed()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """What to put in ``bot.api_base_url`` / ``TelegramAPIServer.from_base``."""
        return f"http://{self.host}:{self.port}"

    @property
    def sent(self) -> list[Call]:
        """Recorded calls that succeeded (took effect), in order."""
        return [call for call in self.calls if call.ok]

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates offset."""
        return list(self._updates)

    # ------------------------------------------------------------ user side

    def add_user(self, user_id: int, **fields: Any) -> JSON:
        """Register a user who has started the bot (first_name, username, language_code...)."""
        return self._user(user_id, private=True, **fields)

    def push_update(self, kind: str, payload: JSON) -> int:
        """Enqueue a raw update; like Telegram, dropped if the bot's allowed_updates exclude it."""
        update_id = next(self._update_ids)
        if self._is_allowed(kind):
            self._updates.append({"update_id": update_id, kind: payload})
            self._changed()
        return update_id

    def push_message(
        self,
        user_id: int,
        text: str | None = None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        title: str | None = None,
        extra: JSON | None = None,
        **user: Any,
    ) -> JSON:
        """Enqueue a message from a user (``user``: first_name, language_code...); return it."""
        sender = self._user(user_id, private=chat_type == "private", **user)
        chat = (
            self._chats[user_id]
            if chat_type == "private"
            else self._group(chat_id, chat_type, title)
        )
        content: JSON = {"text": text, "entities": _command_entities(text)} if text else {}
        message = self._store(chat, sender, {**content, **(extra or {})})
        self.push_update("message", message)
        return message

    def push_document(
        self,
        user_id: int,
        content: bytes,
        file_name: str,
        *,
        caption: str | None = None,
        mime_type: str | None = None,
        **options: Any,
    ) -> JSON:
        """Enqueue a message carrying a document (options as for ``push_message``); return it."""
        kind = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        info = self._save_file(Upload(file_name, content, kind), "documents")
        extra = _clean({"document": _document(info), "caption": caption})
        return self.push_message(user_id, extra=extra, **options)

    def push_photo(self, user_id: int, content: bytes, file_name: str, *,
                   caption: str | None = None, **options: Any) -> JSON:
        """Enqueue a message carrying a photo (options as for ``push_message``); return it."""
        info = self._save_file(Upload(file_name, content, "image/png"), "photos")
        extra = _clean({"photo": _photo(info, content), "caption": caption})
        return self.push_message(user_id, extra=extra, **options)

    def push_location(self, user_id: int, latitude: float, longitude: float,
                      **options: Any) -> JSON:
        """Enqueue a message carrying a location; return it."""
        location = {"latitude": latitude, "longitude": longitude}
        return self.push_message(user_id, extra={"location": location}, **options)

    def push_callback(
        self, user_id: int, message: JSON | Call | Any, data: str, *, chat_id: int | None = None
    ) -> str:
        """Press the inline button with callback ``data`` on a bot message; return the query id."""
        msg = self._find_message(message, user_id if chat_id is None else chat_id)
        if data not in [b.get("callback_data") for b in _buttons(msg)]:
            raise ValueError(f"no button with callback_data {data!r}: {_buttons(msg)}")
        return self._push_query(user_id, msg, data)

    def push_click(
        self, user_id: int, message: JSON | Call | Any, button: str, *, chat_id: int | None = None
    ) -> str:
        """Press the inline button whose text is (or uniquely contains) ``button``."""
        msg = self._find_message(message, user_id if chat_id is None else chat_id)
        return self._push_query(user_id, msg, _button_data(msg, button))

    def push_bot_added(
        self, chat_id: int, user_id: int, *, title: str | None = None, chat_type: str = "group"
    ) -> int:
        """Enqueue a my_chat_member update: ``user_id`` added the bot to a group."""
        self._blocked.pop(chat_id, None)
        member = {"status": "member", "user": self.bot_user}
        update = {
            "chat": self._group(chat_id, chat_type, title),
            "from": self._user(user_id, private=False),
            "date": int(time.time()),
            "old_chat_member": {"status": "left", "user": self.bot_user},
            "new_chat_member": member,
        }
        return self.push_update("my_chat_member", update)

    def block(self, chat_id: int, description: str | None = None) -> None:
        """From now on calls aimed at ``chat_id`` get 403 (blocked by the user / kicked)."""
        chat_type = self._chats.get(chat_id, {}).get("type", "private")
        self._blocked[chat_id] = description or _BLOCKED[chat_type]

    def unblock(self, chat_id: int) -> None:
        """Undo ``block``."""
        self._blocked.pop(chat_id, None)

    # ------------------------------------------------------------ inspection

    def last_message(self, chat_id: int, *, from_bot: bool = True) -> JSON:
        """Current state of the newest surviving message in a chat (the bot's by default)."""
        bot_id = self.bot_user["id"]
        found = [
            msg
            for (chat, _), msg in sorted(self.messages.items())
            if chat == chat_id and (msg.get("from", {}).get("id") == bot_id) == from_bot
        ]
        if not found:
            raise LookupError(f"no {'bot' if from_bot else 'user'} message in chat {chat_id}")
        return found[-1]

    def file_content(self, file_id: str) -> bytes:
        """Bytes of a file the bot uploaded or a user sent."""
        return self._contents[file_id]

    def commands_for(self, language_code: str = "", scope: str = "default") -> list[str]:
        """Command names set for a language and scope key ("default", "chat:42", ...)."""
        return [c["command"] for c in self.commands.get((scope, language_code), [])]

    def describe(self, last: int = 20) -> str:
        """Recent calls, one per line, for assertion messages."""
        rows = [f"{c.method} {c.status} chat={c.chat_id} {c.text[:60]!r}" for c in self.calls]
        return "\n".join(rows[-last:]) or "(no calls)"

    # ------------------------------------------------------------ fault injection

    def fail_next(
        self,
        method: str,
        status: int,
        description: str | None = None,
        *,
        retry_after: int | None = None,
        parameters: JSON | None = None,
        body: str | None = None,
        times: int = 1,
    ) -> None:
        """Fail the next ``times`` calls of ``method`` ("*": any but getUpdates); ``body``: raw."""
        if status == 429 and retry_after is None:
            retry_after = 1
        params = {**(parameters or {}), **({"retry_after": retry_after} if retry_after else {})}
        text = description or _default_description(status, retry_after)
        for _ in range(times):
            self._scripts[method.lower()].append(_Script(status, text, params or None, body))

    def delay_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Hold the next ``times`` calls of ``method`` for ``seconds``, then answer normally."""
        for _ in range(times):
            self._scripts[method.lower()].append(_Script(delay=seconds))

    # ------------------------------------------------------------ waiting

    async def wait_for(
        self,
        predicate: Callable[[Call], bool],
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        since: int = 0,
    ) -> Call:
        """The first recorded call from index ``since`` matching ``predicate``, in ``timeout``."""

        def check() -> Call | None:
            return next((call for call in self.calls[since:] if predicate(call)), None)

        found = await self._wait_until(check, timeout)
        if found is None:
            raise AssertionError(f"no matching call within {timeout}s; calls:\n{self.describe()}")
        return found

    async def wait_for_text(
        self,
        chat_id: int,
        contains: str = "",
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        since: int = 0,
    ) -> Call:
        """A successful send or edit in ``chat_id`` whose visible text contains ``contains``."""

        def matches(call: Call) -> bool:
            return call.message is not None and call.chat_id == chat_id and contains in call.text

        return await self.wait_for(matches, timeout, since=since)

    async def wait_for_poll(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until a getUpdates long poll is pending on the server."""
        if await self._wait_until(lambda: self._waiting_polls > 0 or None, timeout) is None:
            raise AssertionError(f"no getUpdates long poll within {timeout}s")

    async def wait_changed(self, version: int, timeout: float) -> int:  # noqa: ASYNC109
        """Wait until the state moved past ``version`` (or time ran out); the current version."""
        await self._wait_until(lambda: self.version if self.version != version else None, timeout)
        return self.version

    async def _wait_until(self, check: Callable[[], T | None], timeout: float) -> T | None:  # noqa: ASYNC109
        """Re-run ``check`` on every state change until it returns non-None or time runs out."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (found := check()) is None:
            remaining = deadline - loop.time()
            if remaining <= 0 or self._closing.is_set():
                return None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._tick.wait(), remaining)
        return found

    def _changed(self) -> None:
        """Wake everyone waiting for a state change."""
        self.version += 1
        tick, self._tick = self._tick, asyncio.Event()
        tick.set()

    # ------------------------------------------------------------ HTTP plumbing

    async def _handle(self, request: web.Request) -> web.Response:
        """Serve ``/bot{token}/{method}``: authenticate, decode, answer, record."""
        if request.match_info["token"] != self.token:
            return _reply(ApiError(401, "Unauthorized").payload(), 401)
        name = self._canonical(request.match_info["method"])
        try:
            params, files = await _read_params(request)
        except ApiError as exc:
            return _reply(exc.payload(), exc.status)
        call = Call(name, params, files)
        response = await self._respond(call)
        if name != "getUpdates":
            self.calls.append(call)
            self._changed()
        return response

    async def _respond(self, call: Call) -> web.Response:
        """Refuse what the spec does not allow, apply a scripted fault or delay, run the method."""
        refusal = self._spec_refusal(call)
        if refusal is not None:
            self.refused.append(call)
            call.status, call.description = refusal.status, refusal.description
            return _reply(refusal.payload(), refusal.status)
        script = self._next_script(call.method)
        if script is not None and script.delay:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), script.delay)
        if script is not None and script.status:
            return _scripted(call, script)
        try:
            call.result = await self._execute(call)
        except ApiError as exc:
            call.status, call.description = exc.status, exc.description
            return _reply(exc.payload(), exc.status)
        except Exception as exc:  # a bug in the fake itself: keep it visible to tests
            self.errors.append(exc)
            call.status, call.description = 500, f"Internal Server Error: {exc!r}"
            return _reply(ApiError(500, call.description).payload(), 500)
        call.status = 200
        return _reply({"ok": True, "result": call.result}, 200)

    def _spec_refusal(self, call: Call) -> ApiError | None:
        """A 404 for a method the Bot API lacks, a 400 for parameters it does not allow."""
        if self.spec is None:
            return None
        if self.spec.method_name(call.method) is None:
            return ApiError(404, "Not Found")
        problem = self.spec.problem(call.method, call.params, call.files)
        return _bad(f"{problem} ({self.spec.version} spec)") if problem else None

    async def _execute(self, call: Call) -> Any:
        """Dispatch to the method implementation after chat-level checks."""
        entry = self._handlers.get(call.method.lower())
        if entry is None:
            raise ApiError(404, "Not Found")
        chat_id = call.params.get("chat_id")
        if chat_id in self._blocked and call.method != "getChat":
            raise ApiError(403, self._blocked[chat_id])
        if self.limits is not None and call.method in _RATE_LIMITED:
            self._throttle(chat_id, call.at)
        result = entry[1](_Request(call.params, call.files))
        return await result if inspect.isawaitable(result) else result

    async def _download(self, request: web.Request) -> web.Response:
        """Serve ``/file/bot{token}/{path}`` for getFile paths."""
        if request.match_info["token"] != self.token:
            return _reply(ApiError(401, "Unauthorized").payload(), 401)
        file_id = self._paths.get(request.match_info["path"])
        if file_id is None:
            return _reply(ApiError(404, "Not Found").payload(), 404)
        return web.Response(body=self._contents[file_id])

    def _canonical(self, method: str) -> str:
        """Telegram method names are case-insensitive; record the documented spelling."""
        entry = self._handlers.get(method.lower())
        return entry[0] if entry else method

    def _next_script(self, method: str) -> _Script | None:
        """Pop the scripted answer for this method (or for "*", which skips getUpdates)."""
        queue = self._scripts.get(method.lower())
        if not queue and method != "getUpdates":
            queue = self._scripts.get("*")
        return queue.popleft() if queue else None

    def _throttle(self, chat_id: Any, now: float) -> None:
        """Answer 429 when a send would exceed ``limits``; else count it."""
        windows = self._windows(chat_id)
        wait = max(_window_wait(times, span, cap, now) for times, span, cap in windows)
        if wait > 0:
            retry = math.ceil(wait)
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        for times, _, _ in windows:
            times.append(now)

    def _windows(self, chat_id: Any) -> list[tuple[deque[float], float, int]]:
        """Sliding windows (timestamps, span, cap) that apply to a send to ``chat_id``."""
        limits = self.limits or Limits()
        windows = [
            (self._send_times["*"], 1.0, limits.per_second),
            (self._send_times[chat_id], 1.0, limits.per_chat_per_second),
        ]
        if self._chats.get(chat_id, {}).get("type") in ("group", "supergroup"):
            windows.append(
                (self._send_times[("group", chat_id)], 60.0, limits.per_group_per_minute)
            )
        return windows

    # ------------------------------------------------------------ state helpers

    def _user(self, user_id: int, *, private: bool, **fields: Any) -> JSON:
        """Create or update a user; ``private`` also opens their private chat with the bot."""
        base = self._users.get(user_id) or {
            "id": user_id,
            "is_bot": False,
            "first_name": "Tester",
            "language_code": "en",
        }
        user = _clean({**base, **fields})
        self._users[user_id] = user
        if private:
            names = _pick(user, ("first_name", "last_name", "username"))
            self._chats[user_id] = {"id": user_id, "type": "private", **names}
        return user

    def _group(self, chat_id: int | None, chat_type: str, title: str | None) -> JSON:
        """Create or update a group/supergroup/channel chat."""
        if chat_id is None:
            raise ValueError(f"chat_id is required for a {chat_type} chat")
        chat = self._chats.get(chat_id) or {"id": chat_id, "type": chat_type}
        chat = {**chat, "title": title or chat.get("title") or f"Group {abs(chat_id)}"}
        self._chats[chat_id] = chat
        return chat

    def _store(self, chat: JSON, sender: JSON, content: JSON) -> JSON:
        """Give a message the chat's next id and remember it."""
        chat_id = chat["id"]
        self._last_message_id[chat_id] += 1
        head = {"message_id": self._last_message_id[chat_id], "from": sender, "chat": chat}
        message = _clean({**head, "date": int(time.time()), **content})
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def _find_message(self, message: JSON | Call | Any, chat_id: int) -> JSON:
        """Current state of a message given as JSON, aiogram Message, Call or id in ``chat_id``."""
        if isinstance(message, Call):
            message = message.message or {}
        if isinstance(message, dict):
            key = (message["chat"]["id"], message["message_id"])
        elif hasattr(message, "message_id"):  # an aiogram Message
            key = (message.chat.id, message.message_id)
        else:
            key = (chat_id, message)
        found = self.messages.get(key)
        if found is None:
            raise ValueError(f"message {key} does not exist (deleted, or not sent?)")
        return found

    def _push_query(self, user_id: int, message: JSON, data: str) -> str:
        """Enqueue a callback_query for ``message``; it stays open until answered."""
        query_id = str(next(self._query_ids))
        self._open_queries.add(query_id)
        self._query_users[query_id] = user_id
        query = {
            "id": query_id,
            "from": self._user(user_id, private=False),
            "message": message,
            "chat_instance": f"{message['chat']['id'] * 31 + 7}",
            "data": data,
        }
        self.push_update("callback_query", query)
        return query_id

    def _is_allowed(self, kind: str) -> bool:
        """Whether the bot's current allowed_updates let this update type through."""
        return kind in self._allowed if self._allowed else kind not in _NOT_BY_DEFAULT

    def _target_chat(self, req: _Request) -> JSON:
        """The chat a method aims at, with Telegram's errors for unknown ones."""
        chat_id = req.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is not None:
            return chat
        if chat_id in self._users:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        raise _bad("chat not found")

    def _save_file(self, upload: Upload, folder: str) -> JSON:
        """Keep an uploaded file; return its full record (file_id, path, name, type, size)."""
        number = len(self.files) + 1
        file_id = f"BQAC{number:06d}{secrets.token_hex(8)}"
        info: JSON = {
            "file_id": file_id,
            "file_unique_id": f"AgAD{number:06d}",
            "file_size": len(upload.content),
            "file_path": f"{folder}/file_{number}{PurePosixPath(upload.filename).suffix}",
            "file_name": upload.filename,
            "mime_type": mimetypes.guess_type(upload.filename)[0] or upload.content_type,
        }
        self.files[file_id] = info
        self._contents[file_id] = upload.content
        self._paths[info["file_path"]] = file_id
        return info

    def _photo(self, info: JSON) -> list[JSON]:
        """PhotoSize array for a stored image."""
        return _photo(info, self._contents[info["file_id"]])

    def _input_file(self, req: _Request, key: str, folder: str) -> JSON:
        """Resolve an InputFile parameter: attach://, direct upload, known file_id or URL."""
        value = req.get(key)
        upload = _upload_for(req, key, value)
        if upload is not None:
            return self._save_file(upload, folder)
        if isinstance(value, str) and value in self.files:
            return self.files[value]
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            name = value.rstrip("/").rsplit("/", 1)[-1] or "file"
            return self._save_file(Upload(name, b""), folder)
        if value is None:
            raise _bad(f"there is no {key} in the request")
        raise _bad("wrong file identifier/HTTP URL specified")

    # ------------------------------------------------------------ Bot API methods

    def _method_table(self) -> dict[str, tuple[str, Handler]]:
        """Implemented methods, keyed by lower-case name."""
        table: dict[str, Handler] = {
            "getMe": lambda req: self.bot_user,
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._webhook_info,
            "logOut": _true,
            "close": _true,
            "setMyDescription": _true,
            "setMyShortDescription": _true,
            "setMyName": _true,
            "setChatMenuButton": _true,
            "setMyCommands": self._set_commands,
            "getMyCommands": self._get_commands,
            "deleteMyCommands": self._delete_commands,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "sendChatAction": lambda req: bool(self._target_chat(req)),
            "editMessageText": lambda req: self._edit(req, self._text_changes),
            "editMessageCaption": lambda req: self._edit(req, self._caption_changes),
            "editMessageReplyMarkup": lambda req: self._edit(req, lambda req, old: {}),
            "editMessageMedia": lambda req: self._edit(req, self._media_changes),
            "deleteMessage": self._delete_message,
            "deleteMessages": self._delete_messages,
            "answerCallbackQuery": self._answer_callback,
            "getChat": self._get_chat,
            "getFile": self._get_file,
        }
        return {name.lower(): (name, handler) for name, handler in table.items()}

    async def _get_updates(self, req: _Request) -> list[JSON]:
        """Long polling: confirm by offset, then wait up to ``timeout`` for updates."""
        self._confirm(req.get("offset"))
        allowed = req.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed = frozenset(allowed) or None
        limit = min(max(int(req.get("limit") or 100), 1), 100)
        self._poll_generation += 1
        generation = self._poll_generation
        self._waiting_polls += 1
        self._changed()
        try:
            found = await self._wait_until(
                lambda: self._poll(generation, limit), float(req.get("timeout") or 0)
            )
        finally:
            self._waiting_polls -= 1
        return found or []

    def _poll(self, generation: int, limit: int) -> list[JSON] | None:
        """Updates ready for a waiting getUpdates; 409 once a newer getUpdates arrived."""
        if generation != self._poll_generation:
            raise ApiError(409, _CONFLICT)
        return self._updates[:limit] or None

    def _confirm(self, offset: Any) -> None:
        """Forget updates below ``offset`` (negative: keep only the last -offset ones)."""
        if isinstance(offset, bool) or not isinstance(offset, int) or offset == 0:
            return
        if offset < 0:
            self._updates = self._updates[offset:]
        else:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

    def _delete_webhook(self, req: _Request) -> bool:
        """No webhook is ever set; optionally drop pending updates."""
        if req.get("drop_pending_updates") is True:
            self._updates.clear()
        return True

    def _webhook_info(self, req: _Request) -> JSON:
        """An empty WebhookInfo, as when polling."""
        return {
            "url": "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _set_commands(self, req: _Request) -> bool:
        """Store commands per (scope, language_code); an empty list deletes them."""
        commands = req.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad('parameter "commands" is required')
        for command in commands:
            _check_command(command)
        key = _commands_key(req)
        if commands:
            self.commands[key] = commands
        else:
            self.commands.pop(key, None)
        return True

    def _get_commands(self, req: _Request) -> list[JSON]:
        """Commands stored for exactly this scope and language."""
        return self.commands.get(_commands_key(req), [])

    def _delete_commands(self, req: _Request) -> bool:
        """Forget the commands of a scope and language."""
        self.commands.pop(_commands_key(req), None)
        return True

    def _send_message(self, req: _Request) -> JSON:
        """sendMessage with parse_mode, entities, inline keyboards and replies."""
        chat = self._target_chat(req)
        text, entities = _formatted(req, "text", "entities", 4096, "message is too long")
        if not text:
            raise _bad("message text is empty")
        return self._bot_message(req, chat, {"text": text, "entities": entities})

    def _send_photo(self, req: _Request) -> JSON:
        """sendPhoto from an upload, a known file_id or a URL."""
        chat = self._target_chat(req)
        info = self._input_file(req, "photo", "photos")
        return self._bot_message(req, chat, {"photo": self._photo(info), **_caption(req)})

    def _send_document(self, req: _Request) -> JSON:
        """sendDocument from an upload, a known file_id or a URL."""
        chat = self._target_chat(req)
        info = self._input_file(req, "document", "documents")
        return self._bot_message(req, chat, {"document": _document(info), **_caption(req)})

    def _bot_message(self, req: _Request, chat: JSON, content: JSON) -> JSON:
        """Store a message from the bot with its inline keyboard and replied-to message."""
        markup = _inline_markup(req.get("reply_markup"))
        reply = self._reply_target(req, chat["id"])
        return self._store(chat, self.bot_user, {**content, "reply_markup": markup, **reply})

    def _reply_target(self, req: _Request, chat_id: int) -> JSON:
        """``reply_to_message`` for reply_parameters / reply_to_message_id, if any."""
        params = req.get("reply_parameters")
        target = params.get("message_id") if isinstance(params, dict) else None
        target = target or req.get("reply_to_message_id")
        if target is None:
            return {}
        message = self.messages.get((chat_id, target))
        if message is None:
            raise _bad("message to be replied not found")
        return {"reply_to_message": {k: v for k, v in message.items() if k != "reply_to_message"}}

    def _edit(self, req: _Request, changes: Callable[[_Request, JSON], JSON]) -> JSON | bool:
        """Apply an edit; Telegram's errors for missing, foreign or unmodified messages."""
        if req.get("inline_message_id"):
            return True
        key = (self._target_chat(req)["id"], req.number("message_id"))
        old = self.messages.get(key)
        if old is None:
            raise _bad("message to edit not found")
        if old.get("from", {}).get("id") != self.bot_user["id"]:
            raise _bad("message can't be edited")
        new = {**changes(req, old), "reply_markup": _inline_markup(req.get("reply_markup"))}
        new = {k: v or None for k, v in new.items()}
        if all(old.get(k) == v for k, v in new.items()):
            raise ApiError(400, _NOT_MODIFIED)
        message = _clean({**old, **new, "edit_date": int(time.time())})
        self.messages[key] = message
        return message

    def _text_changes(self, req: _Request, old: JSON) -> JSON:
        """New text and entities for editMessageText."""
        if "text" not in old:
            raise _bad("there is no text in the message to edit")
        text, entities = _formatted(req, "text", "entities", 4096, "message is too long")
        if not text:
            raise _bad("message text is empty")
        return {"text": text, "entities": entities}

    def _caption_changes(self, req: _Request, old: JSON) -> JSON:
        """New caption for editMessageCaption."""
        if "text" in old:
            raise _bad("there is no caption in the message to edit")
        return {"caption": None, "caption_entities": None, **_caption(req)}

    def _media_changes(self, req: _Request, old: JSON) -> JSON:
        """New photo or document (and caption) for editMessageMedia."""
        media = req.get("media")
        if "text" in old or not isinstance(media, dict):
            raise _bad("there is no media in the message to edit")
        kind = media.get("type")
        if kind not in ("photo", "document"):
            raise _bad(f"media type {kind!r} is not supported by the fake")
        sub = _Request(media, req.files)
        info = self._input_file(sub, "media", f"{kind}s")
        content = dict.fromkeys(_MEDIA_KEYS)
        content[kind] = self._photo(info) if kind == "photo" else _document(info)
        return {**content, "caption": None, "caption_entities": None, **_caption(sub)}

    def _delete_message(self, req: _Request) -> bool:
        """deleteMessage; 400 when it is already gone."""
        key = (self._target_chat(req)["id"], req.number("message_id"))
        if self.messages.pop(key, None) is None:
            raise _bad("message to delete not found")
        return True

    def _delete_messages(self, req: _Request) -> bool:
        """deleteMessages: silently skips missing ones, like Telegram."""
        chat_id = self._target_chat(req)["id"]
        for message_id in req.get("message_ids") or []:
            self.messages.pop((chat_id, message_id), None)
        return True

    def _answer_callback(self, req: _Request) -> bool:
        """Each callback query can be answered once."""
        query_id = str(req.get("callback_query_id"))
        if query_id not in self._open_queries:
            raise _bad(_QUERY_TOO_OLD)
        self._open_queries.discard(query_id)
        self.answers.append({"user_id": self._query_users.pop(query_id, None),
                             "text": req.get("text") or "",
                             "show_alert": bool(req.get("show_alert"))})
        return True

    def _get_chat(self, req: _Request) -> JSON:
        """A ChatFullInfo for a known chat."""
        chat = self._target_chat(req)
        gifts = dict.fromkeys(_GIFT_KEYS, False)
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": gifts,
        }

    def _get_file(self, req: _Request) -> JSON:
        """A File with a path served under /file/bot{token}/."""
        info = self.files.get(str(req.get("file_id")))
        if info is None:
            raise _bad("invalid file_id")
        return _pick(info, ("file_id", "file_unique_id", "file_size", "file_path"))


# ---------------------------------------------------------------- module helpers


def _true(req: _Request) -> bool:
    """Methods that simply succeed."""
    return True


def _reply(payload: JSON, status: int) -> web.Response:
    """A JSON response."""
    return web.json_response(payload, status=status)


def _scripted(call: Call, script: _Script) -> web.Response:
    """Answer with a scripted fault and record it on the call."""
    call.status, call.description = script.status, script.description
    if script.body is not None:
        return web.Response(text=script.body, status=script.status, content_type="text/html")
    error = ApiError(script.status, script.description, script.parameters)
    return _reply(error.payload(), script.status)


def _default_description(status: int, retry_after: int | None) -> str:
    """Telegram's usual description for a status code."""
    if status == 429:
        return f"Too Many Requests: retry after {retry_after}"
    return _STATUS_TEXT.get(status, "Internal Server Error" if status >= 500 else "Error")


def _window_wait(times: deque[float], span: float, cap: int, now: float) -> float:
    """Seconds until one more event fits in a sliding window."""
    while times and times[0] <= now - span:
        times.popleft()
    return times[0] + span - now if len(times) >= cap else 0.0


async def _read_params(request: web.Request) -> tuple[JSON, dict[str, Upload]]:
    """Query string plus a JSON, form-urlencoded or multipart body, values coerced."""
    raw: JSON = dict(request.query)
    files: dict[str, Upload] = {}
    if request.content_type == "application/json":
        raw.update(await _json_body(request))
    elif request.body_exists:
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[key] = Upload(value.filename, value.file.read(), value.content_type)
            else:
                raw[key] = value.decode() if isinstance(value, bytes) else value
    return {key: _coerce(key, value) for key, value in raw.items()}, files


async def _json_body(request: web.Request) -> JSON:
    """A JSON object body (empty when there is none)."""
    if not request.body_exists:
        return {}
    try:
        body = await request.json()
    except ValueError as exc:
        raise _bad("can't parse JSON") from exc
    if not isinstance(body, dict):
        raise _bad("request body must be a JSON object")
    return body


def _coerce(key: str, value: Any) -> Any:
    """Telegram accepts every parameter as a string: decode ints, booleans and JSON."""
    if not isinstance(value, str) or key in _TEXT_KEYS:
        return value
    if value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if value in ("true", "false"):
        return value == "true"
    return int(value) if _INT.fullmatch(value) else value


def _clean(data: JSON) -> JSON:
    """Drop absent (None) and empty-list fields, as Telegram omits them."""
    return {k: v for k, v in data.items() if v is not None and v != []}


def _pick(data: JSON, keys: Iterable[str]) -> JSON:
    """The given keys that are present."""
    return {k: data[k] for k in keys if k in data}


def _u16(text: str) -> int:
    """Length in UTF-16 code units (Telegram's entity unit)."""
    return len(text.encode("utf-16-le")) // 2


def _command_entities(text: str | None) -> list[JSON] | None:
    """A bot_command entity for a leading /command, as Telegram adds."""
    match = _COMMAND.match(text or "")
    if match is None:
        return None
    return [{"type": "bot_command", "offset": 0, "length": _u16(match.group())}]


def _buttons(message: JSON) -> list[JSON]:
    """All inline buttons of a message, row by row."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return list(itertools.chain.from_iterable(rows))


def _button_data(message: JSON, text: str) -> str:
    """Callback data of the button titled (or uniquely containing) ``text``."""
    buttons = [b for b in _buttons(message) if "callback_data" in b]
    picked = [b for b in buttons if b["text"] == text] or [b for b in buttons if text in b["text"]]
    if len(picked) != 1:
        titles = [b["text"] for b in buttons]
        raise ValueError(f"{len(picked)} callback buttons match {text!r}; buttons: {titles}")
    return str(picked[0]["callback_data"])


def _inline_markup(markup: Any) -> JSON | None:
    """A validated inline keyboard to echo back (other keyboards are not echoed)."""
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    rows = markup["inline_keyboard"]
    for button in itertools.chain.from_iterable(rows):
        _check_button(button)
    return markup if any(rows) else None


def _check_button(button: JSON) -> None:
    """Telegram's checks on an inline button."""
    if not button.get("text"):
        raise _bad("can't parse inline keyboard button: Text must be non-empty")
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode()) <= 64:
        raise _bad("BUTTON_DATA_INVALID")
    if len(button) == 1:
        raise _bad(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )


def _check_command(command: Any) -> None:
    """Telegram's checks on a BotCommand."""
    if not isinstance(command, dict) or not _BOT_COMMAND.fullmatch(command.get("command", "")):
        raise _bad("BOT_COMMAND_INVALID")
    if not 1 <= len(command.get("description", "")) <= 256:
        raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")


def _commands_key(req: _Request) -> tuple[str, str]:
    """(scope key, language_code) for the command store: "default", "chat:42", ..."""
    scope = req.get("scope") or {"type": "default"}
    parts = [str(scope[k]) for k in ("type", "chat_id", "user_id") if k in scope]
    return ":".join(parts), req.get("language_code") or ""


def _upload_for(req: _Request, key: str, value: Any) -> Upload | None:
    """The upload an ``attach://name`` value or a same-named file part refers to."""
    if isinstance(value, str) and value.startswith("attach://"):
        upload = req.files.get(value.removeprefix("attach://"))
        if upload is None:
            raise _bad(f"can't find attached file {value!r}")
        return upload
    return req.files.get(key)


def _image_size(content: bytes) -> tuple[int, int]:
    """Width and height of a PNG; a placeholder for anything else."""
    if content.startswith(_PNG) and len(content) >= 24:
        width, height = struct.unpack(">II", content[16:24])
        return int(width), int(height)
    return 320, 240


def _photo(info: JSON, content: bytes) -> list[JSON]:
    """A one-size PhotoSize array."""
    width, height = _image_size(content)
    size = _pick(info, ("file_id", "file_unique_id", "file_size"))
    return [{**size, "width": width, "height": height}]


def _document(info: JSON) -> JSON:
    """A Document object."""
    return _pick(info, ("file_id", "file_unique_id", "file_name", "mime_type", "file_size"))


def _caption(req: _Request) -> JSON:
    """Caption and caption_entities of a media message."""
    caption, entities = _formatted(
        req, "caption", "caption_entities", 1024, "message caption is too long"
    )
    return {"caption": caption or None, "caption_entities": entities or None}


def _formatted(
    req: _Request, key: str, entities_key: str, limit: int, too_long: str
) -> tuple[str, list[JSON]]:
    """Text after parse_mode / entities, trimmed like Telegram, length-checked."""
    raw = req.get(key)
    raw = "" if raw is None else str(raw)
    text, entities = _parse(raw, req.get("parse_mode"), req.get(entities_key))
    text, entities = _strip(text, entities)
    if _u16(text) > limit:
        raise _bad(too_long)
    return text, entities


def _parse(raw: str, mode: Any, given: Any) -> tuple[str, list[JSON]]:
    """Apply explicit entities or a parse mode (HTML parsed; Markdown kept verbatim)."""
    if isinstance(given, list):
        return raw, given
    if not mode:
        return raw, []
    if str(mode).lower() == "html":
        return _HtmlParser(raw).run()
    if str(mode).lower() in ("markdown", "markdownv2"):
        return raw, []
    raise _bad("unsupported parse_mode")


def _strip(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Trim surrounding whitespace and shift/clip entities accordingly."""
    body = text.strip()
    if body == text:
        return text, entities
    shift, size = _u16(text[: len(text) - len(text.lstrip())]), _u16(body)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, size)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return body, kept


class _HtmlParser:
    """Telegram's HTML parse mode: supported tags only, strict nesting, UTF-16 offsets."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.size = 0
        self.stack: list[tuple[str, int, dict[str, str]]] = []
        self.entities: list[JSON] = []

    def run(self) -> tuple[str, list[JSON]]:
        """Plain text and entities, or a 400 "can't parse entities"."""
        i = 0
        while i < len(self.source):
            char = self.source[i]
            if char == "<":
                i = self._tag(i)
            elif char == "&":
                i = self._charref(i)
            else:
                self._emit(char)
                i += 1
        if self.stack:
            self._fail(f'Can\'t find end tag corresponding to start tag "{self.stack[-1][0]}"')
        return "".join(self.out), sorted(self.entities, key=lambda e: e["offset"])

    def _emit(self, text: str) -> None:
        """Append visible text."""
        self.out.append(text)
        self.size += _u16(text)

    def _fail(self, reason: str) -> None:
        """Raise Telegram's parse error."""
        raise _bad(f"can't parse entities: {reason}")

    def _at(self, i: int) -> str:
        """Telegram reports positions in UTF-8 bytes."""
        return f"at byte offset {len(self.source[:i].encode())}"

    def _tag(self, i: int) -> int:
        """Handle a tag starting at ``i``; return the index after it."""
        end = self.source.find(">", i)
        if end < 0:
            self._fail(f"Can't find end of the tag starting {self._at(i)}")
        body = self.source[i + 1 : end]
        if body.startswith("/"):
            self._close(body[1:].strip().lower(), i)
        else:
            self._open(body, i)
        return end + 1

    def _open(self, body: str, i: int) -> None:
        """Push a supported start tag with its attributes."""
        name, _, rest = body.strip().partition(" ")
        name = name.lower()
        attrs = {
            m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in _ATTR.finditer(rest)
        }
        if name not in _HTML_TAGS or (name == "span" and attrs.get("class") != "tg-spoiler"):
            self._fail(f'Unsupported start tag "{name}" {self._at(i)}')
        self.stack.append((name, self.size, attrs))

    def _close(self, name: str, i: int) -> None:
        """Pop the matching start tag and record its entity."""
        if not self.stack:
            self._fail(f'Unexpected end tag "{name}" {self._at(i)}')
        opened, start, attrs = self.stack.pop()
        if name and name != opened:
            self._fail(
                f'Unmatched end tag {self._at(i)}, expected "</{opened}>", found "</{name}>"'
            )
        entity = _html_entity(opened, start, self.size - start, attrs)
        if entity["length"] and not self._covered(entity):
            self.entities.append(entity)

    def _covered(self, entity: JSON) -> bool:
        """<pre><code class="language-x"> yields one pre entity, not two."""
        same = ("pre", entity["offset"], entity["length"])
        return entity["type"] == "pre" and any(
            (e["type"], e["offset"], e["length"]) == same for e in self.entities
        )

    def _charref(self, i: int) -> int:
        """Decode &lt; &gt; &amp; &quot; and numeric references; a lone & stays literal."""
        match = _CHARREF.match(self.source, i)
        char = _char(match.group(1)) if match else None
        if match is None or char is None:
            self._emit("&")
            return i + 1
        self._emit(char)
        return match.end()


def _char(ref: str) -> str | None:
    """The character a named or numeric reference stands for, if valid."""
    if not ref.startswith("#"):
        return _CHAR_NAMES.get(ref)
    code = int(ref[2:], 16) if ref[1:2] in ("x", "X") else int(ref[1:])
    return chr(code) if 0 < code <= 0x10FFFF else None


def _html_entity(tag: str, offset: int, length: int, attrs: dict[str, str]) -> JSON:
    """The MessageEntity for a closed HTML tag."""
    entity: JSON = {"type": _HTML_TAGS[tag], "offset": offset, "length": length}
    if tag == "a":
        entity["url"] = attrs.get("href", "")
    elif tag == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    elif tag == "tg-emoji":
        entity["custom_emoji_id"] = attrs.get("emoji-id", "")
    elif tag == "code" and attrs.get("class", "").startswith("language-"):
        entity.update(type="pre", language=attrs["class"].removeprefix("language-"))
    return entity
