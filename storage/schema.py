"""Every table of every feature on one metadata: what Alembic compares migrations against."""

from __future__ import annotations

from sqlalchemy import MetaData

from storage import fsm
from storage.base import Base
from storage.digests import tables as digests_tables
from storage.greetings import tables as greetings_tables
from storage.outbox import tables as outbox_tables
from storage.people import tables as people_tables
from storage.pool import tables as pool_tables
from storage.prospects import tables as prospects_tables
from storage.referrals import tables as referrals_tables
from storage.visits import tables as visits_tables

FEATURE_TABLES = (fsm, digests_tables, greetings_tables, outbox_tables, people_tables,
                  prospects_tables, referrals_tables, visits_tables, pool_tables)
"""Imported for their side effect: each module's classes register on `Base.metadata`."""

metadata: MetaData = Base.metadata
