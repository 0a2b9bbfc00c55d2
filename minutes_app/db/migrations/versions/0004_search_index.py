"""Search index: folded words of every record in FTS5 tables, triggers that note changes.

Revision ID: 0004
Revises: 0003

minutes_app.db.search_index keeps the index in step after this revision; this script
builds it for the records already stored, with frozen copies of that module's folding and
sources as they were at this revision.
"""

import re
import unicodedata
from collections.abc import Callable, Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPTIONS = "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'"
_TABLES = {
    "search_conference": ("title", "people", "places", "body"),
    "search_document": ("symbol", "body"),
    "search_task": ("title", "body"),
    "search_person": ("name",),
    "search_unit": ("name", "body"),
}

# (table, event, [(kind noted, id expression)]): the triggers only note what changed, in
# plain SQL naming no other table than search_dirty (see core/search_index.py for why).
_TRIGGERS = [
    ("task", "INSERT", [("task", "NEW.id")]),
    ("task", "UPDATE OF title, detail, result, instruction_id", [("task", "NEW.id")]),
    ("task", "DELETE", [("task", "OLD.id")]),
    ("document", "INSERT", [("document", "NEW.id")]),
    ("document", "UPDATE", [("document", "NEW.id"), ("document", "OLD.id")]),
    ("document", "DELETE", [("document", "OLD.id")]),
    ("person", "INSERT", [("person", "NEW.id")]),
    ("person", "UPDATE OF name", [("person", "NEW.id")]),
    ("person", "DELETE", [("person", "OLD.id")]),
    ("unit", "INSERT", [("unit", "NEW.id")]),
    ("unit", "UPDATE OF name, kind", [("unit", "NEW.id")]),
    ("unit", "DELETE", [("unit", "OLD.id")]),
    ("conference", "INSERT", [("conference", "NEW.id")]),
    ("conference", "UPDATE", [("conference", "NEW.id")]),
    ("conference", "DELETE", [("conference", "OLD.id")]),
    ("conference", "UPDATE OF deleted_at", [("conference_tasks", "NEW.id")]),
    ("conference_chair", "INSERT", [("conference", "NEW.conference_id")]),
    (
        "conference_chair",
        "UPDATE",
        [("conference", "NEW.conference_id"), ("conference", "OLD.conference_id")],
    ),
    ("conference_chair", "DELETE", [("conference", "OLD.conference_id")]),
    ("bridge_point", "INSERT", [("conference", "NEW.conference_id")]),
    (
        "bridge_point",
        "UPDATE",
        [("conference", "NEW.conference_id"), ("conference", "OLD.conference_id")],
    ),
    ("bridge_point", "DELETE", [("conference", "OLD.conference_id")]),
    ("bridge_point_person", "INSERT", [("bridge_point", "NEW.bridge_point_id")]),
    (
        "bridge_point_person",
        "UPDATE",
        [("bridge_point", "NEW.bridge_point_id"), ("bridge_point", "OLD.bridge_point_id")],
    ),
    ("bridge_point_person", "DELETE", [("bridge_point", "OLD.bridge_point_id")]),
    ("instruction", "INSERT", [("conference", "NEW.conference_id")]),
    (
        "instruction",
        "UPDATE",
        [("conference", "NEW.conference_id"), ("conference", "OLD.conference_id")],
    ),
    ("instruction", "DELETE", [("conference", "OLD.conference_id")]),
]


def _trigger_name(table: str, event: str) -> str:
    if event == "UPDATE OF deleted_at":
        return f"search_{table}_trash"
    return f"search_{table}_{event.split()[0].lower()}"


_D = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_WORD = re.compile(r"[^\W_]+")


