"""The prospect card (客户卡) and its input rules: what a rep types, cleaned or refused."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import TypeVar

import phonenumbers
from tyme4py.lunar import LunarDay

from sales.kernel.errors import Refused
from sales.prospects.man import ANSWER_WORDS, Answer, ManAnswers

NAME_MAX = 100
COMPANY_MAX = 200
ADDRESS_MAX = 300
NEEDS_MAX = 2000
NOTES_MAX = 4000
TAG_MAX = 32
TAGS_MAX = 20
EMAIL_MAX = 254
SALUTATION_MAX = 50
BIRTH_YEARS_BACK = 120
EnumT = TypeVar("EnumT", bound=StrEnum)
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


WECHAT_RE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9_-]{5,19}|\+?\d{5,15})$")
TAG_SPLIT_RE = re.compile(r"[,，、;；#\s]+")
LUNAR_PREFIX_RE = re.compile(r"^(?:农历|阴历|lunar)\s*", re.IGNORECASE)
_MONTH_DAY = r"(?P<leap>闰)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?$"
BIRTHDAY_RES = (
    re.compile(r"^(?P<y>\d{4})\s*[-/.年]\s*" + _MONTH_DAY),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^" + _MONTH_DAY),
)


_CN_DIGITS = "一二三四五六七八九"
CN_MONTH_DAY_RE = re.compile(
    r"^(?P<leap>闰)?(?P<m>正|冬|腊|十[一二]?|[一二三四五六七八九])月"
    r"(?P<d>初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?"
    r"|廿[一二三四五六七八九]|三十|卅)[日号]?$"
)
LUNAR_ONLY_WORDS = ("正月", "冬月", "腊月", "初", "廿", "卅")


TIME_RANGE_RE = re.compile(
    r"^(?P<h1>\d{1,2})(?::(?P<m1>\d{2}))?\s*[点时]?\s*[-~–—至到]\s*"
    r"(?P<h2>\d{1,2})(?::(?P<m2>\d{2}))?\s*[点时]?$"
)


class Kind(StrEnum):
    """Two card types of method.md §3: a person (个体) or an organisation (团体)."""

    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"


class Stage(StrEnum):
    """Where a prospect is on the selling line of method.md §4; lost/dormant may come back."""

    NEW = "new"
    QUALIFIED = "qualified"
    APPOINTMENT = "appointment"
    MET = "met"
    WON = "won"
    LOST = "lost"
    DORMANT = "dormant"


OPEN_STAGES = frozenset({Stage.NEW, Stage.QUALIFIED, Stage.APPOINTMENT, Stage.MET})


class GreetingChannel(StrEnum):
    """How a direct-mail greeting reaches the prospect: a posted card or a message sent by hand."""

    POSTAL = "postal"
    MESSAGE = "message"


class Method(StrEnum):
    """How the prospect was found (method.md §2), so managers can compare conversion."""

    COLD_CANVASS = "cold_canvass"
    REFERRAL = "referral"
    CENTER_OF_INFLUENCE = "center_of_influence"
    AGENT = "agent"
    DIRECT_MAIL = "direct_mail"
    TELEPHONE = "telephone"
    SNOWBALL = "snowball"
    RECORDS = "records"
    MARKET_CONSULTING = "market_consulting"
    OBSERVATION = "observation"
    ADVERTISING = "advertising"
    RELATIONSHIPS = "relationships"
    EXHIBITION = "exhibition"
    INHERITED = "inherited"


REFERRAL_METHODS = frozenset(
    {Method.REFERRAL, Method.SNOWBALL, Method.CENTER_OF_INFLUENCE, Method.AGENT}
)


METHOD_WORDS: dict[Method, tuple[str, ...]] = {
    Method.COLD_CANVASS: ("cold canvass", "door to door", "逐户寻访法", "逐户寻访", "扫街",
                          "陌拜", "陌生拜访"),
    Method.REFERRAL: ("referral", "referred", "客户引荐法", "客户引荐", "链式引荐", "引荐",
                      "转介绍", "客户介绍", "朋友介绍"),
    Method.CENTER_OF_INFLUENCE: ("center of influence", "centre of influence", "coi",
                                 "光辉效应法", "光辉效应", "中心开花法", "中心开花"),
    Method.AGENT: ("agent", "scout", "代理人法", "代理人", "委托助手法", "委托助手"),
    Method.DIRECT_MAIL: ("direct mail", "dm", "mail", "直接邮寄法", "直接邮寄", "邮寄"),
    Method.TELEPHONE: ("telephone", "phone", "call", "电话营销法", "电话营销", "电话"),
    Method.SNOWBALL: ("snowball", "滚雪球法", "滚雪球"),
    Method.RECORDS: ("records", "directory", "yearbook", "资料查阅法", "资料查阅", "文案调查法",
                     "文案调查", "名录"),
    Method.MARKET_CONSULTING: ("market consulting", "市场咨询法", "市场咨询"),
    Method.OBSERVATION: ("observation", "个人观察法", "个人观察", "观察"),
    Method.ADVERTISING: ("advertising", "ad", "ads", "web", "广告探查法", "广告探查", "广告",
                         "网络"),
    Method.RELATIONSHIPS: ("relationships", "friends", "family", "关系拓展法", "关系拓展",
                           "亲友", "朋友"),
    Method.EXHIBITION: ("exhibition", "trade fair", "fair", "seminar", "expo", "展览会", "展会",
                        "讨论会", "研讨会", "展览"),
    Method.INHERITED: ("inherited", "handover", "hand over", "接收前任客户资料", "前任客户",
                       "交接"),
}


GREETING_LANGUAGE_WORDS: dict[str, str] = {
    "zh": "zh", "中文": "zh", "汉语": "zh", "chinese": "zh", "en": "en", "英文": "en",
    "英语": "en", "english": "en",
}
CHANNEL_WORDS: dict[str, str] = {
    "postal": "postal", "post": "postal", "card": "postal", "mail": "postal", "邮寄": "postal",
    "贺卡": "postal", "明信片": "postal", "message": "message", "msg": "message",
    "消息": "message", "短信": "message", "微信": "message",
}


CONTACT_TIME_WORDS: dict[str, tuple[time, time]] = {
    "morning": (time(9), time(12)), "上午": (time(9), time(12)),
    "noon": (time(12), time(14)), "中午": (time(12), time(14)),
    "afternoon": (time(14), time(18)), "下午": (time(14), time(18)),
    "evening": (time(19), time(21)), "晚上": (time(19), time(21)),
}


@dataclass(frozen=True, slots=True)
class Birthday:
    """A birthday for greetings; the year is optional and lunar ones follow the lunar calendar."""

    month: int
    day: int
    year: int | None = None
    lunar: bool = False
    leap: bool = False


@dataclass(frozen=True, slots=True)
class ContactWindow:
    """When the prospect likes to be reached, so reminders avoid their busy hour."""

    start: time
    end: time


@dataclass(frozen=True, slots=True)
class ProspectDraft:
    """A customer card as entered; `name` is the company name for organisations."""

    kind: Kind
    name: str
    method: Method
    company: str | None = None
    contact: str | None = None
    decision_maker: Answer = Answer.UNKNOWN
    phone: str | None = None
    wechat: str | None = None
    email: str | None = None
    address: str | None = None
    birthday: Birthday | None = None
    contact_time: ContactWindow | None = None
    needs: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    direct_mail: bool = False
    do_not_contact: bool = False
    referred_by_id: int | None = None
    referred_by_name: str | None = None
    man: ManAnswers = field(default_factory=ManAnswers)
    stage: Stage = Stage.NEW
    salutation: str | None = None
    greeting_language: str | None = None
    greeting_channel: GreetingChannel = GreetingChannel.POSTAL
    greetings_opt_out: bool = False


@dataclass(frozen=True, slots=True)
class Prospect:
    """A stored prospect: its card plus who owns it and when it was last contacted.

    `pooled_at` set: it is in the team pool (公海) since then, and `owner_id` is the rep who
    had it last; it is nobody's until claimed or assigned."""

    id: int
    team_id: int
    owner_id: int
    card: ProspectDraft
    created_at: datetime
    last_contact_on: date | None = None
    pooled_at: datetime | None = None

    @property
    def pooled(self) -> bool:
        """In the team pool: off its previous owner's lists, agenda and reminders."""
        return self.pooled_at is not None


