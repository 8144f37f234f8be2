"""pool: stays, prospects.pooled_at, team settings

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 09:53:16.563357
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pool_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('prospect_id', sa.Integer(), nullable=False),
    sa.Column('previous_owner_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.Integer(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('assigned_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['assigned_by'], ['users.id'], name=op.f('fk_pool_entries_assigned_by_users')),
    sa.ForeignKeyConstraint(['claimed_by'], ['users.id'], name=op.f('fk_pool_entries_claimed_by_users')),
    sa.ForeignKeyConstraint(['previous_owner_id'], ['users.id'], name=op.f('fk_pool_entries_previous_owner_id_users')),
    sa.ForeignKeyConstraint(['prospect_id'], ['prospects.id'], name=op.f('fk_pool_entries_prospect_id_prospects')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_pool_entries_team_id_teams')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pool_entries'))
    )
    with op.batch_alter_table('pool_entries', schema=None) as batch_op:
        batch_op.create_index('ix_pool_entries_claimed_by_at', ['claimed_by', 'claimed_at'], unique=False)
        batch_op.create_index('ix_pool_entries_prospect_owner', ['prospect_id', 'previous_owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pool_entries_team_id'), ['team_id'], unique=False)

    with op.batch_alter_table('prospects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pooled_at', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('teams', schema=None) as batch_op:
        batch_op.add_column(sa.Column('working_days', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('pool_after_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pool_claim_cap', sa.Integer(), server_default='5', nullable=False))
        batch_op.add_column(sa.Column('pool_reclaim_days', sa.Integer(), server_default='30', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('teams', schema=None) as batch_op:
        batch_op.drop_column('pool_reclaim_days')
        batch_op.drop_column('pool_claim_cap')
        batch_op.drop_column('pool_after_days')
        batch_op.drop_column('working_days')

    with op.batch_alter_table('prospects', schema=None) as batch_op:
        batch_op.drop_column('pooled_at')

    with op.batch_alter_table('pool_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pool_entries_team_id'))
        batch_op.drop_index('ix_pool_entries_prospect_owner')
        batch_op.drop_index('ix_pool_entries_claimed_by_at')

    op.drop_table('pool_entries')
