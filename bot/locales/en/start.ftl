start-welcome = Welcome, { $name }! You are now part of the team.
start-invite-invalid = This invite link is not valid. Please ask your manager for a new one.
start-invite-used = This invite link has already been used. Please ask your manager for a new one.
start-invite-expired = This invite link has expired. Please ask your manager for a new one.
bind-done = This group is now the digest chat of <b>{ $team }</b>.
bind-not-allowed = Only the team's managers or an admin can bind a group.
bind-no-team = There is no team called “{ $name }”.
bind-need-team-name = You are not in a team: send /bind followed by the team's name.
