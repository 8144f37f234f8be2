"""Team administration: teams, invite links, members. Data keys live in `dialog_data`."""

from aiogram.fsm.state import State, StatesGroup


class TeamSG(StatesGroup):
    main = State()
    new_name = State()
    team = State()
    invite = State()
    members = State()
    handover_from = State()
    handover_to = State()
    handover_done = State()
    settings = State()
    setting_edit = State()
    leaver = State()
    heir = State()
    leaver_done = State()


# dialog_data keys
TEAM_ID = "team_id"                # the team opened (checked: the actor may lead it)
INVITE_LINK = "invite_link"        # the invite just made: its deep link, role, days valid
INVITE_ROLE = "invite_role"
INVITE_DAYS = "invite_days"
HANDOVER_FROM = "handover_from"    # user id of the rep whose prospects are handed over
HANDOVER_COUNT = "handover_count"  # after the handover: how many moved, to whom (name)
HANDOVER_TO_NAME = "handover_to"
SETTING = "setting"                # the team setting being typed (people.rules.TEAM_SETTINGS
                                   # or GREETING_LEAD)
LEAVER = "leaver"                  # user id of the rep being deactivated
LEAVER_MOVED = "leaver_moved"      # after it: how many prospects moved, and to whom ("" = pool)
LEAVER_TO_NAME = "leaver_to"

GREETING_LEAD = "greeting_lead"    # the setting that lives in greetings' policy


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    TEAMS = "teams"          # the list of teams, and a pick in it
    TEAM_PICK = "team_pick"
    NEW = "new"
    INVITE_REP = "inv_rep"   # one invite link per role
    INVITE_MANAGER = "inv_manager"
    MEMBERS = "members"
    HANDOVER = "handover"
    GIVER = "giver"          # whose prospects, to whom
    TAKER = "taker"
    SETTINGS = "settings"    # the settings list, a pick in it, back to it
    SETTING_PICK = "setting_pick"
    TO_SETTINGS = "to_settings"
    REFERRAL_POLICY = "referral_policy"  # opens the referrals flow's policy window
    DEACTIVATE = "deactivate"  # who leaves, who takes over (or the pool)
    LEAVER_PICK = "leaver_pick"
    HEIR_PICK = "heir_pick"
    TO_POOL = "to_pool"
    TO_TEAM = "to_team"      # back to the team card, to the list
    TO_LIST = "to_list"
