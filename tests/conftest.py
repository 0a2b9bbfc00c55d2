"""Test set-up shared by every test: headless Qt, private data folders, and a throwaway
PostgreSQL server for the tests that need one."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE_JSON = SHARED / "exchange" / "example.json"


@pytest.fixture(autouse=True)
def private_data_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the app's data folder, settings and XDG folders at a fresh temp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MINUTES_APP_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a database file that does not exist yet."""
    return tmp_path / "minutes.sqlite3"


@pytest.fixture
def example_json() -> Path:
    if not EXAMPLE_JSON.exists():
        pytest.skip("shared/exchange/example.json is not beside the repository")
    return EXAMPLE_JSON


# -- PostgreSQL: a throwaway server of the test run's own (scripts/throwaway_pg.py) ----------

_spec = importlib.util.spec_from_file_location("throwaway_pg", REPO / "scripts" / "throwaway_pg.py")
assert _spec is not None and _spec.loader is not None
throwaway_pg = sys.modules.setdefault("throwaway_pg", importlib.util.module_from_spec(_spec))
if not hasattr(throwaway_pg, "ThrowawayCluster"):
    _spec.loader.exec_module(throwaway_pg)
PG_FIXTURES = {"pg_cluster", "pg_url"}


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--no-postgresql",
        action="store_true",
        help="skip the tests that need a PostgreSQL server (-m 'not postgresql' leaves them out)",
    )


@pytest.hookimpl(tryfirst=True)  # before -m reads the marks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that takes the server is marked `postgresql`, whether or not it says so."""
    skip = pytest.mark.skip(reason="--no-postgresql")
    for item in items:
        if PG_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgresql)
        if config.getoption("--no-postgresql") and item.get_closest_marker("postgresql"):
            item.add_marker(skip)


def no_server_here(reason: Exception) -> NoReturn:
    """Skip the test saying why no PostgreSQL server can be had, or fail it on CI
    (CI=true), where the PostgreSQL tests must run."""
    if on_ci():
        pytest.fail(f"CI needs a PostgreSQL server: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason}")


def start_or_skip(cluster: throwaway_pg.ThrowawayCluster) -> None:
    """Start the server, or skip (fail on CI) when none can be had here."""
    try:
        cluster.start()
    except throwaway_pg.ClusterUnavailable as reason:
        no_server_here(reason)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[throwaway_pg.ThrowawayCluster]:
    """The test run's PostgreSQL server: started on first use, removed at the end (or the
    server MINUTES_APP_TEST_PG names, left running)."""
    cluster = throwaway_pg.ThrowawayCluster.from_environment()
    try:
        start_or_skip(cluster)
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def pg_url(pg_cluster: throwaway_pg.ThrowawayCluster) -> Iterator[str]:
    """The URL of a fresh, empty database on the test server, dropped after the test."""
    pg_cluster.start()  # a test that stopped the server and failed may have left it so
    name = throwaway_pg.unique_database_name()
    yield pg_cluster.create_database(name)
    pg_cluster.start()
    pg_cluster.drop_database(name)


# -- both stores: an SQLite file, or a set-up database on the test server ---------------------


@pytest.fixture(scope="session")
def server_template(pg_cluster: throwaway_pg.ThrowawayCluster) -> str:
    """The name of a database that server-setup made ready, copied for each test (a copy
    from a template takes a tenth of the setup's time)."""
    from minutes_app.db.server import ServerAddress
    from minutes_app.db.server_setup import setup_server

    name = throwaway_pg.unique_database_name("minutes_template")
    setup_server(ServerAddress.parse(pg_cluster.create_database(name)))
    return name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new database at the current schema is, for the tests that must hold on both
    stores: an SQLite path in tmp_path (made on opening), or the URL of a database on the
    test server that server-setup made ready. Open it with ``Database.open(store)``."""
    from tests.stores import new_store

    with new_store(request, request.param, tmp_path) as where:
        yield where
