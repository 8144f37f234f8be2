"""Input rules of the customer card: names, phones, email, WeChat, birthdays, the whole draft."""

from __future__ import annotations

from datetime import date, time

import pytest

from sales.kernel.errors import Refused
from sales.prospects import model as prospects
from sales.prospects.man import Answer
from sales.prospects.model import (
    Birthday,
    ContactWindow,
    Kind,
    Method,
    ProspectDraft,
    Stage,
    check_draft,
    clean_name,
    parse_answer,
    parse_birthday,
    parse_contact_time,
    parse_email,
    parse_method,
    parse_phone,
    parse_tags,
    parse_wechat,
)

TODAY = date(2026, 11, 23)


def refusal(call: object, *args: object, **kwargs: object) -> Refused:
    """Run a call that must refuse and hand back the refusal."""
    assert callable(call)
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    return caught.value


# ---- names -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  张伟  ", "张伟"),
        ("Zhang \t  Wei", "Zhang Wei"),
        ("张\x00伟\u200b", "张伟"),
        ("张伟😀", "张伟😀"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("Robert'); DROP TABLE prospects;--", "Robert'); DROP TABLE prospects;--"),
        ("O'Brien-Smith", "O'Brien-Smith"),
        ("张" * prospects.NAME_MAX, "张" * prospects.NAME_MAX),
    ],
)
def test_names_are_trimmed_and_kept_literally(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize("raw", ["", "   ", "😀😀", "👍🏻", "123", "!!!", "\u200b\u200d", "☎️ 📞"])
def test_names_without_any_letter_are_refused(raw: str) -> None:
    error = refusal(clean_name, raw)
    assert error.code == "prospect-bad-name"
    assert error.args_for_text == {"field": "name"}


def test_overlong_name_is_refused_with_the_limit() -> None:
    error = refusal(clean_name, "张" * (prospects.NAME_MAX + 1))
    assert error.code == "prospect-too-long"
    assert error.args_for_text == {"field": "name", "max": prospects.NAME_MAX}


def test_multiline_text_keeps_its_lines() -> None:
    assert prospects.clean_text(" a \n\n  b  c ", "notes", 50, multiline=True) == "a\n\nb c"
    assert prospects.clean_text("   ", "notes", 50) is None


# ---- phones ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("13812345678", "CN", "+8613812345678"),
        ("138 1234 5678", "CN", "+8613812345678"),
        ("138-1234-5678", "CN", "+8613812345678"),
        ("+86 138 1234 5678", "CN", "+8613812345678"),
        ("+86-138-1234-5678", "GB", "+8613812345678"),
        ("0086 13812345678", "CN", "+8613812345678"),
        ("１３８１２３４５６７８", "CN", "+8613812345678"),
        ("138 1234 5678", "cn", "+8613812345678"),
        ("010 6552 9988", "CN", "+861065529988"),
        ("(010) 65529988", "CN", "+861065529988"),
        ("021-12345678", "CN", "+862112345678"),
        ("+1 650 253 0000", "CN", "+16502530000"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("(650) 253-0000", "US", "+16502530000"),
    ],
)
def test_phone_numbers_are_stored_as_e164(raw: str, region: str, e164: str) -> None:
    assert parse_phone(raw, region) == e164


@pytest.mark.parametrize(
    ("raw", "region"),
    [
        ("12345", "CN"),
        ("abc", "CN"),
        ("", "CN"),
        ("+86 138 1234 567", "CN"),
        ("1381234567", "CN"),
        ("138 1234 5678", "GB"),
        ("+86 000 0000 0000", "CN"),
    ],
)
def test_invalid_phone_numbers_are_refused(raw: str, region: str) -> None:
    error = refusal(parse_phone, raw, region)
    assert error.code == "prospect-bad-phone"
    assert error.args_for_text == {"value": raw}


