"""Old import path of the stand-in Bot API server, kept so other branches' imports still work.

The one implementation lives in `bot.demo.fakeapi` (tests and `xunke demo` share it).
"""

from bot.demo.fakeapi import DEFAULT_TOKEN, ApiError, Call, FakeTelegram, Limits, Upload

__all__ = ["DEFAULT_TOKEN", "ApiError", "Call", "FakeTelegram", "Limits", "Upload"]
