"""One strict TOML config; secrets may come from XUNKE_* environment variables instead."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from sales.people.rules import valid_country

DEFAULT_API = "https://api.telegram.org"
DEFAULT_DB = "sqlite+aiosqlite:///data/xunke.db"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BotSection(_Strict):
    token: SecretStr = SecretStr("")
    api_base_url: str = DEFAULT_API
    username: str = ""

    @field_validator("api_base_url")
    @classmethod
    def _http(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v.rstrip("/")


class DatabaseSection(_Strict):
    url: SecretStr = SecretStr(DEFAULT_DB)
    redis_url: SecretStr = SecretStr("")

    @field_validator("url")
    @classmethod
    def _driver(cls, v: SecretStr) -> SecretStr:
        if not v.get_secret_value().startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("use sqlite+aiosqlite:// or postgresql+asyncpg://")
        return v

    @field_validator("redis_url")
    @classmethod
    def _redis(cls, v: SecretStr) -> SecretStr:
        url = v.get_secret_value()
        if url and not _is_redis_url(url):
            raise ValueError("use redis://host:port/db, rediss://... or unix://..., or leave empty")
        return v


def _is_redis_url(url: str) -> bool:
    """What redis-py's from_url accepts, checked here so a typo stops the start, not a traceback."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return bool(parts.path)
    return parts.scheme in ("redis", "rediss") and bool(parts.hostname)


class DefaultsSection(_Strict):
    timezone: str = "Asia/Shanghai"
    country: str = "CN"
    language: Literal["zh", "en"] = "zh"

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        if v not in available_timezones():
            raise ValueError(f"unknown IANA timezone {v!r}")
        return v

    @field_validator("country")
    @classmethod
    def _country(cls, v: str) -> str:
        if not valid_country(v):
            raise ValueError(f"no holiday calendar for country {v!r}")
        return v


class LoggingSection(_Strict):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class SchedulerSection(_Strict):
    enabled: bool = True


class Settings(BaseSettings):
    """The whole configuration; frozen, unknown keys are errors."""

    model_config = SettingsConfigDict(
        extra="forbid", frozen=True, env_prefix="XUNKE_", env_nested_delimiter="__",
    )

    bot: BotSection = Field(default_factory=BotSection)
    database: DatabaseSection = Field(default_factory=DatabaseSection)
    admin_ids: tuple[int, ...] = ()
    defaults: DefaultsSection = Field(default_factory=DefaultsSection)
    logging: LoggingSection = Field(default_factory=LoggingSection)
    scheduler: SchedulerSection = Field(default_factory=SchedulerSection)


class ConfigError(Exception):
    """A config problem, worded for the person starting the bot."""


def load_settings(path: Path | None) -> Settings:
    """Read the TOML file (if any), then the environment; name the bad key on error."""
    if path is not None and not path.is_file():
        raise ConfigError(f"config file not found: {path}")

    class _FromFile(Settings):
        @classmethod
        def settings_customise_sources(
            cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
            if path is not None:
                sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
            return tuple(sources)

    try:
        loaded = _FromFile()
    except ValidationError as exc:
        raise ConfigError(_explain(exc)) from None
    except ValueError as exc:  # malformed TOML
        raise ConfigError(f"cannot read {path}: {exc}") from None
    return loaded


def _explain(exc: ValidationError) -> str:
    """One line per problem: 'bot.tokn: Extra inputs are not permitted'."""
    lines = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        lines.append(f"{key}: {err['msg']}")
    return "invalid configuration:\n  " + "\n  ".join(lines)
