"""Record a visit in few taps: prospect -> outcome (channel and day defaulted, changeable) ->
the last screen -> save. The last screen has the stage change applied (with an undo), the
cadence's next day already chosen (changeable: the suggested day is the first button there), the
open MAN letters as toggles, and time, next-step text, notes, photo and location, all optional.
A check-in (a shared location) offers the nearest prospects and stamps a face-to-face visit."""

from aiogram.fsm.state import State, StatesGroup


class VisitSG(StatesGroup):
    pick = State()
    nearby = State()         # check-in: prospects whose last stamped visits are nearest
    outcome = State()        # channel and day shown as defaults, with buttons to change them
    channel = State()
    day = State()
    calendar = State()
    amount = State()
    reason = State()
    plan = State()           # another day for the next contact (the suggested one first)
    next_calendar = State()
    finish = State()         # stage undo, MAN toggles, next day/time/text, notes, photo, save
    next_time = State()
    next_text = State()
    done = State()


# start_data: {"prospect_id": int} skips the pick step (a card, a reminder's Done);
# {"lat": float, "lon": float} starts a check-in on the nearby step.
PROSPECT_ID = "prospect_id"
LATITUDE = "lat"
LONGITUDE = "lon"
# dialog_data keys
NAME = "name"            # the prospect's name, read once at the pick
DRAFT = "visit"          # channel, day, outcome, amount, currency, reason, notes, photo, lat, lon
HITS = "hits"            # search results on the pick (or nearby) step
NEAR = "near"            # [(id, name, metres)] offered on check-in
HERE = "here"            # [lat, lon] the rep shared on check-in
AMEND = "amend"          # the check-in visit this flow completes
CHECKED_IN = "checked_in"  # "HH:MM" local time of that check-in
STAGE = "stage"          # the stage change applied (None after an undo)
MAN = "man"              # MAN answers as a dict, toggled letter by letter
NEXT = "next"            # {"due_on": iso, "due_time": "HH:MM" | None, "text": str | None}
AUTO_NEXT = "auto_next"  # the next step is the cadence's suggestion (follows MAN toggles)
SAVED = "saved"          # the visit id, once recorded
PROPOSED = "proposed"    # the stage the outcome implies (or None)
UNKNOWN = "unknown"      # MAN letters unknown when the plan was made: shown as toggles
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
    NEARBY = "near"          # check-in: a prospect near the shared location
    CHANNEL = "ch"
    TO_CHANNEL = "to_ch"     # the outcome step: change the defaulted channel or day
    TO_DAY = "to_day"
    TODAY = "today"          # the day: today, yesterday, or from the calendar
    YESTERDAY = "yesterday"
    CALENDAR = "cal"
    OUTCOME = "out"
    SKIP = "skip"            # no lost reason
    MAN = "man"              # an open MAN letter: tap to cycle don't know -> yes -> no
    TO_PLAN = "to_plan"      # the last screen: another day for the next contact
    SUGGESTED = "suggested"  # the next step: suggested day, quick choices, calendar, none
    QUICK = "quick"
    NEXT_CALENDAR = "ncal"
    NO_NEXT = "no_next"
    TIME = "time"
    OTHER_TIME = "other_time"
    NEXT_TEXT = "next_text"
    UNDO_STAGE = "undo_stage"  # the applied stage change: undo it, or apply it again
    SAVE = "save"
    OPEN = "open"            # recorded: open the card
    BACK = "back"
    REFERRALS = "referrals"  # done: ask for referrals after a good outcome
    TOMORROW = "tomorrow"    # a time already past today: the same time tomorrow