def clean_text(raw: str | None, field_name: str, limit: int, multiline: bool = False) -> str | None:
    """Free text kept literally (HTML/SQL too) minus control characters; None when blank."""
    if raw is None:
        return None
    text = unicodedata.normalize("NFC", raw)
    keep = "\n" if multiline else ""
    text = "".join(ch for ch in text if ch in keep or not unicodedata.category(ch).startswith("C"))
    if multiline:
        text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    else:
        text = " ".join(text.split())
    if len(text) > limit:
        raise Refused("prospect-too-long", field=field_name, max=limit)
    return text or None


def clean_name(raw: str, field_name: str = "name", limit: int = NAME_MAX) -> str:
    """A name must contain a letter (any script): empty, emoji-only or digit-only is refused."""
    name = clean_text(raw, field_name, limit)
    if name is None or not any(unicodedata.category(ch).startswith("L") for ch in name):
        raise Refused("prospect-bad-name", field=field_name)
    return name


def parse_phone(raw: str, region: str) -> str:
    """Any way a number is written, stored once as E.164 so duplicates are found team-wide.
    Letters are refused: the library would read them as keypad digits (1-800-FLOWERS)."""
    if any(ch.isalpha() for ch in raw):
        raise Refused("prospect-bad-phone", value=raw)
    try:
        number = phonenumbers.parse(raw, region.upper())
    except phonenumbers.NumberParseException:
        raise Refused("prospect-bad-phone", value=raw) from None
    if not phonenumbers.is_valid_number(number):
        raise Refused("prospect-bad-phone", value=raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_email(raw: str) -> str:
    """Only the shape is checked (no network); the domain is lower-cased for comparison."""
    text = raw.strip()
    if len(text) > EMAIL_MAX or not EMAIL_RE.match(text):
        raise Refused("prospect-bad-email", value=raw)
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def parse_wechat(raw: str) -> str:
    """A WeChat id (letter first, 6-20 chars) or the phone/QQ number people use instead."""
    text = raw.strip()
    if not WECHAT_RE.match(text):
        raise Refused("prospect-bad-wechat", value=raw)
    return text


def parse_birthday(text: str, today: date, lunar: bool = False) -> Birthday:
    """Y-M-D, M-D or 年月日 (a 农历/lunar prefix and 闰 switch to lunar), checked for real."""
    raw = text.strip()
    body = LUNAR_PREFIX_RE.sub("", raw)
    lunar = lunar or body != raw or any(word in body for word in LUNAR_ONLY_WORDS)
    body = _arabic_month_day(body)
    match = next((m for m in (rx.match(body) for rx in BIRTHDAY_RES) if m), None)
    if match is None:
        raise Refused("prospect-bad-birthday", value=text)
    parts = match.groupdict()
    leap = bool(parts.get("leap"))
    year = int(parts["y"]) if parts.get("y") else None
    birthday = Birthday(int(parts["m"]), int(parts["d"]), year, lunar or leap, leap)
    return check_birthday(birthday, today, text)


def _cn_number(text: str) -> int:
    """一..九, 十, 十一.., 二十.., 廿.., 三十/卅, 初一..初十, and the month names 正 冬 腊."""
    text = {"正": "一", "冬": "十一", "腊": "十二", "廿": "二十", "卅": "三十"}.get(text, text)
    text = text.removeprefix("初").replace("廿", "二十")
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _CN_DIGITS.index(text) + 1
    return (_CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
        _CN_DIGITS.index(ones) + 1 if ones else 0)


def _arabic_month_day(body: str) -> str:
    """农历八月十五 and 正月初一 read as 8月15日 and 1月1日 (hand-written: no maintained
    library parses lunar month and day names)."""
    match = CN_MONTH_DAY_RE.match(body)
    if match is None:
        return body
    leap = match["leap"] or ""
    return f"{leap}{_cn_number(match['m'])}月{_cn_number(match['d'])}日"


def check_birthday(birthday: Birthday, today: date, shown: str | None = None) -> Birthday:
    """Refuse impossible (Feb 30, lunar day 30 of a short month) and future birthdays."""
    value = shown if shown is not None else _birthday_text(birthday)
    if birthday.year is not None and not today.year - BIRTH_YEARS_BACK <= birthday.year:
        raise Refused("prospect-bad-birthday", value=value)
    solar = _solar_birthday(birthday)
    if solar is None:
        raise Refused("prospect-bad-birthday", value=value)
    if birthday.year is not None and solar > today:
        raise Refused("prospect-birthday-future", value=value)
    return birthday


def _solar_birthday(birthday: Birthday) -> date | None:
    """The solar date (in a leap year when yearless), or None if the date cannot exist."""
    if birthday.leap and not birthday.lunar:
        return None
    try:
        if not birthday.lunar:
            return date(birthday.year or 2000, birthday.month, birthday.day)
        if birthday.year is None:  # a leap-month one falls on the ordinary month most years
            ok = 1 <= birthday.month <= 12 and 1 <= birthday.day <= 30
            return date(2000, 1, 1) if ok else None
        month = -birthday.month if birthday.leap else birthday.month
        solar = LunarDay.from_ymd(birthday.year, month, birthday.day).get_solar_day()
        return date(solar.get_year(), solar.get_month(), solar.get_day())
    except ValueError:
        return None


def _birthday_text(birthday: Birthday) -> str:
    """How a refused birthday is echoed back to the rep."""
    text = f"{birthday.month}-{birthday.day}"
    return f"{birthday.year}-{text}" if birthday.year is not None else text


def parse_salutation(text: str) -> str | None:
    """How the card addresses the prospect (王总, 李女士, Mr. Chen); blank clears it."""
    return clean_text(text, "salutation", SALUTATION_MAX)


def parse_greeting_language(text: str) -> str | None:
    """zh / en in either language; blank means the team's language."""
    if not text.strip():
        return None
    found = GREETING_LANGUAGE_WORDS.get(text.strip().casefold())
    if found is None:
        raise Refused("prospect-bad-greeting-language", value=text)
    return found


def parse_greeting_channel(text: str) -> GreetingChannel:
    """Postal card or a message the rep sends by hand (邮寄 / 消息 too)."""
    found = CHANNEL_WORDS.get(text.strip().casefold())
    if found is None:
        raise Refused("prospect-bad-greeting-channel", value=text)
    return GreetingChannel(found)


def parse_flag(text: str) -> bool:
    """Yes/no in either language for a card flag (import columns)."""
    return parse_answer(text) is Answer.YES


def mail_refusal(card: ProspectDraft) -> str | None:
    """Why a card cannot be enrolled in direct mail: no address (postal) or no handle."""
    if card.do_not_contact:
        return "prospect-mail-dnc"
    if card.greeting_channel is GreetingChannel.POSTAL and not card.address:
        return "prospect-mail-needs-address"
    if card.greeting_channel is GreetingChannel.MESSAGE and not (
            card.phone or card.wechat or card.email):
        return "prospect-mail-needs-handle"
    return None


def parse_contact_time(text: str) -> ContactWindow:
    """'9-11', '14:00~17:30', '9点到11点' or a word such as 上午/evening."""
    raw = text.strip()
    word = CONTACT_TIME_WORDS.get(raw.casefold())
    if word is not None:
        return ContactWindow(*word)
    match = TIME_RANGE_RE.match(raw)
    if match is None:
        raise Refused("prospect-bad-contact-time", value=text)
    try:
        start = time(int(match["h1"]), int(match["m1"] or 0))
        end = time(int(match["h2"]), int(match["m2"] or 0))
    except ValueError:
        raise Refused("prospect-bad-contact-time", value=text) from None
    if end <= start:
        raise Refused("prospect-bad-contact-time", value=text)
    return ContactWindow(start, end)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags split on commas, 、, spaces or #; duplicates (any case) dropped, order kept."""
    seen: dict[str, str] = {}
    for part in TAG_SPLIT_RE.split(text):
        tag = clean_text(part, "tags", TAG_MAX)
        if tag is not None:
            seen.setdefault(tag.casefold(), tag)
    if len(seen) > TAGS_MAX:
        raise Refused("prospect-too-many-tags", max=TAGS_MAX)
    return tuple(seen.values())


def _word_key(text: str) -> str:
    """Case, width and spacing do not matter when a word is looked up."""
    return re.sub(r"[\s_\-]+", "", unicodedata.normalize("NFKC", text).casefold())


def _build_lookup(words: dict[EnumT, tuple[str, ...]]) -> dict[str, EnumT]:
    """Every synonym and the enum value itself, normalised, pointing at its member."""
    table: dict[str, EnumT] = {}
    for member, synonyms in words.items():
        for word in (member.value, *synonyms):
            table.setdefault(_word_key(word), member)
    return table


_METHODS = _build_lookup(METHOD_WORDS)
_ANSWERS = _build_lookup(ANSWER_WORDS)


def find_method(text: str) -> Method | None:
    """The method a word names (en key or zh term), or None; used by import and quick add."""
    return _METHODS.get(_word_key(text))


def parse_method(text: str) -> Method:
    """A method from its key, English words or Chinese term, else refused."""
    method = find_method(text)
    if method is None:
        raise Refused("prospect-bad-method", value=text)
    return method


def parse_answer(text: str) -> Answer:
    """Yes/no/unknown in either language (是/否/不知道, y/n/?)."""
    answer = _ANSWERS.get(_word_key(text))
    if answer is None:
        raise Refused("prospect-bad-answer", value=text)
    return answer


def check_draft(draft: ProspectDraft, region: str, today: date) -> ProspectDraft:
    """The whole card re-checked before saving; returns it normalised (E.164 phone, trimmed)."""
    _check_links(draft)
    names = replace(
        draft,
        name=clean_name(draft.name, "name", COMPANY_MAX if _is_org(draft) else NAME_MAX),
        company=_optional_name(draft.company, "company", COMPANY_MAX),
        contact=_optional_name(draft.contact, "contact", NAME_MAX),
        referred_by_name=_optional_name(draft.referred_by_name, "referred_by", NAME_MAX),
    )
    return _check_fields(names, region, today)


def _check_fields(draft: ProspectDraft, region: str, today: date) -> ProspectDraft:
    """Channels, free text and the birthday, each by its own rule."""
    address = clean_text(draft.address, "address", ADDRESS_MAX, multiline=True)
    code = mail_refusal(replace(draft, address=address))
    if draft.direct_mail and not draft.do_not_contact and code is not None:
        raise Refused(code)
    if draft.greeting_language not in (None, "zh", "en"):
        raise Refused("prospect-bad-greeting-language", value=draft.greeting_language)
    return replace(
        draft,
        salutation=clean_text(draft.salutation, "salutation", SALUTATION_MAX),
        phone=parse_phone(draft.phone, region) if draft.phone else None,
        wechat=parse_wechat(draft.wechat) if draft.wechat else None,
        email=parse_email(draft.email) if draft.email else None,
        address=address,
        needs=clean_text(draft.needs, "needs", NEEDS_MAX, multiline=True),
        notes=clean_text(draft.notes, "notes", NOTES_MAX, multiline=True),
        tags=parse_tags(" ".join(draft.tags)) if draft.tags else (),
        birthday=check_birthday(draft.birthday, today) if draft.birthday else None,
        direct_mail=draft.direct_mail and not draft.do_not_contact,
    )


def _check_links(draft: ProspectDraft) -> None:
    """Contact persons belong to organisations; referrers to referral-type methods."""
    has_contact = draft.contact is not None or draft.decision_maker is not Answer.UNKNOWN
    if has_contact and not _is_org(draft):
        raise Refused("prospect-contact-needs-org")
    has_referrer = draft.referred_by_id is not None or bool(draft.referred_by_name)
    if has_referrer and draft.method not in REFERRAL_METHODS:
        raise Refused("prospect-referrer-not-allowed", method=draft.method.value)


def _is_org(draft: ProspectDraft) -> bool:
    """Organisations carry a company name as their name, which may be longer."""
    return draft.kind is Kind.ORGANISATION


def _optional_name(raw: str | None, field_name: str, limit: int) -> str | None:
    """A name field that may be left empty but, when given, must be a real name."""
    if raw is None or not raw.strip():
        return None
    return clean_name(raw, field_name, limit)


@dataclass(frozen=True, slots=True)
class ProspectRecord:
    """A prospect written in bulk (demo and benchmark data): its card, owner and dates."""

    owner_id: int
    card: ProspectDraft
    created_at: datetime
    last_contact_on: date | None = None
