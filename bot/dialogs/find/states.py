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
MINE = "mine"            # start_data: open 'my prospects' instead of the search prompt
STAGE = "f_stage"        # dialog_data filters of 'my prospects' (None = all)
CLASS = "f_class"
METHOD = "f_method"


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    HITS = "hits"                # search results, and their pages
    HIT_PAGES = "hit_pages"
    OFFER = "offer"              # 'new prospect from this'
    ROWS = "rows"                # my prospects, and their pages
    ROW_PAGES = "row_pages"
    TO_STAGE = "f_stage"         # open one filter's picker
    TO_CLASS = "f_class"
    TO_METHOD = "f_method"
    PICK_STAGE = "pick_f_stage"  # the pickers themselves
    PICK_CLASS = "pick_f_class"
    PICK_METHOD = "pick_f_method"
    BACK = "back"
