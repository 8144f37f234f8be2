"""Prospects: the card, MAN, duplicates, search, the quick line, priority, importing."""
