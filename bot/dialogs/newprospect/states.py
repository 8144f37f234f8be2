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
REFERRER_HITS = "ref_hits"
SAVED_ID = "saved_id"
# start_data keys (e.g. from the quick "new prospect from this text" offer)
PREFILL = "prefill"      # {"name": ..., "phone": ..., "notes": ...}

# Steps in order for Back; organisation-only steps are skipped for individuals.
ORDER = (NewProspectSG.name, NewProspectSG.contact, NewProspectSG.decision,
         NewProspectSG.phone, NewProspectSG.method, NewProspectSG.referrer,
         NewProspectSG.man_m, NewProspectSG.man_a, NewProspectSG.man_n, NewProspectSG.summary)
ORG_ONLY = (NewProspectSG.contact, NewProspectSG.decision)
