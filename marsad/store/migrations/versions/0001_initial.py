"""the initial store: articles, actors, relations, events, claims, corrections

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-07 19:45:06.648253
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('actors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('kb_id', sa.String(length=200), nullable=True),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('first_seen', sa.String(length=32), nullable=True),
    sa.Column('last_seen', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actors_kb_id'), ['kb_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actors_type'), ['type'], unique=False)

    op.create_table('articles',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('source_id', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('analysis', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)

    op.create_table('corrections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('target', sa.String(length=20), nullable=False),
    sa.Column('target_key', sa.String(length=900), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('payload', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrections_target_key'), ['target_key'], unique=False)

    op.create_table('aliases',
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('norm', sa.String(length=400), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.UniqueConstraint('actor_id', 'norm', name='uq_alias')
    )
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aliases_norm'), ['norm'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('source_kind', sa.String(length=20), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('via', sa.Text(), nullable=True),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['speaker_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'local_id', name='uq_claim')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_source_kind'), ['source_kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=30), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('precision', sa.String(length=10), nullable=True),
    sa.Column('sources', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['place_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type'), ['type'], unique=False)

    op.create_table('mentions',
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.UniqueConstraint('article_id', 'local_id', name='uq_mention')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_actor_id'), ['actor_id'], unique=False)

    op.create_table('relations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=900), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('head_id', sa.Integer(), nullable=False),
    sa.Column('tail_id', sa.Integer(), nullable=False),
    sa.Column('first_seen', sa.String(length=32), nullable=True),
    sa.Column('last_seen', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['head_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['tail_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relations_head_id'), ['head_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_tail_id'), ['tail_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_type'), ['type'], unique=False)

    op.create_table('claim_subjects',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ),
    sa.UniqueConstraint('claim_id', 'actor_id', name='uq_claim_subject')
    )
    with op.batch_alter_table('claim_subjects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_subjects_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_subjects_claim_id'), ['claim_id'], unique=False)

    op.create_table('event_evidence',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('modality', sa.String(length=20), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('trigger', sa.Text(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.ForeignKeyConstraint(['speaker_id'], ['actors.id'], ),
    sa.UniqueConstraint('article_id', 'local_id', name='uq_event_evidence')
    )
    with op.batch_alter_table('event_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_evidence_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_event_evidence_date', ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_evidence_event_id'), ['event_id'], unique=False)

    op.create_table('event_participants',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.UniqueConstraint('event_id', 'actor_id', 'role', name='uq_participant')
    )
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_participants_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_participants_event_id'), ['event_id'], unique=False)

    op.create_table('relation_evidence',
    sa.Column('relation_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('modality', sa.String(length=20), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['relation_id'], ['relations.id'], ),
    sa.ForeignKeyConstraint(['speaker_id'], ['actors.id'], ),
    sa.UniqueConstraint('article_id', 'local_id', name='uq_relation_evidence')
    )
    with op.batch_alter_table('relation_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relation_evidence_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_relation_evidence_date', ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_evidence_relation_id'), ['relation_id'], unique=False)



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('relation_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relation_evidence_relation_id'))
        batch_op.drop_index('ix_relation_evidence_date')
        batch_op.drop_index(batch_op.f('ix_relation_evidence_article_id'))

    op.drop_table('relation_evidence')
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_participants_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_participants_actor_id'))

    op.drop_table('event_participants')
    with op.batch_alter_table('event_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_evidence_event_id'))
        batch_op.drop_index('ix_event_evidence_date')
        batch_op.drop_index(batch_op.f('ix_event_evidence_article_id'))

    op.drop_table('event_evidence')
    with op.batch_alter_table('claim_subjects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_subjects_claim_id'))
        batch_op.drop_index(batch_op.f('ix_claim_subjects_actor_id'))

    op.drop_table('claim_subjects')
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relations_type'))
        batch_op.drop_index(batch_op.f('ix_relations_tail_id'))
        batch_op.drop_index(batch_op.f('ix_relations_head_id'))

    op.drop_table('relations')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_actor_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type'))
        batch_op.drop_index(batch_op.f('ix_events_place_id'))
        batch_op.drop_index(batch_op.f('ix_events_date'))

    op.drop_table('events')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_claims_source_kind'))
        batch_op.drop_index(batch_op.f('ix_claims_article_id'))

    op.drop_table('claims')
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aliases_norm'))

    op.drop_table('aliases')
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corrections_target_key'))

    op.drop_table('corrections')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_outlet'))

    op.drop_table('articles')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actors_type'))
        batch_op.drop_index(batch_op.f('ix_actors_kb_id'))

    op.drop_table('actors')
