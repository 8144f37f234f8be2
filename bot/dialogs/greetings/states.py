"""Monthly cards (direct-mail greetings): progress, an occasion's cards, marking, skipping,
rewording, label downloads; for managers segment enrolment and the team's settings."""

from aiogram.fsm.state import State, StatesGroup


class GreetingsSG(StatesGroup):
    main = State()
    occasion = State()
    card = State()
    skip = State()
    edit_text = State()
    enrol_kind = State()
    enrol_value = State()
    enrol_confirm = State()
    settings = State()
    lead = State()
    month = State()
    month_pick = State()
    company_add = State()


CARD_ID = "card_id"          # start_data and dialog_data: the card on screen (scope-checked)
OCCASION = "occasion"        # start_data and dialog_data: the occasion key of the list shown
YEAR = "year"                # start_data and dialog_data: its year
SEGMENT_KIND = "seg_kind"    # dialog_data: tag / stage / method / man
SEGMENT_VALUE = "seg_value"  # dialog_data: the value picked or typed
LEAD_CHANNEL = "lead"        # dialog_data: postal / message, the lead time being set
MONTH = "month"              # dialog_data: the month whose card is being picked


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    OCCASIONS = "occasions"  # main: this month's occasions, then the manager's entries
    ENROL = "enrol"
    SETTINGS = "settings"
    CARDS = "cards"          # occasion: pick a card, all sent, downloads
    ALL_SENT = "all_sent"
    PDF = "pdf"
    XLSX = "xlsx"
    CSV = "csv"
    SENT = "sent"            # card: sent, skip, edit, copy
    SKIP = "skip"
    EDIT = "edit"
    COPY = "copy"
    NO_REASON = "no_reason"
    KINDS = "kinds"          # enrolment: segment kind, value, confirm
    VALUES = "values"
    CONFIRM = "confirm"
    LEAD = "lead"            # settings: lead times (lead_postal / lead_message), toggles
    WESTERN = "western"
    MONTHS = "months"
    MONTH_PICKS = "month_picks"
    DATES = "dates"
    ADD_DATE = "add_date"
    TO_MAIN = "to_main"
    TO_OCCASION = "to_occasion"
    TO_CARD = "to_card"
    TO_SETTINGS = "to_settings"
