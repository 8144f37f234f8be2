"""Finding prospects: fuzzy search (also from plain typed text) and 'my prospects' by priority."""

from aiogram.fsm.state import State, StatesGroup


class FindSG(StatesGroup):
    query = State()
    results = State()
    mine = State()
    filter_stage = State()
    filter_class = State()
    filter_method = State()


QUERY = "query"          # start_data / dialog_data: the text searched for
STAGE = "f_stage"        # dialog_data filters of 'my prospects' (None = all)
CLASS = "f_class"
METHOD = "f_method"
