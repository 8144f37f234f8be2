"""Record a visit: prospect -> channel -> day -> outcome (amount / reason) -> notes, photo,
location -> proposed stage -> open MAN letters -> next step -> save."""

from aiogram.fsm.state import State, StatesGroup


class VisitSG(StatesGroup):
    pick = State()
    channel = State()
    day = State()
    calendar = State()
    outcome = State()
    amount = State()
    reason = State()
    details = State()
    stage = State()
    man = State()
    next = State()
    next_calendar = State()
    next_time = State()
    next_text = State()
    done = State()


# start_data: {"prospect_id": int, "follow_up_id": int | None} skips the pick step.
PROSPECT_ID = "prospect_id"
# dialog_data keys
DRAFT = "visit"          # channel, day, outcome, amount, currency, reason, notes, photo, lat, lon
HITS = "hits"            # search results on the pick step
STAGE = "stage"          # the accepted stage change (or None)
MAN = "man"              # MAN answers as a dict, updated letter by letter
LETTER = "letter"        # the MAN letter being asked
NEXT = "next"            # {"due_on": iso, "due_time": "HH:MM" | None, "text": str | None}
SAVED = "saved"          # the visit id, once recorded
PROPOSED = "proposed"    # the stage the outcome suggests, offered on the stage step (or None)
UNKNOWN = "unknown"      # MAN letters still unknown, asked one at a time
SUGGESTED = "suggested"  # ISO day the cadence suggests for the next step, if any
REASON = "reason"        # Fluent key saying why that day
AT = "at"                # "HH:MM": the prospect's preferred contact time, if known
PAST_AT = "past_at"      # "HH:MM": a time typed for today that has passed (tomorrow offered)
# Select item values that getters offer and handlers recognise
QUICK_SUGGESTED = "suggested"  # next-step quick choice: the suggested day
NO_TIME = "none"               # next-step time choice: no time of day


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    PICK = "pick"            # the prospect, from recent ones or a search
    CHANNEL = "ch"
    TODAY = "today"          # the day: today, yesterday, or from the calendar
    YESTERDAY = "yesterday"
    CALENDAR = "cal"
    OUTCOME = "out"
    SKIP = "skip"            # no lost reason
    DETAILS_DONE = "details_done"
    STAGE_YES = "stage_yes"  # accept the proposed stage, or not
    STAGE_NO = "stage_no"
    MAN = "man"              # MAN answers, composed as man_<answer>
    SUGGESTED = "suggested"  # the next step: suggested day, quick choices, calendar, none
    QUICK = "quick"
    NEXT_CALENDAR = "ncal"
    NO_NEXT = "no_next"
    TIME = "time"
    SKIP_TEXT = "skip_text"
    OPEN = "open"            # recorded: open the card
    BACK = "back"
    REFERRALS = "referrals"  # done: ask for referrals after a good outcome
    TOMORROW = "tomorrow"    # a time already past today: the same time tomorrow
