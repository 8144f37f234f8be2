"""Tables and repositories of visits and follow-ups."""