# ---- email, WeChat ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("zhang.wei@Example.COM", "zhang.wei@example.com"),
        (" li+crm@mail.example.cn ", "li+crm@mail.example.cn"),
        ("a@b.co", "a@b.co"),
    ],
)
def test_email_shape_is_accepted(raw: str, clean: str) -> None:
    assert parse_email(raw) == clean


@pytest.mark.parametrize(
    "raw", ["zhangwei", "a@b", "@example.com", "a b@example.com", "a@@example.com",
            "a@-example.com", "a@example.c", "x" * 65 + "@example.com"],
)
def test_bad_email_is_refused(raw: str) -> None:
    assert refusal(parse_email, raw).code == "prospect-bad-email"


@pytest.mark.parametrize("raw", ["wxid_abc123", "zhang-wei88", "Zhangwei", "13812345678"])
def test_wechat_ids(raw: str) -> None:
    assert parse_wechat(f" {raw} ") == raw


@pytest.mark.parametrize("raw", ["abc", "1abcdef", "张伟微信号", "a" * 21, "zhang wei"])
def test_bad_wechat_is_refused(raw: str) -> None:
    assert refusal(parse_wechat, raw).code == "prospect-bad-wechat"


# ---- birthdays -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lunar", "birthday"),
    [
        ("1985-03-14", False, Birthday(3, 14, 1985)),
        ("1985/3/14", False, Birthday(3, 14, 1985)),
        ("1985.3.14", False, Birthday(3, 14, 1985)),
        ("1985年3月14日", False, Birthday(3, 14, 1985)),
        ("19850314", False, Birthday(3, 14, 1985)),
        ("3-14", False, Birthday(3, 14)),
        ("3月14号", False, Birthday(3, 14)),
        ("2-29", False, Birthday(2, 29)),
        ("2000-02-29", False, Birthday(2, 29, 2000)),
        ("2026-11-23", False, Birthday(11, 23, 2026)),
        ("1990-08-15", True, Birthday(8, 15, 1990, lunar=True)),
        ("农历1990年8月15日", False, Birthday(8, 15, 1990, lunar=True)),
        ("Lunar 8-15", False, Birthday(8, 15, lunar=True)),
        ("农历2月30", False, Birthday(2, 30, lunar=True)),
        ("农历1990年闰5月10日", False, Birthday(5, 10, 1990, lunar=True, leap=True)),
        ("2020年闰4月10日", True, Birthday(4, 10, 2020, lunar=True, leap=True)),
        ("农历2023年2月30日", False, Birthday(2, 30, 2023, lunar=True)),
        # yearless leap month: greeted on the ordinary month in years without that leap
        ("闰5-10", False, Birthday(5, 10, lunar=True, leap=True)),
        ("农历2025年闰6月1日", False, Birthday(6, 1, 2025, lunar=True, leap=True)),
    ],
)
def test_birthdays_are_parsed(text: str, lunar: bool, birthday: Birthday) -> None:
    assert parse_birthday(text, TODAY, lunar) == birthday


@pytest.mark.parametrize(
    ("text", "lunar", "code"),
    [
        ("2-30", False, "prospect-bad-birthday"),
        ("1990-02-30", False, "prospect-bad-birthday"),
        ("2023-02-29", False, "prospect-bad-birthday"),
        ("1985-13-01", False, "prospect-bad-birthday"),
        ("4-31", False, "prospect-bad-birthday"),
        ("0-10", False, "prospect-bad-birthday"),
        ("14.03.1985", False, "prospect-bad-birthday"),
        ("next tuesday", False, "prospect-bad-birthday"),
        ("", False, "prospect-bad-birthday"),
        ("1850-01-01", False, "prospect-bad-birthday"),
        ("2026-11-24", False, "prospect-birthday-future"),
        ("2031-01-01", False, "prospect-birthday-future"),
        ("农历2-31", False, "prospect-bad-birthday"),
        ("13-01", True, "prospect-bad-birthday"),
        ("农历2023年1月30日", False, "prospect-bad-birthday"),  # lunar 2023 month 1 has 29 days
        ("农历2022年闰2月1日", False, "prospect-bad-birthday"),  # 2022 has no leap month
        ("农历2023年闰3月1日", False, "prospect-bad-birthday"),  # 2023 leaps month 2, not 3
        ("闰5-31", False, "prospect-bad-birthday"),  # no lunar month has 31 days
        ("农历2028年闰6月1日", False, "prospect-bad-birthday"),  # 2028 leaps month 5, not 6
        ("农历2026年12月1日", False, "prospect-birthday-future"),  # solar 2027-01-08
        ("1899-12-01", True, "prospect-bad-birthday"),
    ],
)
def test_impossible_and_future_birthdays_are_refused(text: str, lunar: bool, code: str) -> None:
    error = refusal(parse_birthday, text, TODAY, lunar)
    assert error.code == code
    assert error.args_for_text == {"value": text}


