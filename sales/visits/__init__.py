"""Visits, follow-ups and the cadence that suggests the next contact."""
