"""events found by type and date window in one index (the writer's merge lookup)

Revision ID: 0003_event_window
Revises: 0002_watch
Create Date: 2026-12-07 23:00:00
"""

from __future__ import annotations

from alembic import op


revision = '0003_event_window'
down_revision = '0002_watch'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_index('ix_events_type_date', 'events', ['type', 'date'], unique=False)


def downgrade() -> None:
    """Undo this revision."""
    op.drop_index('ix_events_type_date', table_name='events')
