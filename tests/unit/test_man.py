"""The MAN table of method.md §1: every combination, unknown letters, notation."""

from __future__ import annotations

from itertools import product

import pytest

from sales.kernel.errors import Refused
from sales.prospects import man
from sales.prospects.man import Answer, Letter, ManAnswers, ManClass, Verdict

Y, N, U = Answer.YES, Answer.NO, Answer.UNKNOWN


@pytest.mark.parametrize(
    ("answers", "code", "verdict", "cls", "advice"),
    [
        (ManAnswers(Y, Y, Y), "MAN", Verdict.IDEAL, ManClass.A, "man-advice-yyy"),
        (ManAnswers(Y, Y, N), "MAn", Verdict.WORTH, ManClass.B, "man-advice-yyn"),
        (ManAnswers(Y, N, Y), "MaN", Verdict.WORTH, ManClass.B, "man-advice-yny"),
        (ManAnswers(N, N, Y), "maN", Verdict.WORTH, ManClass.B, "man-advice-nny"),
        (ManAnswers(N, Y, Y), "mAN", Verdict.NURTURE, ManClass.C, "man-advice-nyy"),
        (ManAnswers(N, Y, N), "mAn", Verdict.NURTURE, ManClass.C, "man-advice-nyn"),
        (ManAnswers(Y, N, N), "Man", Verdict.NURTURE, ManClass.C, "man-advice-ynn"),
        (ManAnswers(N, N, N), "man", Verdict.NOT_PROSPECT, ManClass.D, "man-advice-nnn"),
    ],
)
def test_each_of_the_eight_combinations(
    answers: ManAnswers, code: str, verdict: Verdict, cls: ManClass, advice: str
) -> None:
    result = man.verdict(answers)
    assert (result.code, result.verdict, result.cls, result.advice_key) == (
        code, verdict, cls, advice
    )
    assert result.unknown == ()
    assert result.points == man.CLASS_POINTS[cls]
    assert result.verdict_key == f"man-verdict-{verdict.value}"


def test_table_covers_all_combinations_with_distinct_advice() -> None:
    rows = [(m, a, n) for m, a, n in product((True, False), repeat=3)]
    assert set(man.TABLE) == set(rows)
    assert len({man.advice_key(row) for row in rows}) == 8


@pytest.mark.parametrize(
    ("code", "verdict", "cls", "advice", "unknown", "points"),
    [
        ("???", Verdict.UNQUALIFIED, None, man.ADVICE_ASK, (Letter.M, Letter.A, Letter.N), 26.25),
        ("MA?", Verdict.UNQUALIFIED, None, man.ADVICE_ASK, (Letter.N,), 47.5),
        ("ma?", Verdict.UNQUALIFIED, None, man.ADVICE_ASK, (Letter.N,), 17.5),
        ("M?N", Verdict.UNQUALIFIED, None, man.ADVICE_ASK, (Letter.A,), 47.5),
        # every possible row agrees on the verdict: it is known, only the advice waits
        ("?aN", Verdict.WORTH, ManClass.B, man.ADVICE_ASK, (Letter.M,), 35.0),
        ("mA?", Verdict.NURTURE, ManClass.C, man.ADVICE_ASK, (Letter.N,), 15.0),
    ],
)
def test_unknown_letters_leave_the_verdict_open_unless_all_rows_agree(
    code: str, verdict: Verdict, cls: ManClass | None, advice: str,
    unknown: tuple[Letter, ...], points: float,
) -> None:
    result = man.verdict(man.parse_code(code))
    assert (result.verdict, result.cls, result.advice_key) == (verdict, cls, advice)
    assert result.unknown == unknown
    assert result.points == pytest.approx(points)
    assert result.code == code


@pytest.mark.parametrize(
    ("answers", "letters"),
    [
        (ManAnswers(), (Letter.M, Letter.A, Letter.N)),
        (ManAnswers(Y, U, N), (Letter.A,)),
        (ManAnswers(U, N, U), (Letter.M, Letter.N)),
        (ManAnswers(Y, N, Y), ()),
    ],
)
def test_unknown_letters_are_the_ones_to_ask_again(
    answers: ManAnswers, letters: tuple[Letter, ...]
) -> None:
    assert man.unknown_letters(answers) == letters


@pytest.mark.parametrize("values", list(product((Y, N, U), repeat=3)))
def test_code_round_trips(values: tuple[Answer, Answer, Answer]) -> None:
    answers = ManAnswers(*values)
    assert man.parse_code(man.code(answers)) == answers


@pytest.mark.parametrize("text", ["", "MA", "MANN", "XAN", "m-n", "NAM"])
def test_bad_code_is_refused(text: str) -> None:
    with pytest.raises(Refused) as caught:
        man.parse_code(text)
    assert caught.value.code == "man-bad-code"
    assert caught.value.args_for_text == {"value": text}


def test_classes_rank_by_points() -> None:
    points = [man.CLASS_POINTS[c] for c in (ManClass.A, ManClass.B, ManClass.C, ManClass.D)]
    assert points == sorted(points, reverse=True)
    assert len(set(points)) == 4
