"""digests: team digest settings, album pictures in the outbox, digest time 19:00 by default

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 10:20:00
"""
from datetime import time

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('digest_settings',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('extra_workdays', sa.JSON(), nullable=False),
    sa.Column('days_off', sa.JSON(), nullable=False),
    sa.Column('report_weekday', sa.Integer(), nullable=True),
    sa.Column('stale_days', sa.Integer(), nullable=False),
    sa.Column('big_quote', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_digest_settings_team_id_teams')),
    sa.PrimaryKeyConstraint('team_id', name=op.f('pk_digest_settings'))
    )
    op.create_table('outbox_media',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outbox_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['outbox_id'], ['outbox.id'], name=op.f('fk_outbox_media_outbox_id_outbox'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_media'))
    )
    with op.batch_alter_table('outbox_media', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_media_outbox_id'), ['outbox_id'], unique=False)

    # The default digest time is 19:00; no screen could change the old 18:30 default.
    teams = sa.table('teams', sa.column('digest_time', sa.Time()))
    op.execute(teams.update().where(teams.c.digest_time == time(18, 30))
               .values(digest_time=time(19, 0)))


def downgrade() -> None:
    with op.batch_alter_table('outbox_media', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_media_outbox_id'))

    op.drop_table('outbox_media')
    op.drop_table('digest_settings')
