"""Mutation check of the tracking rule and its SQL forms (issue 13).

Makes every one-token mutant of the rule (``minutes_app/core/tasks/tracking.py``: its tables of
conditions and the Python classifier that evaluates them) and of the code that turns the
rule into SQL (``minutes_app/core/tasks/query.py``), and runs the tests of the rule against
each one. A mutant is killed when a test fails (or errors, or hangs); it survives when every
test passes. The mutants:

- every comparison flipped: ``<`` and ``<=``, ``>`` and ``>=``, ``==`` and ``!=``, whether
  written as an operator or as the operator of a condition of the table (``"<="``);
- every day boundary moved one day either way: ``D`` and ``Day(n)`` of the table,
  ``DUE_SOON_DAYS``, every ``timedelta(days=n)``, and every day (``day``, ``as_of``) handed
  on as the bound of a condition;
- every condition of the table replaced by one that always holds (dropped) and by one that
  never does.

The work is done on a copy of the package and the tests in a temporary folder, one copy per
worker; the working tree is never touched. The fast boundary grid
(tests/core/test_tracking_grid.py) runs first, with ``-x``; a mutant it leaves alive is
run against the other tests of the rule too. Exits 1 when a mutant survives.

    python scripts/mutate_rules.py [--jobs 2] [--list]
"""

from __future__ import annotations

import argparse
import ast
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tokenize
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# What is mutated: the statements (top-level names, or Class.method) of each file.
RULE_TABLE = [
    "DONE_BY_D",
    "DONE_AFTER_D",
    "DONE_ON_D",
    "NOT_DONE_ON_D",
    "CLASS_RULES",
    "EXISTS_ON_D",
    "NOT_YET_EXTENDED_ON_D",
    "DUE_SOON_DAYS",
    "DUE_SOON_ON_D",
]
TARGETS: dict[str, list[str]] = {
    "minutes_app/core/tasks/tracking.py": [
        *RULE_TABLE,
        "OPERATORS",
        "day_of",
        "holds",
        "all_hold",
        "deadline_on",
        "tracking_class",
        "is_due_soon",
    ],
    "minutes_app/core/tasks/rule_sql.py": [
        "condition_sql",
        "_term_sql",
        "_recorded_sql",
        "_next_midnight",
        "arm_sql",
        "extended_after",
        "deadline_in_force",
        "tracking_sql",
        "class_sql",
        "due_soon_sql",
        "depends_on_deadline",
        "hinted",
        "class_arms",
        "rule_columns",
    ],
    "minutes_app/core/tasks/query.py": [
        "only_due_soon",
        "TaskRegister._grouped_counts",
        "TaskRegister._grouped_counts_looking_back",
        "TaskRegister._class_rank",
        # Only the days these hand to the rule: the rest is paging and the user's filters.
        "TaskRegister._filtered:days",
        "TaskRegister.count:days",
        "TaskRegister._class_rows:days",
    ],
}
# Left out on purpose: TaskRegister.__init__'s facts (whether every task is assigned by the
# day) only let a query drop a condition every row passes, so a mutant that keeps the
# condition more often changes the speed, never an answer; the register's paging and
# sorting (_class_page, _after, _sorted_page), the joins of its rows, its user filters
# (deadline, unit, conference, text) and on_time_rates' period are not the rule.

FIRST_TESTS = ["tests/core/test_tracking_grid.py"]
MORE_TESTS = ["tests/core/test_tracking.py", "tests/core/test_task_query.py"]

FLIPS = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}
ALWAYS = 'when(ASSIGNED, "==", ASSIGNED)'  # every task was assigned on some day
NEVER = 'when(STATUS, "==", Value("no such status"))'
DAY_NAMES = {"day", "as_of"}


@dataclass(frozen=True)
class Mutant:
    path: str
    line: int
    column: int
    kind: str
    before: str
    after: str
    start: int  # offsets in the file's text
    end: int

    def apply(self, text: str) -> str:
        return text[: self.start] + self.after + text[self.end :]

    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.column + 1}"


