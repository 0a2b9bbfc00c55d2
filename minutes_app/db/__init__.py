"""Database: models, engine and session, migrations."""