def test_birthday_check_echoes_a_stored_birthday() -> None:
    error = refusal(prospects.check_birthday, Birthday(2, 30, 1990), TODAY)
    assert error.args_for_text == {"value": "1990-2-30"}


# ---- contact time, tags, method, answers -----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("9-11", ContactWindow(time(9), time(11))),
        ("09:30~11:45", ContactWindow(time(9, 30), time(11, 45))),
        ("14:00–17:00", ContactWindow(time(14), time(17))),
        ("9点到11点", ContactWindow(time(9), time(11))),
        ("下午", ContactWindow(time(14), time(18))),
        ("Evening", ContactWindow(time(19), time(21))),
    ],
)
def test_contact_time(text: str, window: ContactWindow) -> None:
    assert parse_contact_time(text) == window


@pytest.mark.parametrize("text", ["11-9", "9-9", "25-26", "9:75-10", "whenever", ""])
def test_bad_contact_time_is_refused(text: str) -> None:
    assert refusal(parse_contact_time, text).code == "prospect-bad-contact-time"


def test_tags_are_split_and_deduplicated() -> None:
    assert parse_tags("VIP, 老客户、vip #展会  ;Fair") == ("VIP", "老客户", "展会", "Fair")


def test_too_many_or_too_long_tags_are_refused() -> None:
    many = " ".join(f"t{i}" for i in range(prospects.TAGS_MAX + 1))
    assert refusal(parse_tags, many).args_for_text == {"max": prospects.TAGS_MAX}
    long_tag = refusal(parse_tags, "x" * (prospects.TAG_MAX + 1))
    assert (long_tag.code, long_tag.args_for_text["field"]) == ("prospect-too-long", "tags")


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("exhibition", Method.EXHIBITION),
        ("展会", Method.EXHIBITION),
        ("Trade Fair", Method.EXHIBITION),
        ("扫街", Method.COLD_CANVASS),
        ("center_of_influence", Method.CENTER_OF_INFLUENCE),
        ("光辉效应法", Method.CENTER_OF_INFLUENCE),
        ("滚雪球", Method.SNOWBALL),
        ("朋友介绍", Method.REFERRAL),
        ("DM", Method.DIRECT_MAIL),
        ("接收前任客户资料", Method.INHERITED),
    ],
)
def test_method_words(text: str, method: Method) -> None:
    assert parse_method(text) == method


def test_every_method_of_the_course_exists() -> None:
    keys = {"cold_canvass", "referral", "center_of_influence", "agent", "direct_mail",
            "telephone", "snowball", "records", "market_consulting", "observation",
            "advertising", "relationships", "exhibition", "inherited"}
    assert {m.value for m in Method} == keys
    assert set(prospects.METHOD_WORDS) == set(Method)
    assert {s.value for s in Stage} == {
        "new", "qualified", "appointment", "met", "won", "lost", "dormant"
    }


def test_unknown_method_is_refused() -> None:
    error = refusal(parse_method, "by magic")
    assert (error.code, error.args_for_text) == ("prospect-bad-method", {"value": "by magic"})


