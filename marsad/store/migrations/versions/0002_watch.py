"""the observatory: followed sources, items seen, alert rules and alerts

Revision ID: 0002_watch
Revises: 0001
Create Date: 2026-12-07 20:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002_watch'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('watch_sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('interval', sa.Integer(), nullable=False),
    sa.Column('credibility', sa.Text(), nullable=True),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('last_polled', sa.String(length=32), nullable=True),
    sa.Column('next_poll', sa.String(length=32), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('added_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('url')
    )
    with op.batch_alter_table('watch_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_watch_sources_next_poll'), ['next_poll'], unique=False)

    op.create_table('watch_rules',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('spec', sa.Text(), nullable=False),
    sa.Column('webhook', sa.Text(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('watch_items',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('seen_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['watch_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'url', name='uq_watch_item')
    )
    with op.batch_alter_table('watch_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_watch_items_source_id'), ['source_id'], unique=False)

    op.create_table('watch_alerts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=300), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('type', sa.String(length=30), nullable=False),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['rule_id'], ['watch_rules.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('rule_id', 'fingerprint', name='uq_watch_alert')
    )
    with op.batch_alter_table('watch_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_watch_alerts_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_watch_alerts_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_watch_alerts_rule_id'), ['rule_id'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table('watch_alerts')
    op.drop_table('watch_items')
    op.drop_table('watch_rules')
    op.drop_table('watch_sources')
