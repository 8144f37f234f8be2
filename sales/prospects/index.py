"""A team's search index: keys precomputed at write time, scored in C over arrays per query.

`search()` and `DuplicateIndex` in matching.py define the ranking; this index only narrows a
big team down to the few prospects that can rank (or be duplicates), with the same scores, so
the use case re-ranks those few with `search()` / `find_duplicates()` and results stay equal.
"""

from __future__ import annotations

import bisect
import heapq
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

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
MERGE_MIN = 4096  # entries a field's tail may hold before it is merged into the sorted part
FEW = 64  # entries inserted one by one (a written card), more are sorted in at once
LAST_CHAR = "\U0010ffff"  # sorts after every character: query + LAST_CHAR ends its range
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_BUCKET = np.full(128, len(ALPHABET), np.int64)
_BUCKET[[ord(ch) for ch in ALPHABET]] = np.arange(len(ALPHABET))

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.signedinteger[Any]]


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


class _Entries:
    """Column lists of (text, slot, code) entries being collected for one field."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.slots: list[int] = []
        self.codes: list[int] = []

    def add(self, text: str, slot: int, code: int = 0) -> None:
        self.texts.append(sys.intern(text))  # names and words repeat a lot in a team
        self.slots.append(slot)
        self.codes.append(code)


class _Sorted:
    """Short strings of one field kept sorted, so the ones starting with a query are a range
    found by bisection; writes go to a small sorted tail, merged in when it grows."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.slots, self.codes, self.lens = _small(()), _small(()), _small(())
        self.tail, self.dirty = _Entries(), False

    def extend(self, entries: _Entries) -> None:
        """A few new entries go into the sorted tail; many are merged in at the next query."""
        tail = self.tail
        if len(entries.texts) <= FEW and not self.dirty:
            for text, slot, code in zip(entries.texts, entries.slots, entries.codes,
                                        strict=True):
                at = bisect.bisect_right(tail.texts, text)
                tail.texts.insert(at, text)
                tail.slots.insert(at, slot)
                tail.codes.insert(at, code)
        else:
            tail.texts += entries.texts
            tail.slots += entries.slots
            tail.codes += entries.codes
            self.dirty = True
        if len(tail.texts) > max(MERGE_MIN, len(self.texts) // (1 if self.dirty else 8)):
            self.merge()

    def merge(self) -> None:
        """The tail into the sorted main part (Timsort merges the sorted runs)."""
        texts = np.array(self.texts + self.tail.texts, dtype=object)
        order = np.argsort(texts, kind="stable")  # no int object per entry: less memory
        self.slots = np.concatenate((self.slots, _small(self.tail.slots)))[order]
        self.codes = np.concatenate((self.codes, _small(self.tail.codes)))[order]
        self.texts = texts[order].tolist()
        self.lens = _small(map(len, self.texts))
        self.tail, self.dirty = _Entries(), False

    def starting(self, query: str) -> tuple[Ints, Ints, Ints]:
        """Slots, codes and lengths of the entries that start with `query`."""
        if self.dirty:
            self.merge()
        end = query + LAST_CHAR
        lo, hi = bisect.bisect_left(self.texts, query), bisect.bisect_left(self.texts, end)
        t = self.tail
        tlo, thi = bisect.bisect_left(t.texts, query), bisect.bisect_left(t.texts, end)
        return (np.concatenate((self.slots[lo:hi], _ints(t.slots[tlo:thi]))),
                np.concatenate((self.codes[lo:hi], _ints(t.codes[tlo:thi]))),
                np.concatenate((self.lens[lo:hi], _ints(map(len, t.texts[tlo:thi])))))

    def equal(self, value: str) -> Ints:
        """Slots of the entries equal to `value`."""
        slots, _, lens = self.starting(value)
        same: Ints = slots[lens == len(value)]
        return same


class _Digits:
    """Phone digit forms in one string, scanned in C for a run of digits anywhere."""

    def __init__(self) -> None:
        self.text = ""
        self.starts, self.slots = _ints(()), _ints(())

    def extend(self, entries: _Entries) -> None:
        lens = _ints(map(len, entries.texts))
        self.starts = np.concatenate((self.starts, len(self.text) + np.cumsum(lens + 1) - lens))
        self.slots = np.concatenate((self.slots, _ints(entries.slots)))
        self.text += "".join("\n" + t for t in entries.texts)

    def containing(self, digits: str) -> Ints:
        """Slots of the forms containing `digits` (each such form found at least once)."""
        found = _ints(m.start() for m in re.finditer(re.escape(digits), self.text))
        return self.slots[np.searchsorted(self.starts, found, "right") - 1]


class _Keys:
    """Distinct name keys (shared by many prospects), each with a character count vector, so
    the fuzzy score is only computed where enough characters are shared to reach a cutoff."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.keys: list[str] = []
        self.counts = np.zeros((0, len(ALPHABET) + 1), np.uint8)
        self.lens = _ints(())
        self.pair_key, self.pair_slot = _ints(()), _ints(())

    def extend(self, entries: _Entries) -> None:
        new: list[str] = []
        pairs = []
        for key in entries.texts:
            found = self.ids.get(key)
            if found is None:
                found = self.ids[key] = len(self.keys)
                self.keys.append(key)
                new.append(key)
            pairs.append(found)
        self.counts = np.concatenate((self.counts, _char_counts(new)))
        self.lens = np.concatenate((self.lens, _ints(map(len, new))))
        self.pair_key = np.concatenate((self.pair_key, _ints(pairs)))
        self.pair_slot = np.concatenate((self.pair_slot, _ints(entries.slots)))

    def scores(self, queries: Sequence[str], cutoff: float) -> tuple[Ints, Floats]:
        """Slots and best fuzz.ratio of their keys against the queries, where >= cutoff."""
        best = np.zeros(len(self.keys))
        for query, counts in zip(queries, _char_counts(queries), strict=True):
            shared = np.minimum(self.counts, counts).sum(axis=1, dtype=np.int64)
            # the longest common subsequence is at most the shared characters
            maybe = np.flatnonzero(200.0 * shared >= cutoff * (len(query) + self.lens) - 1e-9)
            if len(maybe):
                found = process.cdist([query], [self.keys[i] for i in maybe],
                                      scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.float64)
                best[maybe] = np.maximum(best[maybe], found[0])
        pair_best = best[self.pair_key]
        keep = pair_best > 0
        return self.pair_slot[keep], pair_best[keep]


def _char_counts(keys: Sequence[str]) -> npt.NDArray[np.uint8]:
    """How often each of a-z0-9 (and any other character, together) occurs in each key."""
    counts = np.zeros((len(keys), len(ALPHABET) + 1), np.uint8)
    if keys:
        points = np.frombuffer("".join(keys).encode("utf-32-le"), np.uint32)
        rows = np.repeat(np.arange(len(keys)), _ints(map(len, keys)))
        np.add.at(counts, (rows, _BUCKET[np.minimum(points, 127)]), 1)
    return counts


def _ints(values: Iterable[int]) -> Ints:
    """An int64 array (also when empty, where numpy would pick floats)."""
    return np.fromiter(values, np.int64)


def _small(values: Iterable[int]) -> Ints:
    """An int32 array: slots, codes and lengths of the many entries take half the memory."""
    return np.fromiter(values, np.int32)


def _prefix_scores(texts: _Sorted, query: str) -> tuple[Ints, Floats]:
    """matching._prefix_score (minus the field's penalty) of every entry starting with query."""
    if not query:
        return _ints(()), np.zeros(0)
    slots, codes, lens = texts.starting(query)
    slots, codes, lens = (a[_MIN_QUERY[codes] <= len(query)] for a in (slots, codes, lens))
    part = 5.0 * len(query) / lens
    whole = np.where(lens == len(query), 100.0, 90.0 + part)
    scores = np.where(_WHOLE[codes], whole, 85.0 + part)
    return slots, scores - _PENALTY[codes]


class TeamIndex:
    """The searchable keys of one team's prospects; `rev` is the team's stamp it reflects.

    A changed prospect gets a new slot and its old slot is marked dead, so applying the rows
    changed since `rev` costs a few inserts, not a rebuild."""

    def __init__(self) -> None:
        self.rev = -1
        self.ids, self.owners, self.revs = _ints(()), _ints(()), _ints(())
        self.names: list[str] = []  # the tie-break after the score, as search() sorts
        self.alive = np.zeros(0, np.bool_)
        self.slot_of: dict[int, int] = {}
        self.phone_tail = _ints(())
        self.text, self.pinyin, self.phones = _Sorted(), _Sorted(), _Sorted()
        self.digits = _Digits()
        self.contacts = {"phone": _Sorted(), "email": _Sorted(), "wechat": _Sorted()}
        self.keys = _Keys()

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
        self.names.extend(r.name for r in fresh)
        self._add_keys(fresh, first)
        self.rev = max(self.rev, rev)

    def _add_keys(self, rows: Sequence[IndexRow], first: int) -> None:
        """Entries of every field for new slots, added in one go per field."""
        text, pinyin, phones, keys = _Entries(), _Entries(), _Entries(), _Entries()
        contacts = {field: _Entries() for field in self.contacts}
        tails = []
        for slot, row in enumerate(rows, first):
            found = (SearchKeys.decode(row.keys) if row.keys
                     else search_keys(row.name, row.company, row.phone))
            _words_entries(text, found.name_words, slot, NAME)
            if found.keys.initials:
                text.add(found.keys.initials, slot, INITIALS)
            _words_entries(text, found.company_words, slot, COMPANY)
            _pinyin_entries(pinyin, found.keys, slot)
            for form in found.phones:
                phones.add(form, slot)
            tails.append(len(found.phones[-1]) if found.phones else 1)
            for field, value in (("phone", row.phone), ("email", row.email),
                                 ("wechat", row.wechat)):
                if value:
                    contacts[field].add(value.casefold(), slot)
            for key in found.keys.compact:
                keys.add(key, slot)
        for target, entries in ((self.text, text), (self.pinyin, pinyin), (self.phones, phones),
                                *((self.contacts[f], e) for f, e in contacts.items())):
            target.extend(entries)
        self.digits.extend(phones)
        self.keys.extend(keys)
        self.phone_tail = np.concatenate((self.phone_tail, _ints(tails)))

    def search(self, query: str, owner_id: int | None, limit: int) -> list[tuple[int, float]]:
        """(id, score) of the best `limit` prospects, in search()'s order: score, name, id."""
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
        if len(found) > limit:  # all above the limit-th score, then the ties by name and id
            cut = np.partition(scores[found], len(found) - limit)[len(found) - limit]
            tied = found[scores[found] == cut]
            tied = heapq.nsmallest(limit - int((scores[found] > cut).sum()), tied,
                                   key=lambda i: (self.names[i], self.ids[i]))
            found = np.concatenate((found[scores[found] > cut], _ints(tied)))
        order = sorted(found, key=lambda i: (-scores[i], self.names[i], self.ids[i]))
        return [(int(self.ids[i]), float(scores[i])) for i in order]

    def _scores(self, q: _Query) -> list[tuple[Ints, Floats]]:
        """Per field: the slots that match and their scores, as matching._search_score."""
        parts = [_prefix_scores(self.text, q.text)]
        if q.keys.compact:
            parts.append(_prefix_scores(self.pinyin, q.keys.compact[0]))
            slots, ratios = self.keys.scores(q.keys.compact, FUZZY_CUTOFF)
            parts.append((slots, FUZZY_WEIGHT * ratios))
        if q.digits:
            parts.append(_prefix_scores(self.phones, q.digits))
            slots = self.digits.containing(q.digits)
            parts.append((slots, 80.0 + 5.0 * len(q.digits) / self.phone_tail[slots]))
        return parts

    def duplicates(self, draft: ProspectDraft) -> list[int]:
        """Ids that may be duplicates of the card: same contact, or a name key >= threshold."""
        same = [self.contacts[field].equal(value.casefold())
                for field, value in (("phone", draft.phone), ("email", draft.email),
                                     ("wechat", draft.wechat)) if value]
        named, _ = self.keys.scores(name_keys(draft.name).compact, DUPLICATE_THRESHOLD)
        found = np.unique(np.concatenate((*same, named)))
        return [int(i) for i in self.ids[found[self.alive[found]]]]


def _words_entries(out: _Entries, words: Sequence[str], slot: int, code: int) -> None:
    """The whole text and the start of every later word (code + 1) of one field."""
    if words:
        out.add("".join(words), slot, code)
        for i in range(1, len(words)):
            out.add("".join(words[i:]), slot, code + 1)


def _pinyin_entries(out: _Entries, keys: NameKeys, slot: int) -> None:
    """Every surname reading with the rest, and the later words once."""
    if not keys.words:
        return
    rest = "".join(keys.words[1:])
    for reading in keys.readings or keys.words[:1]:
        out.add(reading + rest, slot, PINYIN)
    for i in range(1, len(keys.words)):
        out.add("".join(keys.words[i:]), slot, PINYIN_LATER)
