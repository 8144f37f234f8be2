"""Prospect card: view, edit any field, re-qualify MAN, change stage, toggles, hand over one."""

from aiogram.fsm.state import State, StatesGroup


class ProspectSG(StatesGroup):
    card = State()
    edit_pick = State()
    edit_field = State()
    man = State()
    stage = State()
    history = State()
    reassign = State()
    greetings = State()


PROSPECT_ID = "prospect_id"   # start_data and dialog_data: the card shown (scope-checked)
# The field edit window keeps its keys (field, lunar switch) as dialogs.common declares them.


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    EDIT = "edit"            # the card's buttons
    TO_MAN = "man"
    TO_STAGE = "stage"
    VISIT = "visit"
    MAIL = "mail"
    DNC = "dnc"
    HISTORY = "hist"
    REASSIGN = "reassign"
    FIELDS = "fields"        # pickers: a field to edit, a stage, a teammate
    STAGES = "stages"
    REPS = "reps"
    MAN = "man"              # MAN answers, composed as man_<letter>_<answer>
    TO_CARD = "to_card"
    REFERRALS = "referrals"  # the referral chain, asking, crediting
    GREETINGS = "greetings"  # the greeting history with its fields and the opt-out toggle
    GREETING_FIELDS = "gfields"
    OPT_OUT = "optout"
