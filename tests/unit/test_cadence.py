"""Follow-up discipline of method.md §4: stages per outcome, cadence table, density warnings."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from sales.prospects.man import Answer, ManAnswers, ManClass
from sales.prospects.model import ContactWindow, Kind, Method, Prospect, ProspectDraft, Stage
from sales.visits import cadence
from sales.visits.model import Channel, FollowUpSuggestion, Outcome, Warning

Y, N, U = Answer.YES, Answer.NO, Answer.UNKNOWN
MAN_OF: dict[ManClass | None, ManAnswers] = {
    ManClass.A: ManAnswers(Y, Y, Y),
    ManClass.B: ManAnswers(Y, Y, N),
    ManClass.C: ManAnswers(N, Y, Y),
    ManClass.D: ManAnswers(N, N, N),
    None: ManAnswers(Y, U, U),
}
WED = date(2026, 6, 10)  # a Wednesday
THU = date(2026, 6, 11)


def prospect(
    cls: ManClass | None = ManClass.A, stage: Stage = Stage.NEW, *,
    kind: Kind = Kind.INDIVIDUAL, window: ContactWindow | None = None,
    do_not_contact: bool = False,
) -> Prospect:
    card = ProspectDraft(kind=kind, name="Wang Fang", method=Method.REFERRAL, man=MAN_OF[cls],
                         stage=stage, contact_time=window, do_not_contact=do_not_contact)
    return Prospect(id=7, team_id=1, owner_id=2, card=card,
                    created_at=datetime(2026, 1, 1, tzinfo=UTC))


S, OC = Stage, Outcome


@pytest.mark.parametrize(
    ("current", "outcome", "expected"),
    [
        (S.NEW, OC.NO_ANSWER, None),
        (S.MET, OC.NO_ANSWER, None),
        (S.NEW, OC.INTERESTED, S.QUALIFIED),
        (S.QUALIFIED, OC.INTERESTED, None),
        (S.APPOINTMENT, OC.INTERESTED, None),
        (S.NEW, OC.APPOINTMENT, S.APPOINTMENT),
        (S.QUALIFIED, OC.APPOINTMENT, S.APPOINTMENT),
        (S.APPOINTMENT, OC.APPOINTMENT, None),
        (S.MET, OC.APPOINTMENT, None),  # a second meeting does not undo the first
        (S.APPOINTMENT, OC.MET, S.MET),
        (S.NEW, OC.MET, S.MET),
        (S.QUALIFIED, OC.QUOTED, S.MET),
        (S.MET, OC.QUOTED, None),
        (S.MET, OC.WON, S.WON),
        (S.NEW, OC.WON, S.WON),
        (S.MET, OC.LOST, S.LOST),
        (S.DORMANT, OC.LOST, S.LOST),
        (S.LOST, OC.LOST, None),
        (S.QUALIFIED, OC.NOT_INTERESTED, S.DORMANT),
        (S.MET, OC.NOT_INTERESTED, S.DORMANT),
        (S.DORMANT, OC.NOT_INTERESTED, None),
        (S.LOST, OC.NOT_INTERESTED, None),
        # a won customer only ever moves to lost
        (S.WON, OC.LOST, S.LOST),
        (S.WON, OC.NOT_INTERESTED, None),
        (S.WON, OC.INTERESTED, None),
        (S.WON, OC.APPOINTMENT, None),
        (S.WON, OC.MET, None),
        (S.WON, OC.QUOTED, None),
        (S.WON, OC.WON, None),
        # lost and dormant prospects come back
        (S.LOST, OC.INTERESTED, S.QUALIFIED),
        (S.DORMANT, OC.APPOINTMENT, S.APPOINTMENT),
        (S.LOST, OC.QUOTED, S.MET),
        (S.DORMANT, OC.WON, S.WON),
    ],
)
def test_proposed_stage(current: Stage, outcome: Outcome, expected: Stage | None) -> None:
    assert cadence.proposed_stage(current, outcome) is expected


def test_every_outcome_and_stage_has_a_rule() -> None:
    for current in Stage:
        for outcome in Outcome:
            result = cadence.proposed_stage(current, outcome)
            assert result is not current
            if current is Stage.WON:
                assert result in (None, Stage.LOST)


def test_vocabulary_values_are_stored_strings() -> None:
    assert [c.value for c in Channel] == ["visit", "call", "message", "mail", "other"]
    assert [o.value for o in Outcome] == [
        "no_answer", "not_interested", "interested", "appointment", "met", "quoted", "won",
        "lost",
    ]


A, B, C, D = ManClass.A, ManClass.B, ManClass.C, ManClass.D


@pytest.mark.parametrize(
    ("cls", "stage", "outcome", "days", "reason"),
    [
        (A, S.NEW, None, 2, "cadence-reason-priority"),
        (A, S.NEW, OC.INTERESTED, 4, "cadence-reason-priority"),
        (A, S.QUALIFIED, OC.APPOINTMENT, 1, "cadence-reason-appointment"),
        (A, S.APPOINTMENT, OC.MET, 6, "cadence-reason-priority"),
        (A, S.MET, OC.QUOTED, 6, "cadence-reason-priority"),
        (B, S.NEW, OC.INTERESTED, 7, "cadence-reason-develop"),
        (B, S.NEW, OC.APPOINTMENT, 2, "cadence-reason-appointment"),
        (C, S.QUALIFIED, None, 30, "cadence-reason-nurture"),
        (C, S.NEW, OC.MET, 30, "cadence-reason-nurture"),
        (C, S.NEW, None, 14, "cadence-reason-nurture"),
        (None, S.NEW, None, 3, "cadence-reason-qualify"),
        (None, S.NEW, OC.INTERESTED, 7, "cadence-reason-qualify"),
        (A, S.MET, OC.WON, 30, "cadence-reason-service"),
        (B, S.MET, OC.LOST, 90, "cadence-reason-win-back"),
        (A, S.QUALIFIED, OC.NOT_INTERESTED, 60, "cadence-reason-revive"),
        # no answer: retry sooner than the stage's cadence, but never sooner than it
        (C, S.QUALIFIED, OC.NO_ANSWER, 7, "cadence-reason-retry"),
        (B, S.QUALIFIED, OC.NO_ANSWER, 2, "cadence-reason-retry"),
        (A, S.APPOINTMENT, OC.NO_ANSWER, 1, "cadence-reason-retry"),
    ],
)
def test_suggestion_per_class_and_stage(
    cls: ManClass | None, stage: Stage, outcome: Outcome | None, days: int, reason: str
) -> None:
    got = cadence.suggest_follow_up(prospect(cls, stage), outcome, WED)
    assert got == FollowUpSuggestion(WED + timedelta(days=days), None, days, reason)


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize("outcome", [None, *Outcome])
def test_class_d_is_not_followed_up(stage: Stage, outcome: Outcome | None) -> None:
    assert cadence.suggest_follow_up(prospect(D, stage), outcome, WED) is None


def test_do_not_contact_gets_no_suggestion() -> None:
    assert cadence.suggest_follow_up(prospect(A, do_not_contact=True), None, WED) is None


def test_d_open_prospect_suggests_dormant() -> None:
    assert cadence.suggests_dormant(prospect(D, Stage.MET))
    assert not cadence.suggests_dormant(prospect(D, Stage.DORMANT))
    assert not cadence.suggests_dormant(prospect(C, Stage.MET))


@pytest.mark.parametrize(
    ("kind", "today", "outcome", "due", "days"),
    [
        # Thursday + 2 = Saturday: organisations move to Monday, individuals do not
        (Kind.ORGANISATION, THU, OC.NO_ANSWER, date(2026, 6, 15), 4),
        (Kind.INDIVIDUAL, THU, OC.NO_ANSWER, date(2026, 6, 13), 2),
        # Wednesday + 4 = Sunday
        (Kind.ORGANISATION, WED, OC.INTERESTED, date(2026, 6, 15), 5),
        (Kind.INDIVIDUAL, WED, OC.INTERESTED, date(2026, 6, 14), 4),
        # a weekday is kept
        (Kind.ORGANISATION, WED, OC.APPOINTMENT, date(2026, 6, 11), 1),
    ],
)
def test_organisations_skip_weekends(
    kind: Kind, today: date, outcome: Outcome, due: date, days: int
) -> None:
    got = cadence.suggest_follow_up(prospect(A, kind=kind), outcome, today)
    assert got is not None
    assert (got.due_on, got.days) == (due, days)


def test_preferred_window_suggests_its_start() -> None:
    window = ContactWindow(time(14), time(17, 30))
    got = cadence.suggest_follow_up(prospect(B, window=window), OC.INTERESTED, WED)
    assert got is not None and got.at == time(14)


def test_suggestions_never_trigger_too_soon() -> None:
    for stage in Stage:
        for cls in (A, B, C, None):
            for outcome in (None, *Outcome):
                got = cadence.suggest_follow_up(prospect(cls, stage), outcome, WED)
                assert got is not None
                assert cadence.density_warning([WED], got.due_on, cls) is None, (cls, stage)


@pytest.mark.parametrize(
    ("choice", "today", "expected"),
    [
        ("tomorrow", date(2026, 12, 31), date(2027, 1, 1)),
        ("3d", date(2026, 2, 27), date(2026, 3, 2)),
        ("1w", date(2026, 6, 10), date(2026, 6, 17)),
        ("2w", date(2026, 6, 24), date(2026, 7, 8)),
        ("1m", date(2026, 6, 10), date(2026, 7, 10)),
        ("1m", date(2026, 1, 31), date(2026, 2, 28)),
        ("1m", date(2028, 1, 31), date(2028, 2, 29)),
        ("1m", date(2026, 3, 31), date(2026, 4, 30)),
        ("1m", date(2026, 12, 15), date(2027, 1, 15)),
        ("1m", date(2026, 12, 31), date(2027, 1, 31)),
    ],
)
def test_quick_date(choice: str, today: date, expected: date) -> None:
    assert cadence.quick_date(choice, today) == expected


def test_every_quick_choice_is_a_later_day() -> None:
    days = [cadence.quick_date(choice, WED) for choice in cadence.QUICK_CHOICES]
    assert days == sorted(days) and len(set(days)) == len(days) and days[0] > WED


def test_unknown_quick_choice_is_a_bug() -> None:
    with pytest.raises(ValueError, match="1y"):
        cadence.quick_date("1y", WED)


def every(step: int, count: int, start: date = date(2026, 6, 1)) -> list[date]:
    """Contact days every `step` days."""
    return [start + timedelta(days=step * i) for i in range(count)]


@pytest.mark.parametrize(
    ("cls", "history", "proposed", "expected"),
    [
        # §4: calling an "interested" prospect every third day is pressure, whatever the class
        (B, every(3, 2), date(2026, 6, 7), Warning("cadence-too-dense", {"count": 3, "days": 7})),
        (A, every(3, 4), date(2026, 6, 13),
         Warning("cadence-too-dense", {"count": 3, "days": 7})),
        (None, every(3, 2), date(2026, 6, 7),
         Warning("cadence-too-dense", {"count": 3, "days": 7})),
        # daily calls
        (A, every(1, 2), date(2026, 6, 3), Warning("cadence-too-dense", {"count": 3, "days": 7})),
        # weekly for A (and B) is fine, twice a week too
        (A, every(7, 3), date(2026, 6, 22), None),
        (B, every(7, 3), date(2026, 6, 22), None),
        (A, every(4, 3), date(2026, 6, 13), None),
        # the window is seven days ending on the proposed day
        (A, [date(2026, 6, 1), date(2026, 6, 4)], date(2026, 6, 8), None),
        (A, [date(2026, 6, 2), date(2026, 6, 4)], date(2026, 6, 8),
         Warning("cadence-too-dense", {"count": 3, "days": 7})),
        # several contacts on one day count once
        (A, [date(2026, 6, 4), date(2026, 6, 4)], date(2026, 6, 8), None),
        # nurture (C): at most one contact a week, at least a week apart
        (C, [date(2026, 6, 1)], date(2026, 6, 8), None),
        (C, [date(2026, 6, 1)], date(2026, 6, 5),
         Warning("cadence-too-dense", {"count": 2, "days": 7})),
        (C, [date(2026, 5, 1)], date(2026, 6, 1), None),
        # too soon after the last contact
        (B, [date(2026, 6, 1)], date(2026, 6, 2), Warning("cadence-too-soon",
                                                          {"days": 1, "min": 2})),
        (A, [date(2026, 6, 1)], date(2026, 6, 1), Warning("cadence-too-soon",
                                                          {"days": 0, "min": 1})),
        (A, [date(2026, 6, 1)], date(2026, 6, 2), None),
        (None, [date(2026, 6, 1)], date(2026, 6, 3), None),
        # no history: nothing to compare with
        (B, [], date(2026, 6, 2), None),
        (C, [], date(2026, 6, 2), None),
        # D: the MAN rule says stop contacting
        (D, [], date(2026, 6, 2), Warning("cadence-not-prospect")),
    ],
)
def test_density_warning(
    cls: ManClass | None, history: list[date], proposed: date, expected: Warning | None
) -> None:
    assert cadence.density_warning(history, proposed, cls) == expected


@pytest.mark.parametrize(
    ("at", "warned"),
    [
        (time(9), True),  # the hour the customer spends on email
        (time(13, 59), True),
        (time(14), False),
        (time(15, 30), False),
        (time(17, 29), False),
        (time(17, 30), True),
        (time(20), True),
    ],
)
def test_outside_window(at: time, warned: bool) -> None:
    window = ContactWindow(time(14), time(17, 30))
    got = cadence.window_warning(window, at)
    expected = Warning("cadence-outside-window", {
        "at": at.strftime("%H:%M"), "start": "14:00", "end": "17:30"}) if warned else None
    assert got == expected
