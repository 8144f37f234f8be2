"""People: teams, users, invites, roles, and the timezone rule."""
