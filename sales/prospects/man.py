"""The prospect card (客户卡) and its input rules: what a rep types, cleaned or refused."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import product
from statistics import fmean

from sales.kernel.errors import Refused


class Answer(StrEnum):
    """A MAN answer: yes, no, or not asked yet (asked again on a later visit)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


ANSWER_WORDS: dict[Answer, tuple[str, ...]] = {
    Answer.YES: ("yes", "y", "true", "1", "是", "有", "对", "能", "会", "✓", "✔"),
    Answer.NO: ("no", "n", "false", "0", "否", "不", "没有", "无", "不能", "✗", "✘"),
    Answer.UNKNOWN: ("", "?", "？", "unknown", "不知道", "未知", "不确定"),
}


@dataclass(frozen=True, slots=True)
class ManAnswers:
    """The three MAN questions; each may stay unknown until the rep finds out."""

    money: Answer = Answer.UNKNOWN
    authority: Answer = Answer.UNKNOWN
    need: Answer = Answer.UNKNOWN


ADVICE_PREFIX = "man-advice-"
ADVICE_ASK = "man-advice-ask"
VERDICT_PREFIX = "man-verdict-"
Combo = tuple[bool, bool, bool]


class Letter(StrEnum):
    """The three questions in table order: Money, Authority, Need."""

    M = "M"
    A = "A"
    N = "N"


class Verdict(StrEnum):
    """The verdict column of method.md; `unqualified` while unknown letters could change it."""

    IDEAL = "ideal"
    WORTH = "worth-contacting"
    NURTURE = "nurture"
    NOT_PROSPECT = "not-prospect"
    UNQUALIFIED = "unqualified"


class ManClass(StrEnum):
    """80:20 priority class: A ideal, B worth contacting, C nurture, D not a prospect."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


# method.md §1, row by row: (M, A, N) -> verdict. The advice key spells the row in y/n.
TABLE: dict[Combo, Verdict] = {
    (True, True, True): Verdict.IDEAL,
    (True, True, False): Verdict.WORTH,
    (True, False, True): Verdict.WORTH,
    (False, False, True): Verdict.WORTH,
    (False, True, True): Verdict.NURTURE,
    (False, True, False): Verdict.NURTURE,
    (True, False, False): Verdict.NURTURE,
    (False, False, False): Verdict.NOT_PROSPECT,
}


CLASS_OF: dict[Verdict, ManClass] = {
    Verdict.IDEAL: ManClass.A,
    Verdict.WORTH: ManClass.B,
    Verdict.NURTURE: ManClass.C,
    Verdict.NOT_PROSPECT: ManClass.D,
}


# Priority points per class; unknown letters average over the combinations still possible.
CLASS_POINTS: dict[ManClass, float] = {
    ManClass.A: 60.0, ManClass.B: 35.0, ManClass.C: 15.0, ManClass.D: 0.0,
}


@dataclass(frozen=True, slots=True)
class ManVerdict:
    """What the rep sees after qualifying: verdict, class (None until decided), advice key."""

    code: str
    verdict: Verdict
    cls: ManClass | None
    advice_key: str
    unknown: tuple[Letter, ...]
    points: float

    @property
    def verdict_key(self) -> str:
        """The Fluent key of the verdict's name, e.g. man-verdict-ideal."""
        return VERDICT_PREFIX + self.verdict.value


def _answers(answers: ManAnswers) -> tuple[Answer, Answer, Answer]:
    """The answers in M, A, N order."""
    return answers.money, answers.authority, answers.need


def code(answers: ManAnswers) -> str:
    """The course's notation: capital = yes, small = no, '?' = not known yet (e.g. 'Ma?')."""
    return "".join(
        letter.value if answer is Answer.YES else letter.value.lower() if answer is Answer.NO
        else "?"
        for letter, answer in zip(Letter, _answers(answers), strict=True)
    )


def parse_code(text: str) -> ManAnswers:
    """The inverse of `code`: 'MaN' or 'm?N' (three characters in M, A, N order)."""
    if len(text) != 3 or any(ch.upper() != ltr.value and ch != "?" for ch, ltr in zip(
            text, Letter, strict=True)):
        raise Refused("man-bad-code", value=text)
    values = tuple(
        Answer.UNKNOWN if ch == "?" else Answer.YES if ch.isupper() else Answer.NO for ch in text
    )
    return ManAnswers(*values)


def unknown_letters(answers: ManAnswers) -> tuple[Letter, ...]:
    """The questions to ask again on the next contact."""
    return tuple(
        letter for letter, answer in zip(Letter, _answers(answers), strict=True)
        if answer is Answer.UNKNOWN
    )


def combos(answers: ManAnswers) -> list[Combo]:
    """Every table row the answers still allow (one when all are known, eight when none)."""
    choices = [
        (True, False) if answer is Answer.UNKNOWN else (answer is Answer.YES,)
        for answer in _answers(answers)
    ]
    return [(m, a, n) for m, a, n in product(*choices)]


def advice_key(combo: Combo) -> str:
    """The Fluent key of a row's advice, e.g. man-advice-yyn for M A n."""
    return ADVICE_PREFIX + "".join("y" if yes else "n" for yes in combo)


def verdict(answers: ManAnswers) -> ManVerdict:
    """Table lookup; with unknowns, a verdict only if every possible row agrees on it."""
    rows = combos(answers)
    verdicts = {TABLE[row] for row in rows}
    adviced = {advice_key(row) for row in rows}
    decided = verdicts.pop() if len(verdicts) == 1 else None
    return ManVerdict(
        code=code(answers),
        verdict=decided or Verdict.UNQUALIFIED,
        cls=CLASS_OF[decided] if decided else None,
        advice_key=adviced.pop() if len(adviced) == 1 else ADVICE_ASK,
        unknown=unknown_letters(answers),
        points=fmean(CLASS_POINTS[CLASS_OF[TABLE[row]]] for row in rows),
    )
