"""Helpers for exchange tests: import and export on real files, table dumps, key-free forms."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

from minutes_app.core.exchange.exporting import export_exchange
from minutes_app.core.exchange.importing import ImportSummary, import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.db.engine import Database
from minutes_app.db.server import is_server_address

Json = dict[str, Any]


def load_json(path: Path) -> Json:
    document: Json = json.loads(path.read_text(encoding="utf-8"))
    return document


def import_document(db_path: Path | str, document: Json | bytes) -> ImportSummary:
    """Import ``document`` (a JSON object or raw bytes) into the database at ``db_path`` (an
    SQLite path or a server's URL)."""
    raw = document if isinstance(document, bytes) else json.dumps(document).encode("utf-8")
    db = Database.open(db_path)
    try:
        return import_exchange(db, read_exchange(raw))
    finally:
        db.close()


def export_document(db_path: Path | str) -> Json:
    db = Database.open(db_path)
    try:
        return export_exchange(db)
    finally:
        db.close()


def dump_tables(db_path: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order, read with the driver's plain connection
    (every table of the database: the search index's and Alembic's included)."""
    if is_server_address(db_path):
        return _dump_server_tables(str(db_path))
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        dump: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            width = len(conn.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
            order = ", ".join(str(i) for i in range(1, width + 1))
            dump[table] = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
        return dump
    finally:
        conn.close()


def _dump_server_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    import psycopg

    with psycopg.connect(url) as conn:
        tables = [
            str(row[0])
            for row in conn.execute(
                "SELECT tablename FROM pg_catalog.pg_tables "
                "WHERE schemaname = current_schema() ORDER BY tablename"
            )
        ]
        dump: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}" LIMIT 0')
            width = len(cursor.description or ())
            order = ", ".join(str(i) for i in range(1, width + 1))
            rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            dump[table] = [tuple(row) for row in rows]
        return dump


def row_counts(db_path: Path | str) -> dict[str, int]:
    return {table: len(rows) for table, rows in dump_tables(db_path).items()}


# --- a form of an exchange document without file-local keys ---------------------------------

# Field names of each object kind with the value an absent field stands for.
_UNIT: dict[str, Any] = {"name": None, "kind": None, "parent": None}
_PERSON: dict[str, Any] = {"name": None, "unit": None}
_DOCUMENT: dict[str, Any] = {
    "kind": None,
    "symbol": None,
    "number": None,
    "issued_on": None,
    "issuer": None,
    "subject": None,
}
_CONFERENCE: dict[str, Any] = {
    "title": None,
    "kind": None,
    "mode": "online",
    "organizer": None,
    "date": None,
    "session": None,
    "start_time": None,
    "end_time": None,
    "secretary": None,
    "host_point": None,
    "chairs": [],
    "bridge_points": [],
    "documents_studied": [],
    "absent": [],
    "papers": [],
    "discussion": None,
    "instructions": [],
    "notes": None,
}
_ABSENCE: dict[str, Any] = {"person": None, "title": None, "reason": None}
_PAPER: dict[str, Any] = {
    "kind": None,
    "number": None,
    "issued_on": None,
    "signer": None,
    "authority": None,
}
_BRIDGE_POINT: dict[str, Any] = {
    "name": None,
    "unit": None,
    "presiding": [],
    "attendees": [],
    "attendee_count": None,
}
_INSTRUCTION: dict[str, Any] = {"speaker": None, "text": None, "tasks": []}
_TASK: dict[str, Any] = {
    "title": None,
    "detail": None,
    "lead_unit": None,
    "support_units": [],
    "owner": None,
    "assigned_on": None,
    "deadline": None,
    "status": "open",
    "completed_on": None,
    "result": None,
    "history": [],
}
_EVENT: dict[str, Any] = {
    "at": None,
    "kind": None,
    "note": None,
    "old_deadline": None,
    "new_deadline": None,
    "by": None,
}


def _filled(obj: Json, fields: dict[str, Any]) -> Json:
    """``obj`` restricted to ``fields``, an absent or null field taking its default."""
    filled = {}
    for name, default in fields.items():
        value = obj.get(name)
        filled[name] = copy.deepcopy(default) if value is None else value
    return filled


def identified(document: Json) -> Json:
    """``document`` with every key replaced by the identity of what it names.

    Units are named by name, people by (name, unit name), documents by (symbol or number,
    issued_on); conference, instruction and task keys are dropped. Absent optional fields
    become null (or their default), and the four top-level lists are sorted, while every
    list inside a conference keeps its order.
    """
    units = {u["key"]: u["name"] for u in document.get("units", [])}
    people = {
        p["key"]: [p["name"], units.get(p["unit"]) if p.get("unit") else None]
        for p in document.get("people", [])
    }
    documents = {
        d["key"]: [d.get("symbol") or d["number"], d.get("issued_on")]
        for d in document.get("documents", [])
    }

    def unit(key: str | None) -> str | None:
        return None if key is None else units[key]

    def appearance(value: Json | None) -> Json | None:
        if value is None:
            return None
        return {"person": people[value["person"]], "title": value.get("title")}

    def task(value: Json) -> Json:
        t = _filled(value, _TASK)
        t["lead_unit"] = unit(t["lead_unit"])
        t["support_units"] = [unit(k) for k in t["support_units"]]
        t["owner"] = None if t["owner"] is None else people[t["owner"]]
        t["history"] = [_filled(e, _EVENT) for e in t["history"]]
        return t

    def conference(value: Json) -> Json:
        c = _filled(value, _CONFERENCE)
        c["secretary"] = appearance(c["secretary"])
        c["chairs"] = [appearance(a) for a in c["chairs"]]
        points = []
        for raw in c["bridge_points"]:
            b = _filled(raw, _BRIDGE_POINT)
            b["unit"] = unit(b["unit"])
            b["presiding"] = [appearance(a) for a in b["presiding"]]
            b["attendees"] = [appearance(a) for a in b["attendees"]]
            points.append(b)
        c["bridge_points"] = points
        c["documents_studied"] = [
            {"document": documents[s["document"]], "presenter": appearance(s.get("presenter"))}
            for s in c["documents_studied"]
        ]
        c["absent"] = [_filled(a, _ABSENCE) for a in c["absent"]]
        for a in c["absent"]:
            a["person"] = people[a["person"]]
        c["papers"] = [_filled(p, _PAPER) for p in c["papers"]]
        for p in c["papers"]:
            p["signer"] = appearance(p["signer"])
        instructions = []
        for raw in c["instructions"]:
            i = _filled(raw, _INSTRUCTION)
            i["speaker"] = appearance(i["speaker"])
            i["tasks"] = [task(t) for t in i["tasks"]]
            instructions.append(i)
        c["instructions"] = instructions
        return c

    def unit_entry(value: Json) -> Json:
        u = _filled(value, _UNIT)
        u["parent"] = unit(u["parent"])
        return u

    def person_entry(value: Json) -> Json:
        p = _filled(value, _PERSON)
        p["unit"] = unit(p["unit"])
        return p

    def ordered(values: list[Json]) -> list[Json]:
        return sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))

    return {
        "format": document.get("format"),
        "version": document.get("version"),
        "units": ordered([unit_entry(u) for u in document.get("units", [])]),
        "people": ordered([person_entry(p) for p in document.get("people", [])]),
        "documents": ordered([_filled(d, _DOCUMENT) for d in document.get("documents", [])]),
        "conferences": ordered([conference(c) for c in document.get("conferences", [])]),
    }
