"""New prospect: name first, everything else skippable; the draft lives in `dialog_data`."""

from aiogram.fsm.state import State, StatesGroup


class NewProspectSG(StatesGroup):
    name = State()
    contact = State()
    decision = State()
    phone = State()
    method = State()
    referrer = State()
    man_m = State()
    man_a = State()
    man_n = State()
    summary = State()
    field = State()
    duplicates = State()
    done = State()


# dialog_data keys
DRAFT = "draft"          # sales.prospecting.draft_to_data(...)
MATCHES = "matches"      # duplicate candidates found before saving
REFERRER_HITS = "ref_hits"     # prospects the typed referrer name matched, to pick from
REF_PENDING = "ref_pending"    # that typed name, kept in case it is a new contact after all
SAVED_ID = "saved_id"    # the prospect just created, for "open the card"
# start_data keys (e.g. from the quick "new prospect from this text" offer)
PREFILL = "prefill"      # {"name": ..., "phone": ..., "notes": ...}

# Steps in order for Back; organisation-only steps are skipped for individuals.
ORDER = (NewProspectSG.name, NewProspectSG.contact, NewProspectSG.decision,
         NewProspectSG.phone, NewProspectSG.method, NewProspectSG.referrer,
         NewProspectSG.man_m, NewProspectSG.man_a, NewProspectSG.man_n, NewProspectSG.summary)
ORG_ONLY = (NewProspectSG.contact, NewProspectSG.decision)


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    BACK = "back"            # on every step: back, skip, save now
    SKIP = "skip"
    SAVE_NOW = "save_now"
    KIND = "kind"            # person <-> organisation
    DECISION = "dm"          # decision maker? yes / no / unknown (composed with the answer)
    METHOD = "method"
    REFERRER = "ref"         # pick a prospect the typed referrer matched, or a new contact
    REFERRER_NEW = "ref_new"
    MAN = "man"              # MAN answers (composed with the answer)
    FIELDS = "fields"        # the summary: edit a field, toggles, method, MAN again, save
    MAIL = "mail"
    DNC = "dnc"
    TO_METHOD = "to_method"
    MAN_REDO = "man_redo"
    SAVE = "save"
    CLEAR = "clear"          # empty the field being edited
    OPEN_DUPLICATE = "open_dup"
    ANYWAY = "anyway"        # save despite possible duplicates
    OPEN = "open"            # after saving: open the card, or start another
    ANOTHER = "another"
