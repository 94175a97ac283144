"""Alembic environment: runs the store's migrations on the connection marsad hands over."""

from __future__ import annotations

from alembic import context

from marsad.store.schema import metadata

config = context.config
target_metadata = metadata


def run_migrations_online() -> None:
    """Migrate on the connection in `config.attributes['connection']` (or one made from the URL)."""
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        with create_engine(config.get_main_option("sqlalchemy.url")).connect() as conn:
            context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
