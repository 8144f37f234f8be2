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
SAVED = "saved"
