"""Duplicates, search, quick-line parsing and priority; the thresholds are tuned here."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from sales.prospects import matching
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.matching import (
    DUPLICATE_THRESHOLD,
    Candidate,
    MatchKind,
    MatchReason,
    QuickLine,
    find_duplicates,
    name_keys,
    name_score,
    parse_quick_line,
    search,
)
from sales.prospects.model import Kind, Method, Prospect, ProspectDraft, Stage
from sales.prospects.priority import PARKED_PRIORITY, by_priority, days_since_contact, priority

TODAY = date(2026, 11, 23)
SH = "Asia/Shanghai"

PEOPLE = [
    Candidate(1, "张伟", "华为", "+8613812345678", "Rep Li"),
    Candidate(2, "李娜", None, "+8613912340000", "Rep Wang", wechat="lina88", email="li@x.cn"),
    Candidate(3, "张玮", "腾讯", None, "Rep Li"),
    Candidate(4, "Zhang Wei", None, "+16502530000", "Rep Zhao"),
    Candidate(5, "王芳", "华为技术有限公司", "+861065529988", "Rep Wang"),
    Candidate(6, "曾小贤", None, None, "Rep Zhao"),
    Candidate(7, "章伟", None, None, "Rep Li"),
]


def card(name: str, **fields: object) -> ProspectDraft:
    """A card being entered (already normalised, as check_draft would return it)."""
    return ProspectDraft(Kind.INDIVIDUAL, name, Method.EXHIBITION, **fields)  # type: ignore[arg-type]


# ---- pinyin keys and the tuned name threshold ------------------------------------------------

def test_pinyin_keys_of_a_chinese_name() -> None:
    keys = name_keys("张伟")
    assert keys.compact[0] == "zhangwei"
    assert keys.words == ("zhang", "wei")
    assert keys.initials == "zw"


def test_surname_readings_and_legal_suffixes() -> None:
    assert "zengxiaoxian" in name_keys("曾小贤").compact
    assert "shantianfang" in name_keys("单田芳").compact
    assert name_keys("华为技术有限公司").compact[0] == "huaweijishu"
    assert name_keys("ABC Co., Ltd.").compact == ("abc",)
    assert name_keys("😀").compact == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("张伟", "张伟"),
        ("张伟", "张玮"),  # same pinyin, another character: an IME slip
        ("张伟", "章伟"),
        ("zhang wei", "张伟"),
        ("zhangwei", "张伟"),
        ("Zhang Wei", "张伟"),
        ("ZHANG   WEI", "张伟"),
        ("Ｚｈａｎｇ　Ｗｅｉ", "张伟"),
        ("Wei Zhang", "张伟"),
        ("zeng xiaoxian", "曾小贤"),
        ("Jon Smith", "John Smith"),
        ("José García", "Jose Garcia"),
        ("Huawei", "华为"),
        ("陈静", "陈晶"),
    ],
)
def test_possible_duplicate_names(a: str, b: str) -> None:
    assert name_score(a, b) >= DUPLICATE_THRESHOLD
    assert name_score(b, a) >= DUPLICATE_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("张伟", "李娜"),
        ("王伟", "王磊"),  # 85.7: shares the surname and 'ei'; two people
        ("李娜", "李楠"),  # 88.9: the closest pair kept apart, which fixed the threshold at 90
        ("张伟", "张伟强"),
        ("张伟", "张强"),
        ("zw", "张伟"),  # initials are for search, not for duplicates
        ("John Smith", "Jane Smyth"),
        ("😀", "张伟"),
    ],
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert name_score(a, b) < DUPLICATE_THRESHOLD


def test_threshold_is_what_the_tests_tuned() -> None:
    assert name_score("李娜", "李楠") < DUPLICATE_THRESHOLD <= name_score("Jon Smith", "John Smith")


# ---- duplicates ------------------------------------------------------------------------------

def test_same_phone_anywhere_in_the_team_is_a_strong_duplicate() -> None:
    matches = find_duplicates(card("Mr Zhang", phone="+8613812345678"), PEOPLE)
    assert [(m.candidate.id, m.kind, m.reason) for m in matches] == [
        (1, MatchKind.STRONG, MatchReason.PHONE)
    ]
    assert matches[0].candidate.owner == "Rep Li"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [({"email": "LI@X.CN"}, MatchReason.EMAIL), ({"wechat": "LiNa88"}, MatchReason.WECHAT)],
)
def test_same_email_or_wechat_is_strong(fields: dict[str, str], reason: MatchReason) -> None:
    matches = find_duplicates(card("Somebody", **fields), PEOPLE)
    assert [(m.candidate.id, m.kind, m.reason) for m in matches] == [
        (2, MatchKind.STRONG, reason)
    ]


def test_similar_names_are_possible_duplicates_strong_ones_first() -> None:
    matches = find_duplicates(card("张伟", phone="+8613912340000"), PEOPLE)
    assert matches[0].candidate.id == 2
    assert matches[0].kind is MatchKind.STRONG
    possible = {m.candidate.id for m in matches[1:]}
    assert possible == {1, 3, 4, 7}
    assert all(m.kind is MatchKind.POSSIBLE and m.reason is MatchReason.NAME for m in matches[1:])


def test_one_entry_per_candidate_and_the_strong_reason_wins() -> None:
    matches = find_duplicates(card("张伟", phone="+8613812345678"), PEOPLE)
    first = [m for m in matches if m.candidate.id == 1]
    assert len(first) == 1
    assert first[0].reason is MatchReason.PHONE


@pytest.mark.parametrize(
    ("company", "ids"),
    [
        (None, {1, 3, 4, 7}),
        ("华为", {1, 4, 7}),  # 张玮 works at 腾讯: a different person
        ("华为技术有限公司", {1, 4, 7}),
        ("腾讯科技", {3, 4, 7}),
    ],
)
def test_a_clearly_different_company_rules_a_name_match_out(
    company: str | None, ids: set[int]
) -> None:
    matches = find_duplicates(card("张伟", company=company), PEOPLE)
    assert {m.candidate.id for m in matches} == ids


def test_no_duplicates_for_a_new_name_and_the_edited_card_is_excluded() -> None:
    assert find_duplicates(card("刘洋"), PEOPLE) == []
    assert find_duplicates(card("李楠"), PEOPLE) == []
    assert find_duplicates(card("李娜"), PEOPLE, exclude_id=2) == []


def test_batch_lookup_equals_one_by_one_and_empty_teams_have_no_duplicates() -> None:
    cards = [card("张伟"), card("x", phone="+8613912340000"), card("刘洋"), card("zeng xiaoxian")]
    index = matching.DuplicateIndex(PEOPLE)
    assert index.find_many(cards) == [index.find(c) for c in cards]
    assert [len(found) for found in index.find_many(cards)] == [4, 1, 0, 1]
    assert find_duplicates(card("张伟", phone="+8613812345678"), []) == []


def test_stored_keys_are_used_when_given() -> None:
    stored = Candidate(9, "某人", keys=name_keys("张伟"))
    assert [m.candidate.id for m in find_duplicates(card("zhang wei"), [stored])] == [9]


# ---- search ----------------------------------------------------------------------------------

def ids(query: str, limit: int = 10) -> list[int]:
    """Candidate ids of a search, best first."""
    return [hit.candidate.id for hit in search(query, PEOPLE, limit)]


@pytest.mark.parametrize(
    ("query", "first", "also"),
    [
        ("张伟", 1, {3, 4, 7}),  # the exact characters first, homophones after
        ("zhang wei", 4, {1, 3, 7}),  # the Latin spelling is exact for 'Zhang Wei'
        ("zhangwei", 4, {1, 3, 7}),
        ("Zhang", 4, {1, 3, 7}),
        ("李", 2, set()),
        ("li na", 2, set()),
        ("zeng", 6, set()),
        ("华为", 1, {5}),  # the exact company before 华为技术有限公司
        ("5678", 1, set()),
        ("138 1234", 1, set()),
        ("65529988", 5, set()),
        ("010-6552", 5, set()),
        ("zhangwie", 4, {1, 3, 7}),  # a typo still finds them
    ],
)
def test_search_ranks_best_first(query: str, first: int, also: set[int]) -> None:
    found = ids(query)
    assert found[0] == first
    assert also <= set(found[1:])


def test_initials_find_every_zw_name_below_a_spelled_match() -> None:
    assert set(ids("zw")) == {1, 3, 4, 7}
    by_initials = {h.candidate.id: h.score for h in search("zw", PEOPLE)}
    assert by_initials[1] < {h.candidate.id: h.score for h in search("zhangwei", PEOPLE)}[1]


def test_search_scores_are_descending_and_limited() -> None:
    hits = search("zhang", PEOPLE, limit=3)
    assert len(hits) == 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize("query", ["", "   ", "xyz", "!!", "12"])
def test_search_without_a_real_match_is_empty(query: str) -> None:
    assert ids(query) == []


def test_search_does_not_match_unrelated_names() -> None:
    assert 2 not in ids("zhang wei")
    assert 1 not in ids("li na")


# ---- quick line ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张伟 138 1234 5678 exhibition",
         QuickLine("张伟", "+8613812345678", "exhibition", Method.EXHIBITION)),
        ("Zhang Wei, +86 138-1234-5678, met at Canton Fair",
         QuickLine("Zhang Wei", "+8613812345678", "met at Canton Fair", Method.EXHIBITION)),
        ("李娜，13912345678，展会认识",
         QuickLine("李娜", "+8613912345678", "展会认识", Method.EXHIBITION)),
        ("王芳 010-6552-9988 下午联系 <b>hi</b>",
         QuickLine("王芳", "+861065529988", "下午联系 <b>hi</b>", None)),
        ("exhibition 13912345678", QuickLine(None, "+8613912345678", "exhibition",
                                              Method.EXHIBITION)),
        ("13812345678", QuickLine(None, "+8613812345678", "", None)),
        ("张三 138 1234", QuickLine("张三", None, "138 1234", None)),
        ("Li Ming referral from 老王", QuickLine("Li Ming", None, "referral from 老王",
                                                 Method.REFERRAL)),
        ("", QuickLine(None, None, "", None)),
    ],
)
def test_quick_line(text: str, expected: QuickLine) -> None:
    assert parse_quick_line(text, "CN") == expected


def test_quick_line_uses_the_team_region() -> None:
    assert parse_quick_line("Tom 020 7946 0958", "GB").phone == "+442079460958"
    assert parse_quick_line("Tom +1 650 253 0000", "CN").phone == "+16502530000"


# ---- priority --------------------------------------------------------------------------------

def prospect(
    pid: int, man: str = "???", stage: Stage = Stage.NEW, last: date | None = None,
    do_not_contact: bool = False,
) -> Prospect:
    """A stored prospect created on 2026-10-01 with the given MAN code and stage."""
    codes = {"Y": Answer.YES, "N": Answer.NO, "?": Answer.UNKNOWN}
    answers = ManAnswers(*(codes[ch] for ch in man))
    draft = ProspectDraft(Kind.INDIVIDUAL, f"p{pid}", Method.EXHIBITION, man=answers,
                          stage=stage, do_not_contact=do_not_contact)
    created = datetime(2026, 10, 1, tzinfo=UTC)
    return Prospect(pid, 1, 1, draft, created, last)


def test_priority_follows_class_then_stage_then_staleness() -> None:
    ideal_stale = prospect(1, "YYY", last=date(2026, 10, 1))
    ideal_fresh = prospect(2, "YYY", last=TODAY)
    worth = prospect(3, "YYN", last=date(2026, 10, 1))
    nurture = prospect(4, "NYY", stage=Stage.MET, last=date(2026, 11, 1))
    not_prospect = prospect(5, "NNN", last=date(2026, 1, 1))
    order = [ideal_stale, ideal_fresh, worth, nurture, not_prospect]
    assert by_priority(reversed(order), TODAY, SH) == order
    assert priority(ideal_stale, TODAY, SH) == 60 + 10 + 30
    assert priority(ideal_fresh, TODAY, SH) == 70
    assert priority(not_prospect, TODAY, SH) == 10


def test_never_contacted_counts_from_creation_and_stage_adds_points() -> None:
    assert days_since_contact(prospect(1), TODAY, SH) == 53
    assert priority(prospect(1, "YYY", Stage.APPOINTMENT, TODAY), TODAY, SH) > priority(
        prospect(2, "YYY", Stage.NEW, TODAY), TODAY, SH
    )


def test_a_card_created_this_local_morning_is_not_a_day_old() -> None:
    """Created 2026-11-23 23:30 UTC = 07:30 on the 24th in Shanghai: 0 local days, not 1."""
    fresh = replace(prospect(1), created_at=datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    shanghai_today = date(2026, 11, 24)
    assert days_since_contact(fresh, shanghai_today, SH) == 0
    assert days_since_contact(fresh, shanghai_today, "UTC") == 1  # the zone counts


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (prospect(1, "YYY", do_not_contact=True), 0),
        (prospect(2, "YYY", Stage.LOST), PARKED_PRIORITY),
        (prospect(3, "YYY", Stage.DORMANT), PARKED_PRIORITY),
    ],
)
def test_parked_and_do_not_contact_prospects_sink(item: Prospect, expected: int) -> None:
    assert priority(item, TODAY, SH) == expected


def test_candidate_of_a_stored_prospect() -> None:
    stored = prospect(8)
    seen = matching.candidate_of(stored, "Rep Li")
    assert (seen.id, seen.name, seen.owner) == (8, "p8", "Rep Li")
