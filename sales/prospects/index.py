"""A team's search index: keys precomputed at write time, scored in C over arrays per query.

`search()` and `DuplicateIndex` in matching.py define the ranking; this index only narrows a
big team down to the few prospects that can rank (or be duplicates), with the same scores, so
the use case re-ranks those few with `search()` / `find_duplicates()` and results stay equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from sales.prospects.matching import (
    DUPLICATE_THRESHOLD,
    FUZZY_WEIGHT,
    SEARCH_MIN,
    NameKeys,
    _phone_forms,
    _Query,
    _words,
    name_keys,
)
from sales.prospects.model import ProspectDraft

SEP = "|"
# entry codes: (whole text?, penalty, shortest query); see matching._search_score
NAME, NAME_LATER, INITIALS, COMPANY, COMPANY_LATER, PINYIN, PINYIN_LATER = range(7)
_WHOLE = np.array([True, False, True, True, False, True, False])
_PENALTY = np.array([0.0, 0.0, 5.0, 5.0, 5.0, 2.0, 2.0])
_MIN_QUERY = np.array([0, 0, 2, 0, 0, 0, 0])
FUZZY_CUTOFF = 70.0  # below SEARCH_MIN / FUZZY_WEIGHT (70.6): the exact test is done after
REBUILD_DEAD = 0.25  # share of replaced slots after which the cache is rebuilt from scratch

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class SearchKeys:
    """What search and dedupe compare, computed once when a card is written."""

    name_words: tuple[str, ...]
    keys: NameKeys
    company_words: tuple[str, ...]
    phones: tuple[str, ...]

    def encode(self) -> str:
        """One text column; words never hold '|' or spaces (they are \\w runs or digits)."""
        k = self.keys
        parts = (self.name_words, k.words, k.readings, k.compact, (k.initials,),
                 self.company_words, self.phones)
        return SEP.join(" ".join(p) for p in parts)

    @classmethod
    def decode(cls, text: str) -> SearchKeys:
        """The inverse of `encode`."""
        name, words, readings, compact, initials, company, phones = (
            tuple(p.split()) for p in text.split(SEP))
        keys = NameKeys(compact, words, "".join(initials), readings)
        return cls(name, keys, company, phones)


def search_keys(name: str, company: str | None, phone: str | None) -> SearchKeys:
    """Folded words, pinyin (every surname reading), initials and the phone's digit forms."""
    return SearchKeys(_words(name), name_keys(name), _words(company or ""),
                      _phone_forms(phone) if phone else ())


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One stored prospect as the index needs it (`keys`: the encoded column, may be None)."""

    id: int
    owner_id: int
    rev: int
    name: str
    company: str | None
    phone: str | None
    email: str | None
    wechat: str | None
    keys: str | None


class _Texts:
    """Many short strings in one big string ('\\n' before each), found with one C scan."""

    def __init__(self) -> None:
        self.text = ""
        self.starts: Ints = np.zeros(0, np.int64)
        self.slots: Ints = np.zeros(0, np.int64)
        self.codes: Ints = np.zeros(0, np.int64)
        self.lens: Ints = np.zeros(0, np.int64)

    def extend(self, entries: Sequence[tuple[str, int, int]]) -> None:
        """Append (text, slot, code) entries."""
        if not entries:
            return
        lens = np.fromiter((len(t) for t, _, _ in entries), np.int64, len(entries))
        starts = len(self.text) + np.cumsum(lens + 1) - lens
        self.text += "".join("\n" + t for t, _, _ in entries)
        self.starts = np.concatenate((self.starts, starts))
        self.lens = np.concatenate((self.lens, lens))
        self.slots = np.concatenate((self.slots, _ints(s for _, s, _ in entries)))
        self.codes = np.concatenate((self.codes, _ints(c for _, _, c in entries)))

    def starting(self, query: str) -> Ints:
        """Entries that start with `query`."""
        found = [m.start() + 1 for m in re.finditer("\n" + re.escape(query), self.text)]
        return np.searchsorted(self.starts, np.array(found, np.int64))

    def containing(self, query: str) -> Ints:
        """Entries that contain `query` (at least one hit per entry that does)."""
        found = [m.start() for m in re.finditer(re.escape(query), self.text)]
        return np.searchsorted(self.starts, np.array(found, np.int64), "right") - 1

    def equal(self, value: str) -> list[int]:
        """Slots of entries exactly equal to `value`."""
        found = [m.start() + 1 for m in re.finditer(f"\n{re.escape(value)}(?=\n|$)", self.text)]
        return [int(self.slots[i]) for i in np.searchsorted(self.starts, found)]


def _ints(values: Iterable[int]) -> Ints:
    """An int64 array (also when empty, where numpy would pick floats)."""
    return np.fromiter(values, np.int64)


def _prefix_scores(texts: _Texts, query: str) -> tuple[Ints, Floats]:
    """matching._prefix_score (minus the field's penalty) of every entry starting with query."""
    hit = texts.starting(query) if query else np.zeros(0, np.int64)
    codes, lens = texts.codes[hit], texts.lens[hit]
    hit, codes, lens = (a[_MIN_QUERY[codes] <= len(query)] for a in (hit, codes, lens))
    part = 5.0 * len(query) / lens
    whole = np.where(lens == len(query), 100.0, 90.0 + part)
    scores = np.where(_WHOLE[codes], whole, 85.0 + part)
    return texts.slots[hit], scores - _PENALTY[codes]


class TeamIndex:
    """The searchable keys of one team's prospects; `rev` is the team's stamp it reflects.

    A changed prospect gets a new slot and its old slot is marked dead, so applying the rows
    changed since `rev` costs a few appends, not a rebuild."""

    def __init__(self) -> None:
        self.rev = -1
        self.ids: Ints = np.zeros(0, np.int64)
        self.owners: Ints = np.zeros(0, np.int64)
        self.revs: Ints = np.zeros(0, np.int64)
        self.alive = np.zeros(0, np.bool_)
        self.slot_of: dict[int, int] = {}
        self.phone_tail = np.zeros(0, np.int64)
        self.text, self.pinyin, self.phones = _Texts(), _Texts(), _Texts()
        self.contacts = {"phone": _Texts(), "email": _Texts(), "wechat": _Texts()}
        self.key_ids: dict[str, int] = {}
        self.keys: list[str] = []
        self.pair_key: Ints = np.zeros(0, np.int64)
        self.pair_slot: Ints = np.zeros(0, np.int64)

    @property
    def dead_share(self) -> float:
        """Share of slots replaced since the last rebuild."""
        return 0.0 if not len(self.alive) else 1.0 - len(self.slot_of) / len(self.alive)

    def _newer(self, row: IndexRow) -> bool:
        """Not a version older than (or the same as) the one held."""
        slot = self.slot_of.get(row.id)
        return slot is None or row.rev > self.revs[slot]

    def apply(self, rows: Iterable[IndexRow], rev: int) -> None:
        """New and changed prospects (older versions than the ones held are skipped)."""
        fresh = [r for r in rows if self._newer(r)]
        first = len(self.ids)
        for slot, row in enumerate(fresh, first):
            old = self.slot_of.get(row.id)
            if old is not None:
                self.alive[old] = False
            self.slot_of[row.id] = slot
        self.ids = np.concatenate((self.ids, _ints(r.id for r in fresh)))
        self.owners = np.concatenate((self.owners, _ints(r.owner_id for r in fresh)))
        self.revs = np.concatenate((self.revs, _ints(r.rev for r in fresh)))
        self.alive = np.concatenate((self.alive, np.ones(len(fresh), np.bool_)))
        self._add_keys(fresh, first)
        self.rev = max(self.rev, rev)

    def _add_keys(self, rows: Sequence[IndexRow], first: int) -> None:
        """Entries of every field for new slots, appended in one go per field."""
        text: list[tuple[str, int, int]] = []
        pinyin: list[tuple[str, int, int]] = []
        phones: list[tuple[str, int, int]] = []
        contacts: dict[str, list[tuple[str, int, int]]] = {k: [] for k in self.contacts}
        pairs: list[tuple[int, int]] = []
        tails: list[int] = []
        for slot, row in enumerate(rows, first):
            keys = (SearchKeys.decode(row.keys) if row.keys
                    else search_keys(row.name, row.company, row.phone))
            _words_entries(text, keys.name_words, slot, NAME)
            if keys.keys.initials:
                text.append((keys.keys.initials, slot, INITIALS))
            _words_entries(text, keys.company_words, slot, COMPANY)
            _pinyin_entries(pinyin, keys.keys, slot)
            phones.extend((form, slot, 0) for form in keys.phones)
            tails.append(len(keys.phones[-1]) if keys.phones else 1)
            for field, value in (("phone", row.phone), ("email", row.email),
                                 ("wechat", row.wechat)):
                if value:
                    contacts[field].append((value.casefold(), slot, 0))
            pairs.extend((self._key_id(k), slot) for k in keys.keys.compact)
        self.text.extend(text)
        self.pinyin.extend(pinyin)
        self.phones.extend(phones)
        for field, entries in contacts.items():
            self.contacts[field].extend(entries)
        self.phone_tail = np.concatenate((self.phone_tail, _ints(tails)))
        self.pair_key = np.concatenate((self.pair_key, _ints(k for k, _ in pairs)))
        self.pair_slot = np.concatenate((self.pair_slot, _ints(s for _, s in pairs)))

    def _key_id(self, key: str) -> int:
        """Each distinct name key is scored once, however many prospects share it."""
        found = self.key_ids.get(key)
        if found is None:
            found = self.key_ids[key] = len(self.keys)
            self.keys.append(key)
        return found

    def _key_scores(self, queries: Sequence[str], cutoff: float) -> tuple[Ints, Floats]:
        """Slots and best fuzz.ratio of their name keys against the query keys, >= cutoff."""
        if not queries or not self.keys:
            return np.zeros(0, np.int64), np.zeros(0)
        matrix = process.cdist(queries, self.keys, scorer=fuzz.ratio, score_cutoff=cutoff,
                               dtype=np.float64)
        best = matrix.max(axis=0)[self.pair_key]
        keep = best > 0
        return self.pair_slot[keep], best[keep]

    def search(self, query: str, owner_id: int | None, limit: int) -> list[int]:
        """Ids of the prospects that rank in the top `limit` (ties at the cut included)."""
        q = _Query.of(query)
        if not q.text and not q.digits:
            return []
        scores = np.zeros(len(self.ids))
        for slots, values in self._scores(q):
            np.maximum.at(scores, slots, values)
        scores[~self.alive] = 0.0
        if owner_id is not None:
            scores[self.owners != owner_id] = 0.0
        found = np.flatnonzero(scores >= SEARCH_MIN)
        if len(found) > limit:
            cut = np.partition(scores[found], len(found) - limit)[len(found) - limit]
            found = found[scores[found] >= cut]
        return [int(i) for i in self.ids[found]]

    def _scores(self, q: _Query) -> list[tuple[Ints, Floats]]:
        """Per field: the slots that match and their scores, as matching._search_score."""
        parts = [_prefix_scores(self.text, q.text)]
        if q.keys.compact:
            parts.append(_prefix_scores(self.pinyin, q.keys.compact[0]))
            slots, ratios = self._key_scores(q.keys.compact, FUZZY_CUTOFF)
            parts.append((slots, FUZZY_WEIGHT * ratios))
        if q.digits:
            parts.append(_prefix_scores(self.phones, q.digits))
            inside = self.phones.containing(q.digits)
            slots = self.phones.slots[inside]
            parts.append((slots, 80.0 + 5.0 * len(q.digits) / self.phone_tail[slots]))
        return parts

    def duplicates(self, draft: ProspectDraft) -> list[int]:
        """Ids that may be duplicates of the card: same contact, or a name key >= threshold."""
        slots = [s for field, value in (("phone", draft.phone), ("email", draft.email),
                                        ("wechat", draft.wechat)) if value
                 for s in self.contacts[field].equal(value.casefold())]
        named, _ = self._key_scores(name_keys(draft.name).compact, DUPLICATE_THRESHOLD)
        found = np.unique(np.concatenate((np.array(slots, np.int64), named)))
        return [int(i) for i in self.ids[found[self.alive[found]]]]


def _words_entries(out: list[tuple[str, int, int]], words: Sequence[str], slot: int,
                   code: int) -> None:
    """The whole text and the start of every later word (code + 1) of one field."""
    if words:
        out.append(("".join(words), slot, code))
        out.extend(("".join(words[i:]), slot, code + 1) for i in range(1, len(words)))


def _pinyin_entries(out: list[tuple[str, int, int]], keys: NameKeys, slot: int) -> None:
    """Every surname reading with the rest, and the later words once."""
    if not keys.words:
        return
    rest = "".join(keys.words[1:])
    out.extend((reading + rest, slot, PINYIN) for reading in keys.readings or keys.words[:1])
    out.extend(("".join(keys.words[i:]), slot, PINYIN_LATER) for i in range(1, len(keys.words)))
