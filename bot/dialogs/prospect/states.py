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


PROSPECT_ID = "prospect_id"   # start_data and dialog_data: the card shown (scope-checked)
# The field edit window keeps its keys (field, lunar switch) as dialogs.common declares them.
