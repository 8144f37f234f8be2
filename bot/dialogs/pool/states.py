"""The team pool (公海): browse, look at one, claim it, or (managers) assign it."""

from aiogram.fsm.state import State, StatesGroup


class PoolSG(StatesGroup):
    list = State()
    item = State()
    assign = State()
    done = State()


# dialog_data keys
PROSPECT_ID = "prospect_id"   # the pooled prospect opened (scope checked on every use)
DONE_NAME = "done_name"       # after a claim or an assignment: the prospect's name,
DONE_TO = "done_to"           # and to whom it went ("" when the actor claimed it)


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    ITEMS = "items"           # the pool's list, its pages
    PAGES = "pages"
    CLAIM = "claim"
    ASSIGN = "assign"         # open the rep picker, and a pick in it
    TAKER = "taker"
    TO_LIST = "to_list"
