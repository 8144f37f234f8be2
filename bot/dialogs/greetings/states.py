"""Monthly cards (direct-mail greetings): progress, an occasion's cards, marking, skipping,
rewording, label downloads."""

from aiogram.fsm.state import State, StatesGroup


class GreetingsSG(StatesGroup):
    main = State()
    occasion = State()
    card = State()
    skip = State()
    edit_text = State()


CARD_ID = "card_id"          # start_data and dialog_data: the card on screen (scope-checked)
OCCASION = "occasion"        # start_data and dialog_data: the occasion key of the list shown
YEAR = "year"                # start_data and dialog_data: its year


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    OCCASIONS = "occasions"  # main: this month's occasions
    CARDS = "cards"          # occasion: pick a card, all sent, downloads
    ALL_SENT = "all_sent"
    PDF = "pdf"
    XLSX = "xlsx"
    CSV = "csv"
    SENT = "sent"            # card: sent, skip, edit, copy
    SKIP = "skip"
    EDIT = "edit"
    NO_REASON = "no_reason"
    TO_MAIN = "to_main"
    TO_OCCASION = "to_occasion"
    TO_CARD = "to_card"
