"""Monthly cards (direct-mail greetings): progress, an occasion's cards, marking, skipping,
rewording, label downloads; for managers segment enrolment and the team's settings."""

from aiogram.fsm.state import State, StatesGroup


class GreetingsSG(StatesGroup):
    main = State()
    occasion = State()
    card = State()
    skip = State()
    edit_text = State()
    enrol_kind = State()       # managers: enrol a segment, count first
    enrol_value = State()
    enrol_confirm = State()
    settings = State()         # managers: the team's greeting settings
    lead = State()
    months = State()
    month_pick = State()
    company = State()


CARD_ID = "card_id"          # start_data and dialog_data: the card on screen (scope-checked)
OCCASION = "occasion"        # start_data and dialog_data: the occasion key of the list shown
YEAR = "year"                # start_data and dialog_data: its year
SEG_KIND = "seg_kind"        # dialog_data: the segment kind being enrolled (tag/stage/...)
SEG_VALUE = "seg_value"      # dialog_data: its value, counted before confirming
LEAD = "lead"                # dialog_data: which lead time is typed (postal/message)
MONTH = "month"              # dialog_data: the month whose card is picked


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
    ENROL = "enrol"          # main, managers only
    SETTINGS = "settings"
    SEG_KINDS = "seg_kinds"  # enrol: kind, then a value (picked or typed), confirm
    SEG_VALUES = "seg_values"
    CONFIRM = "confirm"
    TO_KINDS = "to_kinds"
    TO_VALUE = "to_value"
    LEAD_POSTAL = "lead_postal"  # settings
    LEAD_MESSAGE = "lead_message"
    WESTERN = "western"
    TO_MONTHS = "to_months"
    TO_COMPANY = "to_company"
    MONTHS = "months"        # months: pick a month, then its card
    PICKS = "picks"
    DEFAULT_PICK = "default_pick"
    DATES = "dates"          # company: tap one to remove it
    TO_SETTINGS = "to_settings"