def _fold(text: str) -> str:
    # A frozen copy of minutes_app.base.text.fold as it was at this revision.
    bare = unicodedata.normalize("NFD", text.translate(_D))
    bare = "".join(ch for ch in bare if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", bare.casefold().translate(_D)).strip()


def _words(*parts):
    return [w for part in parts if part for w in _WORD.findall(_fold(part))]


def _text(*parts):
    return " ".join(_words(*parts))


def _symbol(*symbols):
    out = []
    for symbol in symbols:
        parts = _words(symbol)
        out.extend(parts)
        if len(parts) > 1:
            out.append("".join(parts))
    return " ".join(out)


def _ordered(values, where):
    return f"(SELECT group_concat(v, char(10)) FROM (SELECT {values} AS v FROM {where}))"


def _conference(title, kind, organizer, chairs, point_people, host, points, told, talk, notes):
    return (
        _text(title, kind, organizer),
        _text(chairs, point_people),
        _text(host, points),
        _text(told, talk, notes),
    )


def _document(kind, symbol, number, issued_on, issuer, subject):
    when = "/".join(reversed(issued_on.split("-"))) if issued_on else None
    return (f"{_text(kind)} {_symbol(symbol, number)}", _text(issuer, subject, when))


_SOURCES: dict[str, tuple[str, Callable[..., tuple[str, ...]]]] = {
    "search_conference": (
        "SELECT c.id, c.title, c.kind, c.organizer, "
        + _ordered(
            "p.name",
            "conference_chair x JOIN person p ON p.id = x.person_id "
            "WHERE x.conference_id = c.id ORDER BY x.position",
        )
        + ", "
        + _ordered(
            "p.name",
            "bridge_point b JOIN bridge_point_person x ON x.bridge_point_id = b.id "
            "JOIN person p ON p.id = x.person_id "
            "WHERE b.conference_id = c.id ORDER BY b.position, x.role, x.position",
        )
        + ", c.host_point, "
        + _ordered("x.name", "bridge_point x WHERE x.conference_id = c.id ORDER BY x.position")
        + ", "
        + _ordered("x.text", "instruction x WHERE x.conference_id = c.id ORDER BY x.position")
        + ", c.discussion, c.notes FROM conference c WHERE c.deleted_at IS NULL",
        _conference,
    ),
    "search_document": (
        "SELECT id, kind, symbol, number, issued_on, issuer, subject FROM document",
        _document,
    ),
    "search_task": (
        "SELECT t.id, t.title, t.detail, t.result FROM task t "
        "JOIN instruction i ON i.id = t.instruction_id "
        "JOIN conference c ON c.id = i.conference_id WHERE c.deleted_at IS NULL",
        lambda title, detail, result: (_text(title), _text(detail, result)),
    ),
    "search_person": ("SELECT id, name FROM person", lambda name: (_text(name),)),
    "search_unit": (
        "SELECT id, name, kind FROM unit",
        lambda name, kind: (_text(name), _text(kind)),
    ),
}


def upgrade() -> None:
    op.execute(
        "CREATE TABLE search_dirty (kind TEXT NOT NULL, id INTEGER NOT NULL, "
        "PRIMARY KEY (kind, id)) WITHOUT ROWID"
    )
    for table, columns in _TABLES.items():
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({', '.join(columns)}, {_OPTIONS})")
    for table, event, marks in _TRIGGERS:
        body = " ".join(
            f"INSERT OR IGNORE INTO search_dirty (kind, id) VALUES ('{kind}', {ref});"
            for kind, ref in marks
        )
        op.execute(
            f"CREATE TRIGGER {_trigger_name(table, event)} AFTER {event} ON {table} "
            f"BEGIN {body} END"
        )
    # The raw DB-API connection: thousands of rows go in through executemany.
    connection = op.get_bind().connection.dbapi_connection
    assert connection is not None
    for table, (source, make) in _SOURCES.items():
        columns = _TABLES[table]
        places = ", ".join("?" * (len(columns) + 1))
        rows = ((row[0], *make(*row[1:])) for row in connection.execute(source).fetchall())
        connection.executemany(
            f"INSERT INTO {table} (rowid, {', '.join(columns)}) VALUES ({places})", rows
        )


def downgrade() -> None:
    for table, event, _marks in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {_trigger_name(table, event)}")
    for table in _TABLES:
        op.execute(f"DROP TABLE {table}")
    op.execute("DROP TABLE search_dirty")
