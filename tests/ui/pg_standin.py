"""STAND-IN until tests/conftest.py has pg_cluster and pg_url (the lead engineer swaps it
at merge): a small throwaway PostgreSQL server for the window's tests of a lost server and
of the password prompt, and fresh databases on the dev server.

``StandInCluster`` runs initdb into a temporary folder and pg_ctl on a free port of
127.0.0.1 (as the ``postgres`` system user when run as root, which PostgreSQL requires),
trusting every role but ``minutes_pw``, which must give its password. It offers what the
real fixture will: ``stop()``, ``start()``, ``url(dbname)``, ``create_database(name)``,
``drop_database(name)``, ``sql(statement)``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

BIN = Path("/usr/lib/postgresql/15/bin")
DEV_SERVER = "postgresql://postgres@127.0.0.1:55432/postgres"
PASSWORD_ROLE = "minutes_pw"
_HBA = f"""\
local   all   {PASSWORD_ROLE}                  scram-sha-256
host    all   {PASSWORD_ROLE}    127.0.0.1/32   scram-sha-256
local   all   all                          trust
host    all   all           127.0.0.1/32   trust
"""


def _as_server_user(command: list[str]) -> list[str]:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StandInCluster:
    def __init__(self) -> None:
        if not (BIN / "initdb").exists():
            pytest.skip(f"no PostgreSQL programs in {BIN}")
        self.folder = Path(tempfile.mkdtemp(prefix="minutes-ui-pg-"))
        os.chmod(self.folder, 0o777)
        self.data = self.folder / "data"
        self.port = _free_port()
        subprocess.run(
            _as_server_user(
                [
                    str(BIN / "initdb"),
                    *("-D", str(self.data), "-U", "postgres", "-E", "UTF8"),
                    *("--locale=C.UTF-8", "-A", "trust"),
                ]
            ),
            check=True,
            capture_output=True,
        )
        hba = self.data / "pg_hba.conf"
        subprocess.run(
            _as_server_user(["sh", "-c", f"cat > {hba}"]), input=_HBA.encode(), check=True
        )
        settings = (
            f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{self.folder}'\nfsync = off\n"
            "synchronous_commit = off\nfull_page_writes = off\nlc_messages = 'C'\n"
        )
        subprocess.run(
            _as_server_user(["sh", "-c", f"cat >> {self.data / 'postgresql.conf'}"]),
            input=settings.encode(),
            check=True,
        )
        self.start()

    def _pg_ctl(self, *arguments: str) -> None:
        subprocess.run(
            _as_server_user([str(BIN / "pg_ctl"), "-D", str(self.data), "-w", *arguments]),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        self._pg_ctl("-l", str(self.folder / "log"), "start")

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "stop")

    def url(self, dbname: str, user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(statement)

    def create_database(self, name: str) -> str:
        self.sql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def destroy(self) -> None:
        with suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def stand_in_cluster() -> Iterator[StandInCluster]:
    cluster = StandInCluster()
    try:
        yield cluster
    finally:
        cluster.destroy()


@contextmanager
def dev_server_database() -> Iterator[str]:
    """A fresh, empty database on the dev server (prefix u_), dropped after."""
    import psycopg

    name = f"u_test_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(DEV_SERVER, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        pytest.skip(f"the dev server is not running: {exc}")
    try:
        yield DEV_SERVER.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(DEV_SERVER, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
