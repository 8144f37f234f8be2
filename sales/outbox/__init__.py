"""The outbox: every push is a row with a unique dedupe key, sent at most once."""
