"""Database: models, engine and sessions, migrations, and the one policy for reading and writing.

The policy
==========

Only this package talks to the database driver. No module outside ``minutes_app.db``
imports ``sqlite3`` (the import-linter contract "only db talks to sqlite3" in
pyproject.toml, run by ``tests/db/test_reading_policy.py``), and SQL that only SQLite
understands is written here; the office-server issue puts PostgreSQL behind the same
functions. Core and the window reach the database in one of three ways, each for one kind
of work:

1. **ORM sessions** (``Database.transaction()``, ``Database.reading()``), for every write
   and for reads of records as objects (a conference in the editor, the exports' batches,
   the directory). The unit of work keeps related rows together, and versions are checked
   on it (below). A Core statement (``select``, ``update``…) run on a session is the same
   way, for counts, grouped reads and bulk updates.
2. **Kept Core statements** (``Database.core_reading()`` and ``reading.run_kept()``), for
   the reads that must be fastest at 200,000 tasks: the register's facts, each class's
   first rows, the rows of a page (read on every filter change and every scroll). The
   statements are built with SQLAlchemy Core, so that the tracking rule's SQL is generated
   from ``core/tasks/tracking.py``, compiled once and kept; each run hands the kept SQL
   and its parameters straight to the driver, costing SQLAlchemy nothing but the call.
3. **Plain connections** (``Database.plain_reading()``), for the first screen only (the
   conference list): SQLAlchemy's import alone takes over half the startup budget, so
   these reads come before it is loaded. Constant SQL text in the subset every database
   understands, values as named parameters (``:name``).

The search index (``search_index.py``: SQLite's FTS5, or a server's tsvector tables) is
read through ``index_reading()`` on a Core connection. Checking a file (``soundness.py``)
and copying it (``backup.py``) use the driver's own means (PRAGMAs, the backup API) on the
file, before or beside the engine; so does copying a whole database between a file and a
server (``copying.py``: plain connections of either driver, COPY on the server).

**What the clerk types reaches SQL only as bound parameters.** SQL text is made only of
the program's own constants (table and column names, class ranks, the numbers of
``int()``): filter words go as LIKE parameters (escaped with ``autoescape``), search words
as one FTS5 query parameter (each word quoted by ``match_expression``) or, on a server,
tsquery parameters (each word a quoted lexeme, ``tsquery_expression``), names, days and
ids as parameters. No statement is compiled with ``literal_binds``. Pinned by
``tests/db/test_reading_policy.py``, which watches every statement the engine sends.

**Where transactions begin.** SQLAlchemy, not the sqlite3 module, begins them (the
engine's ``begin`` event). A write is one ``Database.transaction()``: ``BEGIN IMMEDIATE``
takes the write lock at once (waiting up to the busy timeout for another copy of the
program; ``locks.py`` waits longer and says so), the search index is brought in step just
before ``COMMIT`` in the same transaction, and an error rolls all of it back. A read
(``reading()``, ``core_reading()``, ``index_reading()``) is one deferred ``BEGIN`` at its
first statement, one snapshot until its block ends, then rolled back;
``plain_reading()`` begins its snapshot on entry.

**How versions are checked on write** (``versions.py``). Conferences, instructions and
tasks carry a ``version`` that SQLAlchemy adds one to on every UPDATE of the row
(``version_id_col``). A writer passes the version it read; ``versions.check`` compares it
with the stored one inside the write transaction, after the write lock is held, so no
other writer comes between: a difference raises ``StaleRecord`` (who changed it, when), a
record gone or in the trash ``RecordGone``, and nothing is written. ``versions.touch``
records who made the change and when.

**Two stores.** A ``Database`` is an SQLite file or a database on the office's PostgreSQL
server (``server.py``: the address, the engine through psycopg 3, the checks of opening;
``server_setup.py``: making and upgrading one). On a server, reads run in REPEATABLE READ
(one snapshot per read, as SQLite gives); writers take turns as on a file (each holds the
writers' advisory lock to its end, waiting for it up to the busy timeout, then busy and
tried again by ``locks.write_when_free``), the rows they check locked as well
(``versions.check``); and the search index is refreshed before each commit as on
SQLite. The plain connection of the first screen is psycopg's, its ``:name`` parameters
rewritten and its days given as ISO text, as SQLite gives them. ``copying.py`` copies a
whole database into an empty one, either way (``copy-db``, a server's ``backup``).

**SQL that differs between databases is here:** ``reading.in_ids`` (a list of ids as one
parameter: SQLite's ``json_each``, PostgreSQL's integer array), ``reading.likely`` and
``unlikely`` (hints for SQLite's planner, nothing elsewhere), FTS5 and its server twin
(``search_index.py``), the models' per-dialect checks, the PRAGMAs, and the driver's
errors (``engine.storage_errors``, ``locks.is_busy``, ``server.is_connection_lost``).
"""
