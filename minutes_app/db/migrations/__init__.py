"""Alembic migrations of the minutes-app schema."""
