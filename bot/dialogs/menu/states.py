"""Main menu: the home every flow returns to."""

from aiogram.fsm.state import State, StatesGroup


class MenuSG(StatesGroup):
    main = State()
    help = State()


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    NEW = "new"              # the flows the menu starts
    VISIT = "visit"
    SEARCH = "search"
    MINE = "mine"
    TEAM = "team"
    POOL = "pool"
    SETTINGS = "settings"
    HELP = "help"
    REFERRALS = "referrals"
    GREETINGS = "greetings"
    CHECK_OUT = "checkout"   # end the open check-in (shown while one is open)