def _spans(tree: ast.Module, names: list[str]) -> list[tuple[str, ast.stmt]]:
    found: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            found[node.name] = node
            if isinstance(node, ast.ClassDef):
                for inner in node.body:
                    if isinstance(inner, ast.FunctionDef):
                        found[f"{node.name}.{inner.name}"] = inner
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node
    bare = [n.split(":")[0] for n in names]
    missing = [n for n in bare if n not in found]
    if missing:
        raise SystemExit(f"mutate_rules: not found any more: {', '.join(missing)}")
    return [(n, found[n.split(":")[0]]) for n in names]


def _offsets(text: str) -> list[int]:
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def mutants_of(path: str) -> Iterator[Mutant]:
    text = (REPO / path).read_text(encoding="utf-8")
    tree = ast.parse(text)
    starts = _offsets(text)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column

    def make(node: ast.AST | tokenize.TokenInfo, kind: str, after: str) -> Mutant:
        if isinstance(node, tokenize.TokenInfo):
            (line, col), (end_line, end_col) = node.start, node.end
        else:
            line, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
            end_line, end_col = node.end_lineno, node.end_col_offset  # type: ignore[attr-defined]
        start, end = offset(line, col), offset(end_line, end_col)
        return Mutant(path, line, col, kind, text[start:end], after, start, end)

    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    for name, statement in _spans(tree, TARGETS[path]):
        first, last = statement.lineno, statement.end_lineno or statement.lineno
        table = name in RULE_TABLE
        days_only = name.endswith(":days")
        # Comparison operators, and the operators of the table's conditions.
        for token in tokens:
            if days_only or not first <= token.start[0] <= last:
                continue
            if token.type == tokenize.OP and token.string in FLIPS:
                yield make(token, "comparison flipped", FLIPS[token.string])
            elif table and token.type == tokenize.STRING and token.string[1:-1] in FLIPS:
                op = token.string[1:-1]
                yield make(token, "condition's comparison flipped", f'"{FLIPS[op]}"')
        for node in ast.walk(statement):
            # Days of the table: D and Day(n), one day either way.
            if table and isinstance(node, ast.Name) and node.id == "D":
                for shift in (1, -1):
                    yield make(node, "boundary moved", f"Day({shift})")
            if table and isinstance(node, ast.Call) and _called(node) == "Day" and node.args:
                inner = ast.get_source_segment(text, node.args[0])
                for sign in ("+", "-"):
                    yield make(node, "boundary moved", f"Day({inner} {sign} 1)")
            if (
                table
                and isinstance(node, ast.Constant)
                and isinstance(node.value, int)
                and not isinstance(node.value, bool)
            ):
                for shift in (1, -1):
                    yield make(node, "boundary moved", str(node.value + shift))
            # timedelta(days=n): n one day either way.
            if not days_only and isinstance(node, ast.Call) and _called(node) == "timedelta":
                for keyword in node.keywords:
                    if keyword.arg == "days":
                        inner = ast.get_source_segment(text, keyword.value)
                        for sign in ("+", "-"):
                            yield make(keyword.value, "boundary moved", f"{inner} {sign} 1")
            # A day handed on as a condition's bound.
            if isinstance(node, ast.Call):
                for argument in node.args:
                    if _is_day(argument):
                        inner = ast.get_source_segment(text, argument)
                        for sign in ("+", "-"):
                            yield make(
                                argument,
                                "day moved",
                                f"({inner} {sign} dt.timedelta(days=1))",
                            )
            # Conditions of the table: dropped (always hold) or never holding.
            if table and isinstance(node, ast.Call) and _called(node) == "when":
                yield make(node, "condition dropped", ALWAYS)
                yield make(node, "condition never holds", NEVER)
            # A day read into a local, to be handed on.
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in DAY_NAMES
            ):
                inner = ast.get_source_segment(text, node.value)
                for sign in ("+", "-"):
                    yield make(node.value, "day moved", f"({inner} {sign} dt.timedelta(days=1))")


