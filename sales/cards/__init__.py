"""The prospect card: a read model composed from prospects, visits and follow-ups."""
