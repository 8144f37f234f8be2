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


# dialog_data keys
TEAM_ID = "team_id"                # the team opened (checked: the actor may lead it)
INVITE_LINK = "invite_link"        # the invite just made: its deep link, role, days valid
INVITE_ROLE = "invite_role"
INVITE_DAYS = "invite_days"
HANDOVER_FROM = "handover_from"    # user id of the rep whose prospects are handed over
HANDOVER_COUNT = "handover_count"  # after the handover: how many moved, to whom (name)
HANDOVER_TO_NAME = "handover_to"


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
    TO_TEAM = "to_team"      # back to the team card, to the list
    TO_LIST = "to_list"
