"""Alembic environment: runs on the connection handed over by minutes_app.db.migrate."""

from alembic import context

from minutes_app.db.models import Base
from minutes_app.db.search_index import is_index_table

connection = context.config.attributes.get("connection")
if connection is None:
    # Command-line use by developers: `alembic -x db=PATH revision --autogenerate`.
    from pathlib import Path

    from minutes_app.db.engine import sqlite_engine

    db_path = context.get_x_argument(as_dictionary=True).get("db", "dev.sqlite3")
    connection = sqlite_engine(Path(db_path), foreign_keys=False).connect()


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    # The search index is built by migration 0004 and is not in the models.
    return not (type_ == "table" and is_index_table(name))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
