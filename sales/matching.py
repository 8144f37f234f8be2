"""Finding one customer twice and finding a customer fast: phone, fuzzy name, pinyin, priority."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

import phonenumbers
from pypinyin import Style, lazy_pinyin, pinyin
from rapidfuzz import fuzz, process

from sales.errors import Refused
from sales.man import CLASS_POINTS, ManClass, verdict
from sales.prospects import (
    METHOD_WORDS,
    OPEN_STAGES,
    Method,
    Prospect,
    ProspectDraft,
    Stage,
    clean_name,
    find_method,
)
from sales.rhythm import local_today

# Tuned in tests/unit/test_matching.py: 张伟/张玮 and Jon/John Smith (94) are possible
# duplicates; 王伟/王磊 (86), 李娜/李楠 (89) and 张伟/李娜 (33) are not.
DUPLICATE_THRESHOLD = 90.0
# Same-looking names at clearly different companies are different people (张伟@华为, 张伟@腾讯).
COMPANY_MIN = 60.0
SEARCH_MIN = 60.0
SEARCH_LIMIT = 10
FUZZY_WEIGHT = 0.85
PINYIN_PENALTY = 2.0
INITIALS_PENALTY = 5.0
COMPANY_PENALTY = 5.0
SURNAME_READINGS = 3
KEY_CACHE = 65536
CDIST_CHUNK = 128  # query keys per C++ batch: 128 x 30k stored keys ~ 15 MB of scores
STAGE_POINTS: dict[Stage, float] = {
    Stage.NEW: 10.0, Stage.QUALIFIED: 15.0, Stage.APPOINTMENT: 25.0, Stage.MET: 30.0,
    Stage.WON: 0.0, Stage.LOST: 0.0, Stage.DORMANT: 0.0,
}
STALE_CAP_DAYS = 30
PARKED_PRIORITY = 1

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
TOKEN_RE = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
CJK_RE = re.compile(rf"[{_CJK}]")
QUICK_SEPARATORS = ",，;；、:："
QUICK_WORD_RE = re.compile(rf"[^\s{QUICK_SEPARATORS}]+")
LEGAL_SUFFIX_RE = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|分公司|公司"
    r"|\b(?:co|ltd|limited|inc|llc|gmbh|corp|corporation|company|plc)\b|[\s.,&()（）])+$"
)


class MatchKind(StrEnum):
    """Strong: the same phone/email/WeChat; possible: a similar name worth a look."""

    STRONG = "strong"
    POSSIBLE = "possible"


class MatchReason(StrEnum):
    """Which field matched, so the rep sees why two cards look alike."""

    PHONE = "phone"
    EMAIL = "email"
    WECHAT = "wechat"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class NameKeys:
    """Comparable forms of a name: pinyin or Latin, without spaces, per word, initials."""

    compact: tuple[str, ...]
    words: tuple[str, ...]
    initials: str
    readings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """What matching needs of a stored prospect; storage can fill `keys` from a column."""

    id: int
    name: str
    company: str | None = None
    phone: str | None = None
    owner: str = ""
    last_contact_on: date | None = None
    wechat: str | None = None
    email: str | None = None
    keys: NameKeys | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A stored prospect that may be the one being entered."""

    candidate: Candidate
    kind: MatchKind
    reason: MatchReason
    score: float


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result; higher score ranks first."""

    candidate: Candidate
    score: float


@dataclass(frozen=True, slots=True)
class QuickLine:
    """What a one-line note like '张伟 138 1234 5678 exhibition' pre-fills."""

    name: str | None
    phone: str | None
    rest: str
    method: Method | None = None


def fold(text: str) -> str:
    """Width, case and accents removed (Ｚｈāng -> zhang) so spelling variants compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


@lru_cache(maxsize=KEY_CACHE)
def name_keys(name: str) -> NameKeys:
    """Pinyin for Chinese (every reading of the surname), folded words otherwise; cached."""
    text = LEGAL_SUFFIX_RE.sub("", fold(name).strip()) or fold(name)
    words = tuple(w for chunk in lazy_pinyin(text) for w in TOKEN_RE.findall(chunk))
    if not words:
        return NameKeys((), (), "")
    readings = tuple(_first_readings(text, words[0]))
    compact = [w + "".join(words[1:]) for w in readings]
    compact.append("".join(sorted(words)))
    initials = "".join(w[0] for w in words)
    return NameKeys(tuple(dict.fromkeys(compact)), words, initials, readings)


