"""Tables and the repository of prospects and their history."""