def _called(node: ast.Call) -> str | None:
    function = node.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return None


def _is_day(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in DAY_NAMES
    return isinstance(node, ast.Attribute) and node.attr == "as_of"


def all_mutants() -> list[Mutant]:
    found: list[Mutant] = []
    seen: set[tuple[str, int, int, str]] = set()
    for path in TARGETS:
        for mutant in mutants_of(path):
            key = (path, mutant.start, mutant.end, mutant.after)
            if key not in seen:
                seen.add(key)
                found.append(mutant)
    return found


# --- running the tests ----------------------------------------------------------------------


def make_copy(root: Path) -> Path:
    """The package, the tests and the project settings, copied under ``root``."""
    for name in ("minutes_app", "tests"):
        shutil.copytree(
            REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def run_tests(
    copy: Path, tests: list[str], timeout: float, plugins: bool = True
) -> tuple[bool, str]:
    """(passed, last line of pytest's output). Without ``plugins``, pytest starts without
    those of Qt and Hypothesis (the grid needs neither): a second less for each mutant."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(copy),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        "--no-header",
        "-o",
        "addopts=",
        *([] if plugins else ["-p", "no:pytestqt", "-p", "no:hypothesispytest"]),
        *tests,
    ]
    try:
        done = subprocess.run(
            command,
            cwd=copy,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False, f"timed out after {timeout:.0f} s"
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return done.returncode == 0, lines[-1] if lines else f"exit {done.returncode}"


def judge(copy: Path, mutant: Mutant, timeout: float) -> tuple[bool, str]:
    """Whether the mutant survives, and the tests' last word on it."""
    target = copy / mutant.path
    original = target.read_text(encoding="utf-8")
    target.write_text(mutant.apply(original), encoding="utf-8")
    try:
        passed, said = run_tests(copy, FIRST_TESTS, timeout, plugins=False)
        if passed:
            passed, said = run_tests(copy, MORE_TESTS, timeout)
        return passed, said
    finally:
        target.write_text(original, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per test run")
    args = parser.parse_args()
    mutants = all_mutants()
    if args.list:
        for m in mutants:
            print(f"{m.where()}  {m.kind}: {m.before!r} -> {m.after!r}")
        print(f"{len(mutants)} mutants")
        return 0
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutate-rules-") as folder:
        copies = [make_copy(Path(folder) / f"copy{i}") for i in range(max(1, args.jobs))]
        passed, said = run_tests(copies[0], FIRST_TESTS + MORE_TESTS, args.timeout * 3)
        if not passed:
            print(f"the tests fail without any mutant ({said}): nothing to measure")
            return 2
        free = list(copies)
        survivors: list[Mutant] = []

        def one(mutant: Mutant) -> tuple[Mutant, bool, str]:
            copy = free.pop()
            try:
                return (mutant, *judge(copy, mutant, args.timeout))
            finally:
                free.append(copy)

        with ThreadPoolExecutor(max_workers=len(copies)) as pool:
            for n, (mutant, survived, said) in enumerate(pool.map(one, mutants), 1):
                verdict = "SURVIVED" if survived else "killed"
                print(
                    f"[{n}/{len(mutants)}] {verdict:8} {mutant.where()}  {mutant.kind}: "
                    f"{mutant.before!r} -> {mutant.after!r}  ({said})",
                    flush=True,
                )
                if survived:
                    survivors.append(mutant)
    killed = len(mutants) - len(survivors)
    minutes = (time.monotonic() - began) / 60
    print(f"\n{killed} killed, {len(survivors)} survived, of {len(mutants)} ({minutes:.1f} min)")
    for mutant in survivors:
        print(f"  survived: {mutant.where()}  {mutant.kind}: {mutant.before!r} -> {mutant.after!r}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
