"""greetings: cards, policies, company dates, prospect greeting fields

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 09:34:29.526265
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('company_dates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_company_dates_team_id_teams')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company_dates'))
    )
    with op.batch_alter_table('company_dates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_company_dates_team_id'), ['team_id'], unique=False)

    op.create_table('greeting_policies',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('western', sa.JSON(), nullable=False),
    sa.Column('postal_lead_days', sa.Integer(), nullable=False),
    sa.Column('message_lead_days', sa.Integer(), nullable=False),
    sa.Column('month_picks', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_greeting_policies_team_id_teams')),
    sa.PrimaryKeyConstraint('team_id', name=op.f('pk_greeting_policies'))
    )
    op.create_table('greeting_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('prospect_id', sa.Integer(), nullable=False),
    sa.Column('prospect_name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('salutation', sa.String(length=50), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('occasion_key', sa.String(length=80), nullable=False),
    sa.Column('occasion_kind', sa.String(length=16), nullable=False),
    sa.Column('occasion_name', sa.String(length=120), nullable=False),
    sa.Column('occasion_day', sa.Date(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('variant', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('remind_on', sa.Date(), nullable=False),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('skip_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_greeting_cards_owner_id_users')),
    sa.ForeignKeyConstraint(['prospect_id'], ['prospects.id'], name=op.f('fk_greeting_cards_prospect_id_prospects')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_greeting_cards_team_id_teams')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_greeting_cards')),
    sa.UniqueConstraint('prospect_id', 'occasion_key', 'year', name='uq_greeting_cards_prospect_occasion_year')
    )
    with op.batch_alter_table('greeting_cards', schema=None) as batch_op:
        batch_op.create_index('ix_greeting_cards_owner_day', ['owner_id', 'occasion_day'], unique=False)
        batch_op.create_index('ix_greeting_cards_team_status_remind', ['team_id', 'status', 'remind_on'], unique=False)

    with op.batch_alter_table('prospects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('salutation', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('greeting_language', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('greeting_channel', sa.String(length=16), server_default='postal', nullable=False))
        batch_op.add_column(sa.Column('greetings_opt_out', sa.Boolean(), server_default=sa.false(), nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('prospects', schema=None) as batch_op:
        batch_op.drop_column('greetings_opt_out')
        batch_op.drop_column('greeting_channel')
        batch_op.drop_column('greeting_language')
        batch_op.drop_column('salutation')

    with op.batch_alter_table('greeting_cards', schema=None) as batch_op:
        batch_op.drop_index('ix_greeting_cards_team_status_remind')
        batch_op.drop_index('ix_greeting_cards_owner_day')

    op.drop_table('greeting_cards')
    op.drop_table('greeting_policies')
    with op.batch_alter_table('company_dates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_company_dates_team_id'))

    op.drop_table('company_dates')