def _first_readings(text: str, default: str) -> list[str]:
    """Surnames read differently (曾 zeng, 单 shan, 解 xie): all readings of the first char."""
    first = TOKEN_RE.search(text)
    if first is None or not CJK_RE.fullmatch(first.group()):
        return [default]
    readings = pinyin(first.group(), style=Style.NORMAL, heteronym=True)[0]
    return list(dict.fromkeys([default, *readings[:SURNAME_READINGS]]))


def keys_of(candidate: Candidate) -> NameKeys:
    """Stored keys when storage provides them, else computed (and cached) from the name."""
    return candidate.keys or name_keys(candidate.name)


def name_score(a: str, b: str) -> float:
    """0-100 similarity of two names across scripts: 'zhang wei', 张伟 and 张玮 all score 100."""
    keys_a, keys_b = name_keys(a).compact, name_keys(b).compact
    return max((fuzz.ratio(x, y) for x in keys_a for y in keys_b), default=0.0)


def company_score(a: str, b: str) -> float:
    """Name similarity after dropping legal suffixes (华为技术有限公司 = 华为技术)."""
    return name_score(a, b)


def companies_differ(a: str | None, b: str | None) -> bool:
    """True only when both companies are known and clearly not the same."""
    return bool(a and b) and company_score(a or "", b or "") < COMPANY_MIN


