"""visit check-ins: the moment a visit was checked into, and its duration at check-out

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('duration_s', sa.Integer(), nullable=True))
        batch_op.create_index('ix_visits_rep_checked_in', ['rep_id', 'checked_in_at'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_rep_checked_in')
        batch_op.drop_column('duration_s')
        batch_op.drop_column('checked_in_at')
