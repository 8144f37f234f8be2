"""The team index narrows exactly: what search() and find_duplicates() return is unchanged."""

from __future__ import annotations

import random

import pytest

from sales.prospects.index import IndexRow, SearchKeys, TeamIndex, search_keys
from sales.prospects.matching import Candidate, find_duplicates, search
from tests.unit.test_matching import PEOPLE, card

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗曾单"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂玮"


def crowd(size: int, seed: int = 3) -> list[Candidate]:
    """A mixed team: Chinese and Latin names, companies, two phone formats, some without."""
    rnd = random.Random(seed)
    people = list(PEOPLE)
    for i in range(100, 100 + size):
        name = rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.choice((1, 2))))
        if i % 4 == 0:
            name = f"{rnd.choice(['Anna', 'Ben', 'Zhang', 'Dana'])} {rnd.choice(['Li', 'Wu'])}{i}"
        phone = rnd.choice([f"+86138{i:08d}", f"+8610{i:08d}", None])
        company = rnd.choice([f"公司{i % 30}", "华为技术有限公司", None])
        people.append(Candidate(i, name, company, phone, "Rep", email=f"u{i % 50}@x.cn"))
    return people


def index_of(people: list[Candidate], stored: bool = True) -> TeamIndex:
    """An index over the people (owner: id modulo 3), keys stored or computed on load."""
    index = TeamIndex()
    index.apply([IndexRow(c.id, c.id % 3, 1, c.name, c.company, c.phone, c.email, c.wechat,
                          search_keys(c.name, c.company, c.phone).encode() if stored else None)
                 for c in people], 1)
    return index


QUERIES = ["张伟", "zhang wei", "zhangwei", "Zhang", "李", "li na", "zeng", "华为", "5678",
           "138 1234", "65529988", "010-6552", "zhangwie", "zw", "", "xyz", "12", "wei",
           "anna", "li1", "公司1", "Dana Wu", "wf", "8613800", "000012", "ben li12", "shan",
           "z", "w"]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("owner", [None, 1])
@pytest.mark.parametrize("limit", [3, 10])
def test_search_through_the_index_equals_search_over_everyone(
    query: str, owner: int | None, limit: int
) -> None:
    people = crowd(600)
    mine = [c for c in people if owner is None or c.id % 3 == owner]
    expected = [(h.candidate.id, h.score) for h in search(query, mine, limit)]
    assert index_of(people).search(query, owner, limit) == expected


DRAFTS = [card("张伟"), card("x", phone="+8613912340000"), card("刘洋"), card("zeng xiaoxian"),
          card("张伟", company="华为"), card("Somebody", email="LI@X.CN"),
          card("s", wechat="LiNa88"), card("Zhang Li104"), card("王玮"),
          card("q", phone="+8613800000104"), card("q", email="U7@x.cn")]


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda d: f"{d.name}-{d.phone}-{d.email}")
@pytest.mark.parametrize("stored", [True, False])
def test_duplicates_through_the_index_equal_the_full_check(draft: object, stored: bool) -> None:
    people = crowd(400)
    by_id = {c.id: c for c in people}
    narrowed = index_of(people, stored).duplicates(draft)  # type: ignore[arg-type]
    expected = find_duplicates(draft, people)  # type: ignore[arg-type]
    assert find_duplicates(draft, [by_id[i] for i in narrowed]) == expected  # type: ignore[arg-type]
    assert len(narrowed) < len(people)


def test_keys_round_trip_through_their_column_text() -> None:
    for name, company, phone in [("曾小贤", "华为技术有限公司", "+861065529988"),
                                 ("😀", None, None), ("ABC Co., Ltd.", "x", "+16502530000")]:
        keys = search_keys(name, company, phone)
        assert SearchKeys.decode(keys.encode()) == keys


def test_a_changed_prospect_replaces_its_old_version_and_stale_rows_are_ignored() -> None:
    index = index_of(PEOPLE)
    index.apply([IndexRow(1, 0, 5, "刘洋", None, None, None, None, None)], 5)
    assert 1 not in dict(index.search("张伟", None, 10))
    assert index.search("刘洋", None, 10) == [(1, 100.0)]
    index.apply([IndexRow(1, 0, 3, "张伟", None, None, None, None, None)], 5)  # older: ignored
    assert index.search("刘洋", None, 10) == [(1, 100.0)] and index.rev == 5
    assert index.duplicates(card("x", phone="+8613812345678")) == []
    assert 0 < index.dead_share < 0.25


def test_an_empty_index_finds_nothing() -> None:
    index = TeamIndex()
    index.apply([], 0)
    assert index.search("张伟", None, 10) == [] and index.duplicates(card("张伟")) == []