class DuplicateIndex:
    """Candidates prepared once, so an import of thousands of rows checks each row quickly."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates = tuple(candidates)
        self._exact: dict[tuple[MatchReason, str], list[int]] = {}
        self._keys: list[str] = []
        self._key_owner: list[int] = []
        for index, candidate in enumerate(self.candidates):
            for reason, value in _contact_values(candidate.phone, candidate.email,
                                                 candidate.wechat):
                self._exact.setdefault((reason, value), []).append(index)
            for key in keys_of(candidate).compact:
                self._keys.append(key)
                self._key_owner.append(index)

    def find(self, draft: ProspectDraft, exclude_id: int | None = None) -> list[Match]:
        """Strong matches first, then possible ones by score; one entry per candidate."""
        return [m for m in self.find_many([draft])[0] if m.candidate.id != exclude_id]

    def find_many(self, drafts: Sequence[ProspectDraft]) -> list[list[Match]]:
        """Matches for many cards (an import) in one C++ pass over the name keys."""
        scores = self._name_scores(drafts)
        return [self._collect(d, s) for d, s in zip(drafts, scores, strict=True)]

    def _collect(self, draft: ProspectDraft, scores: dict[int, float]) -> list[Match]:
        """Strong first, then possible ones by score; one entry per candidate."""
        best: dict[int, Match] = {}
        for match in (*self._strong(draft), *self._possible(draft, scores)):
            best.setdefault(match.candidate.id, match)
        return sorted(best.values(), key=_match_order)

    def _strong(self, draft: ProspectDraft) -> Iterator[Match]:
        """The same phone, email or WeChat id anywhere in the team."""
        for reason, value in _contact_values(draft.phone, draft.email, draft.wechat):
            for index in self._exact.get((reason, value), ()):
                yield Match(self.candidates[index], MatchKind.STRONG, reason, 100.0)

    def _name_scores(self, drafts: Sequence[ProspectDraft]) -> list[dict[int, float]]:
        """Per card: candidate index -> best name score at or above DUPLICATE_THRESHOLD."""
        queries = [(i, k) for i, d in enumerate(drafts) for k in name_keys(d.name).compact]
        scores: list[dict[int, float]] = [{} for _ in drafts]
        for start in range(0, len(queries) if self._keys else 0, CDIST_CHUNK):
            chunk = queries[start:start + CDIST_CHUNK]
            matrix = process.cdist([k for _, k in chunk], self._keys, scorer=fuzz.ratio,
                                   score_cutoff=DUPLICATE_THRESHOLD)
            for row, col in zip(*matrix.nonzero(), strict=True):
                found, owner = scores[chunk[row][0]], self._key_owner[col]
                found[owner] = max(float(matrix[row, col]), found.get(owner, 0.0))
        return scores

    def _possible(self, draft: ProspectDraft, scores: dict[int, float]) -> Iterator[Match]:
        """Similar names, unless both companies are known and clearly differ."""
        for index, score in scores.items():
            candidate = self.candidates[index]
            if not companies_differ(draft.company, candidate.company):
                yield Match(candidate, MatchKind.POSSIBLE, MatchReason.NAME, score)


def _contact_values(
    phone: str | None, email: str | None, wechat: str | None
) -> list[tuple[MatchReason, str]]:
    """The exact-match channels present, folded so case does not hide a duplicate."""
    pairs = ((MatchReason.PHONE, phone), (MatchReason.EMAIL, email), (MatchReason.WECHAT, wechat))
    return [(reason, value.casefold()) for reason, value in pairs if value]


def _match_order(match: Match) -> tuple[bool, float, int]:
    """Strong before possible, higher score first, then oldest id."""
    return match.kind is not MatchKind.STRONG, -match.score, match.candidate.id


def find_duplicates(
    draft: ProspectDraft, candidates: Iterable[Candidate], exclude_id: int | None = None
) -> list[Match]:
    """Team-wide duplicate check for one new card (exclude_id: the card being edited)."""
    return DuplicateIndex(candidates).find(draft, exclude_id)


@dataclass(frozen=True, slots=True)
class _Query:
    """A search query prepared once: folded text, pinyin keys and phone digits."""

    text: str
    keys: NameKeys
    digits: str

    @classmethod
    def of(cls, query: str) -> _Query:
        """Digits count as a phone search only with 3+ of them and no letters."""
        text = "".join(TOKEN_RE.findall(fold(query)))
        digits = re.sub(r"\D", "", query)
        is_phone = len(digits) >= 3 and not any(ch.isalpha() for ch in query)
        return cls(text, name_keys(query), digits if is_phone else "")


def search(query: str, candidates: Iterable[Candidate], limit: int = SEARCH_LIMIT) -> list[Hit]:
    """Fuzzy search over name, company, pinyin and phone digits, best first."""
    prepared = _Query.of(query)
    if not prepared.text and not prepared.digits:
        return []
    hits = [Hit(c, s) for c in candidates if (s := _search_score(prepared, c)) >= SEARCH_MIN]
    hits.sort(key=lambda hit: (-hit.score, hit.candidate.name, hit.candidate.id))
    return hits[:limit]


def _search_score(query: _Query, candidate: Candidate) -> float:
    """The best of the exact-character, pinyin, initials, company and phone scores."""
    keys = keys_of(candidate)
    return max(
        _prefix_score(query.text, _words(candidate.name)),
        _pinyin_score(query.keys.compact[0] if query.keys.compact else "", keys),
        _initials_score(query.text, keys.initials),
        _prefix_score(query.text, _words(candidate.company or "")) - COMPANY_PENALTY,
        _fuzzy_score(query.keys, keys),
        _phone_score(query.digits, candidate.phone),
    )


def _words(text: str) -> tuple[str, ...]:
    """Folded words of a text; each Chinese character counts as a word."""
    return tuple(TOKEN_RE.findall(fold(text)))


def _prefix_score(query: str, words: Sequence[str]) -> float:
    """100 for the whole text, 90-95 for its start, 85-90 for the start of a later word."""
    if not query or not words:
        return 0.0
    whole = "".join(words)
    if query == whole:
        return 100.0
    if whole.startswith(query):
        return 90.0 + 5.0 * len(query) / len(whole)
    later = ("".join(words[i:]) for i in range(1, len(words)))
    return max((85.0 + 5.0 * len(query) / len(s) for s in later if s.startswith(query)),
               default=0.0)


def _pinyin_score(query: str, keys: NameKeys) -> float:
    """Prefix match on the pinyin, with every reading of the surname (zeng finds 曾)."""
    variants = [(reading, *keys.words[1:]) for reading in keys.readings or keys.words[:1]]
    best = max((_prefix_score(query, words) for words in variants), default=0.0)
    return best - PINYIN_PENALTY if best else 0.0


def _initials_score(query: str, initials: str) -> float:
    """'zw' finds 张伟, but ranks below a spelled-out match."""
    if len(query) < 2 or not initials:
        return 0.0
    return _prefix_score(query, (initials,)) - INITIALS_PENALTY


def _fuzzy_score(query: NameKeys, keys: NameKeys) -> float:
    """Typos and swapped word order, weighted below any prefix match."""
    scores = (fuzz.ratio(x, y) for x in query.compact for y in keys.compact)
    return FUZZY_WEIGHT * max(scores, default=0.0)


def _phone_score(digits: str, phone: str | None) -> float:
    """Whole number, its start, or any run of digits (the last four) of either format."""
    if not digits or not phone:
        return 0.0
    forms = _phone_forms(phone)
    best = max(_prefix_score(digits, (form,)) for form in forms)
    if best == 0.0 and any(digits in form for form in forms):
        return 80.0 + 5.0 * len(digits) / len(forms[-1])
    return best


@lru_cache(maxsize=KEY_CACHE)
def _phone_forms(phone: str) -> tuple[str, ...]:
    """Digits of the international and the national way of writing a stored number."""
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return (re.sub(r"\D", "", phone),)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return re.sub(r"\D", "", phone), re.sub(r"\D", "", national)


def parse_quick_line(text: str, region: str) -> QuickLine:
    """Pick a phone number (any format) and a leading name out of a quick note; keep the rest."""
    found = next(iter(phonenumbers.PhoneNumberMatcher(text, region.upper())), None)
    phone = None
    remainder = text
    if found is not None:
        phone = phonenumbers.format_number(found.number, phonenumbers.PhoneNumberFormat.E164)
        remainder = f"{text[:found.start]} {text[found.end:]}"
    words = list(QUICK_WORD_RE.finditer(remainder))
    span = _name_span(words)
    name = None
    if span is not None:
        name = " ".join(w.group() for w in words[span[0]:span[1]])
        remainder = remainder[:words[span[0]].start()] + " " + remainder[words[span[1] - 1].end():]
    rest = " ".join(remainder.split()).strip(QUICK_SEPARATORS + " ")
    return QuickLine(name, phone, rest, _guess_method([w.group() for w in words]))


def _name_span(words: Sequence[re.Match[str]]) -> tuple[int, int] | None:
    """The first real word is the name; a Latin name may run over three Capitalised words."""
    tokens = [w.group() for w in words]
    start = next((i for i, t in enumerate(tokens) if _is_name_word(t)), None)
    if start is None:
        return None
    end = start + 1
    if not CJK_RE.search(tokens[start]):
        limit = min(len(tokens), start + 3)
        while end < limit and tokens[end][:1].isupper() and _is_name_word(tokens[end]):
            end += 1
    return start, end


def _is_name_word(token: str) -> bool:
    """A word with a letter that does not name a prospecting method."""
    try:
        clean_name(token)
    except Refused:
        return False
    return find_method(token) is None


def _guess_method(tokens: Sequence[str]) -> Method | None:
    """A method named by a word ('exhibition') or inside Chinese text (展会认识)."""
    for token in tokens:
        method = find_method(token)
        if method is not None:
            return method
    text = "".join(tokens)
    for method, words in METHOD_WORDS.items():
        if any(CJK_RE.match(w) and len(w) > 1 and w in text for w in words):
            return method
    return None


def candidate_of(prospect: Prospect, owner: str = "") -> Candidate:
    """The matching view of a stored prospect."""
    card = prospect.card
    return Candidate(prospect.id, card.name, card.company, card.phone, owner,
                     prospect.last_contact_on, card.wechat, card.email)


def days_since_contact(prospect: Prospect, today: date, tz: str) -> int:
    """Local days since the last contact, or since the card was created if never contacted."""
    last = prospect.last_contact_on or local_today(tz, prospect.created_at)
    return max(0, (today - last).days)


def priority(prospect: Prospect, today: date, tz: str) -> int:
    """80:20 order for 'my prospects': MAN class, then stage, then how long it was left alone."""
    card = prospect.card
    if card.do_not_contact:
        return 0
    if card.stage not in OPEN_STAGES and card.stage is not Stage.WON:
        return PARKED_PRIORITY
    points = verdict(card.man).points
    stale = min(days_since_contact(prospect, today, tz), STALE_CAP_DAYS)
    bonus = stale * points / CLASS_POINTS[ManClass.A]
    return round(points + STAGE_POINTS[card.stage] + bonus)


def by_priority(prospects: Iterable[Prospect], today: date, tz: str) -> list[Prospect]:
    """Highest priority first; among equals the one left alone longest (days in `tz`)."""
    return sorted(
        prospects,
        key=lambda p: (-priority(p, today, tz), -days_since_contact(p, today, tz), p.id),
    )
