"""Tables and repositories of teams, users, invites and the audit log."""
