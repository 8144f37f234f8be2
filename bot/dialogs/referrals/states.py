"""Referrals: ask for names with a script (endless chain or snowball), each name then an
optional phone and how they know the introducer, duplicates linked; a prospect's chain; the
rep's rewards and ledger, introducer contacts and the team's reward policy."""

from aiogram.fsm.state import State, StatesGroup


class ReferralsSG(StatesGroup):
    overview = State()       # /referrals: the ledger, best introducers, conversion
    rewards = State()        # open rewards to settle
    reward = State()         # one reward: paid how, declined, changed (managers)
    override = State()
    policy = State()         # the team's reward policy (managers)
    contacts = State()       # introducer contacts: pick one to take names from, or add one
    contact_name = State()
    contact_trade = State()
    chain = State()          # a prospect's chain, from the card
    credit = State()         # credit a forgotten introducer
    ask = State()            # the script; names given / none / later
    name = State()           # name after name...
    phone = State()          # ...each with an optional phone
    how = State()            # ...and how they know the introducer
    duplicate = State()      # a similar name exists: link it or create a new one
    done = State()


# start_data: {"prospect_id": int} opens `ask` or `chain`; {"reward_id": int} opens `reward`
PROSPECT_ID = "prospect_id"  # also dialog_data: the prospect asked / whose chain is shown
REWARD_ID = "reward_id"      # also dialog_data: the reward on screen
# dialog_data keys
SOURCE = "source"            # who gives the names: {"prospect_id": int|None, "contact_id": ...}
ENTRY = "entry"              # the name being entered: {"name", "phone", "how"}
MATCHES = "matches"          # possible duplicates of it: [[id, label], ...]
ADDED = "added"              # names that became new prospects
LINKED = "linked"            # names that were prospects already (linked)
RESULT = "result"            # the answer: given | none | later
CONTACT = "contact"          # the new introducer's name, before their trade is picked


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    GIVEN = "given"          # the ask: names given, none, later
    NONE = "none"
    LATER = "later"
    ALL = "all"              # no more names
    SKIP = "skip"            # no phone / no 'how they know'
    DUPS = "dups"            # pick the duplicate to link
    NEW = "new"              # someone new after all
    CARD = "card"            # open the card
    TO_ASK = "to_ask"        # chain: ask for names, credit an introducer
    TO_CREDIT = "to_credit"
    TO_CHAIN = "to_chain"
    CREDIT = "credit"
    TO_REWARDS = "to_rewards"  # overview
    TO_CONTACTS = "to_contacts"
    TO_POLICY = "to_policy"
    TO_OVERVIEW = "to_overview"
    REWARDS = "rewards"      # pick a reward
    PAID = "paid"            # paid how
    DECLINE = "decline"
    TO_OVERRIDE = "to_override"
    CONTACTS = "contacts"    # pick a contact
    ADD_CONTACT = "add_contact"
    TRADES = "trades"
