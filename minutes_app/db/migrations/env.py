"""Alembic environment: runs on the connection handed over by minutes_app.db.migrate."""

from alembic import context

from minutes_app.db.migrate import include_name
from minutes_app.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    # Command-line use by developers: `alembic -x db=PATH revision --autogenerate`.
    from pathlib import Path

    from minutes_app.db.engine import sqlite_engine

    db_path = context.get_x_argument(as_dictionary=True).get("db", "dev.sqlite3")
    connection = sqlite_engine(Path(db_path), foreign_keys=False).connect()


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
