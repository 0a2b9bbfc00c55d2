"""Helpers for tests that run a second process on the same database."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from minutes_app.core.exchange.exporting import export_exchange
from minutes_app.db.engine import Database

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("worker.py")


class Worker:
    """``worker.py`` in a subprocess, its output lines collected as they come."""

    def __init__(self, *args: str, prefix: tuple[str, ...] = (), env: dict[str, str] | None = None):
        self.process = subprocess.Popen(
            [*prefix, sys.executable, str(WORKER), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=REPO,
            env={**os.environ, "PYTHONUTF8": "1", **(env or {})},
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, test: Callable[[], bool], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not test():
            if self.process.poll() is not None and not test():
                self.finish()
                raise AssertionError(f"worker ended early: {self.lines} {self.stderr}")
            if time.monotonic() > deadline:
                raise AssertionError(f"worker timed out: {self.lines}")
            time.sleep(0.002)

    def wait_for_line(self, start: str, timeout: float = 60.0) -> None:
        self.wait_for(lambda: any(line.startswith(start) for line in self.lines), timeout)

    def finish(self, timeout: float = 120.0) -> int:
        code = self.process.wait(timeout)
        self._reader.join(10)
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()
        return code

    stderr = ""


@pytest.fixture
def start_worker() -> Iterator[Callable[..., Worker]]:
    started: list[Worker] = []

    def start(*args: str, **kwargs: object) -> Worker:
        worker = Worker(*args, **kwargs)  # type: ignore[arg-type]
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.process.kill()
        worker.process.wait(30)


def _generator() -> Callable[..., None]:
    script = REPO / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    build: Callable[..., None] = module.build
    return build


@pytest.fixture(scope="session")
def large_exchange(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """An exchange file of a generated database with 1 500 tasks, and what it holds."""
    folder = tmp_path_factory.mktemp("large")
    source = folder / "generated.sqlite3"
    _generator()(source, 1500)
    db = Database.open(source)
    document = export_exchange(db)
    db.close()
    path = folder / "large.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    conferences = document["conferences"]
    counts = {
        "conference": len(conferences),
        "task": sum(len(i["tasks"]) for c in conferences for i in c["instructions"]),
    }
    return path, counts
