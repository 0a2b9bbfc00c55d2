"""How much a paper prints: every field of a record and the whole body of a paper are cut
to a bound, so that a paper is laid out in seconds whatever the database holds."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from minutes_app.base.limits import MAX_TEXT
from minutes_app.base.text import shortened
from minutes_app.formats.document import Block, NumberedItem, Paragraph, Run, Table

# A paper stays a paper, laid out in seconds, whatever is stored (a database written by an
# older version or by hand may hold a 30 MB discussion): each field prints at most so many
# characters, ending with "…" where it is cut, and the body at most PRINTED_TOTAL, ending
# with OMITTED. Within the editor's limits only a name or a line longer than any real one
# is cut: running text (a discussion, an instruction) prints whole up to MAX_TEXT.
PRINTED_LINE = 500
"""Characters of a name, a title, a unit, a heading line or a table cell."""
PRINTED_TEXT = MAX_TEXT
"""Characters of a running text: the discussion, an instruction."""
PRINTED_TOTAL = 300_000
"""Characters of a paper's body, about a hundred printed pages."""
OMITTED = "[Phần còn lại quá dài nên không in ra; xem đầy đủ trong phần mềm.]"
_RUNNING = frozenset({"discussion", "notes", "text"})  # fields printed as running text

Printed = TypeVar("Printed")


def printable(record: Printed) -> Printed:
    """``record`` (a frozen dataclass: a conference form, an office…) with every text cut
    to what a paper prints of it: PRINTED_TEXT for running text, PRINTED_LINE for the rest."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        limit = PRINTED_TEXT if f.name in _RUNNING else PRINTED_LINE
        if isinstance(value, str):
            changes[f.name] = shortened(value, limit)
        elif isinstance(value, tuple):
            changes[f.name] = tuple(
                shortened(v, limit) if isinstance(v, str) else printable(v) for v in value
            )
        elif dataclasses.is_dataclass(value):
            changes[f.name] = printable(value)
    return dataclasses.replace(record, **changes)


def printed_line(text: str) -> str:
    """``text`` cut to PRINTED_LINE characters, as a paper prints a name or a line."""
    return shortened(text, PRINTED_LINE)


def _size(block: Block) -> int:
    """Characters printed by ``block``."""
    if isinstance(block, Paragraph | NumberedItem):
        return sum(len(r.text) for r in block.runs)
    if isinstance(block, Table):
        return sum(len(cell) for row in (block.header, *block.rows) for cell in row)
    return len(block.title) + sum(len(c) for c in block.categories)


def bounded(body: list[Block], last_kept: bool = True) -> tuple[Block, ...]:
    """``body`` cut to PRINTED_TOTAL characters, the rest replaced by OMITTED. The last
    block (the closing sentence) is kept whole when ``last_kept``."""
    closing = body[-1:] if last_kept else []
    blocks = body[:-1] if last_kept else body
    left = PRINTED_TOTAL
    kept: list[Block] = []
    for block in blocks:
        size = _size(block)
        if size <= left:
            kept.append(block)
            left -= size
            continue
        if isinstance(block, Paragraph | NumberedItem):
            runs, room = [], left
            for run in block.runs:
                runs.append(dataclasses.replace(run, text=shortened(run.text, room)))
                room -= len(runs[-1].text)
                if room <= 0:
                    break
            kept.append(dataclasses.replace(block, runs=tuple(runs)))
        elif isinstance(block, Table):
            rows = []
            room = left - sum(len(cell) for cell in block.header)
            for row in block.rows:
                room -= sum(len(cell) for cell in row)
                if room < 0:
                    break
                rows.append(row)
            if rows:
                kept.append(dataclasses.replace(block, rows=tuple(rows), total_row=False))
        kept.append(Paragraph((Run(OMITTED, italic=True),)))
        break
    return (*kept, *closing)
