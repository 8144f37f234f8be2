team-list-title = <b>Teams</b> ({ $count })
    Pick a team to invite people or see who joined.
team-new = ➕ New team
team-new-prompt = Send the name of the new team:
team-card = <b>{ $team }</b>
    Timezone: { $timezone } · country: { $country } · language: { $language }
    Active members: { $members }
    Digest chat: { $bound ->
        [yes] bound
       *[no] not bound yet (add me to the team's group and send /bind there)
    }
team-invite-rep = ➕ Invite a rep
team-invite-manager = ➕ Invite a manager
team-members = 👥 Members
team-invite-text = Invite link for a new { role-name } of <b>{ $team }</b>, valid { $days ->
        [one] { $days } day
       *[other] { $days } days
    } and for one person only:
    { $link }
    Forward it to the person; opening it registers them.
team-members-text = <b>{ $team }</b>: members
    { $list }
team-member-line = { $name } · { role-name } { $active ->
    [yes] {""}
   *[no] (deactivated)
}
team-not-allowed = Only admins, or managers for their own team, can do that.
team-not-found = That team does not exist or is not yours to manage.
team-bad-name = A team name needs 1 to { $max } characters. Please send another name.
team-bad-timezone = “{ $value }” is not a timezone I know.
team-bad-country = “{ $value }” is not a country code I know (use two letters, e.g. CN).
team-bad-language = Language “{ $value }” is not available (zh or en).
team-exists = A team called “{ $name }” already exists. Please choose another name.
invite-no-team = That team does not exist.
invite-not-allowed = You cannot invite people into that team with that role.
invite-bad-days = An invite can be valid for 1 to { $max } days.
user-not-found = No user with Telegram id { $id }.
user-not-allowed = You cannot change that person.
team-handover = 🔁 Hand over prospects
team-handover-from = Whose prospects should be handed over (e.g. someone who left)?
team-handover-to = Who takes them over, with their full history?
team-handover-done = ✅ { $moved } prospects now belong to { $to }.
team-handover-told = 📥 { $by } handed { $count } prospects over to you. Find them under 📋 My prospects.
