"""Greeting cards, team greeting policies and company dates."""
