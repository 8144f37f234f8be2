"""The outbox table and its repository."""