@pytest.mark.parametrize(
    ("text", "answer"),
    [("是", Answer.YES), ("Y", Answer.YES), ("no", Answer.NO), ("否", Answer.NO),
     ("?", Answer.UNKNOWN), ("", Answer.UNKNOWN), ("不知道", Answer.UNKNOWN)],
)
def test_answers(text: str, answer: Answer) -> None:
    assert parse_answer(text) == answer


def test_bad_answer_is_refused() -> None:
    assert refusal(parse_answer, "maybe").code == "prospect-bad-answer"


# ---- the whole card --------------------------------------------------------------------------

def draft(**changes: object) -> ProspectDraft:
    """A valid individual card with some fields changed."""
    base = ProspectDraft(Kind.INDIVIDUAL, " 张伟 ", Method.EXHIBITION, phone="138 1234 5678")
    fields = {name: getattr(base, name) for name in base.__dataclass_fields__}
    fields.update(changes)
    return ProspectDraft(**fields)


def test_check_draft_normalises_every_field() -> None:
    clean = check_draft(
        draft(email="ZW@Example.com", tags=("VIP", "vip", "老客户"), notes=" <b>hi</b> ",
              address=" 北京市 朝阳区 ", birthday=Birthday(3, 14, 1985)),
        "CN", TODAY,
    )
    assert clean.name == "张伟"
    assert clean.phone == "+8613812345678"
    assert clean.email == "ZW@example.com"
    assert clean.tags == ("VIP", "老客户")
    assert clean.notes == "<b>hi</b>"
    assert clean.address == "北京市 朝阳区"
    assert check_draft(clean, "CN", TODAY) == clean


def test_organisation_may_name_a_contact_and_a_long_company_name() -> None:
    org = draft(kind=Kind.ORGANISATION, name="华" * prospects.COMPANY_MAX, contact="李娜",
                decision_maker=Answer.YES)
    assert check_draft(org, "CN", TODAY).contact == "李娜"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name": "😀"}, "prospect-bad-name"),
        ({"name": "张" * (prospects.NAME_MAX + 1)}, "prospect-too-long"),
        ({"phone": "12345"}, "prospect-bad-phone"),
        ({"email": "nope"}, "prospect-bad-email"),
        ({"wechat": "x"}, "prospect-bad-wechat"),
        ({"birthday": Birthday(2, 30)}, "prospect-bad-birthday"),
        ({"birthday": Birthday(1, 1, 2030)}, "prospect-birthday-future"),
        ({"contact": "李娜"}, "prospect-contact-needs-org"),
        ({"decision_maker": Answer.YES}, "prospect-contact-needs-org"),
        ({"referred_by_id": 7}, "prospect-referrer-not-allowed"),
        ({"referred_by_name": "老王"}, "prospect-referrer-not-allowed"),
        ({"direct_mail": True}, "prospect-mail-needs-address"),
        ({"notes": "x" * (prospects.NOTES_MAX + 1)}, "prospect-too-long"),
        ({"company": "🏢"}, "prospect-bad-name"),
    ],
)
def test_check_draft_refuses(changes: dict[str, object], code: str) -> None:
    assert refusal(check_draft, draft(**changes), "CN", TODAY).code == code


@pytest.mark.parametrize(
    "method", [Method.REFERRAL, Method.SNOWBALL, Method.CENTER_OF_INFLUENCE, Method.AGENT]
)
def test_referral_methods_record_who_referred(method: Method) -> None:
    clean = check_draft(draft(method=method, referred_by_id=7, referred_by_name=" 老王 "),
                        "CN", TODAY)
    assert (clean.referred_by_id, clean.referred_by_name) == (7, "老王")


def test_do_not_contact_wins_over_direct_mail() -> None:
    clean = check_draft(draft(direct_mail=True, do_not_contact=True), "CN", TODAY)
    assert clean.direct_mail is False
    mailed = check_draft(draft(direct_mail=True, address="上海市"), "CN", TODAY)
    assert mailed.direct_mail is True
