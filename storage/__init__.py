"""Persistence: SQLAlchemy models, repositories returning `sales` dataclasses, FSM storage."""
