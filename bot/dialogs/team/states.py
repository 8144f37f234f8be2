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


TEAM_ID = "team_id"
INVITE_LINK = "invite_link"
INVITE_ROLE = "invite_role"
INVITE_DAYS = "invite_days"
HANDOVER_FROM = "handover_from"
HANDOVER_COUNT = "handover_count"
HANDOVER_TO_NAME = "handover_to"
