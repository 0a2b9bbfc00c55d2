"""A throwaway PostgreSQL server for the tests, the benchmarks and the check script.

    python scripts/throwaway_pg.py start DIR    (a server in DIR; prints its admin URL)
    python scripts/throwaway_pg.py stop DIR     (stops it; `start DIR` brings it back)

`ThrowawayCluster` runs `initdb` into a fresh folder and `pg_ctl` on a free port of
127.0.0.1, tuned to be fast and disposable (no fsync), trusting every role except
`minutes_pw`, which must give its password (scram-sha-256): the tests of the password
prompt use it. When `MINUTES_APP_TEST_PG` holds the admin URL of a server someone already
runs, nothing is started and databases are made there.

Standard library only (psycopg is imported where SQL is run), so that scripts/check.py
can use it before the virtual environment exists. PostgreSQL refuses to run as root: as
root, initdb, pg_ctl and the server run as the `postgres` system user (made if missing).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

MINIMUM_VERSION = 15
ENVIRONMENT_VARIABLE = "MINUTES_APP_TEST_PG"
SERVER_USER = "postgres"  # the system user the server runs as when we are root
SUPERUSER = "postgres"  # the cluster's superuser role, whoever runs it
PASSWORD_ROLE = "minutes_pw"  # the one role that must give a password
VERSION_ROOTS = ("/usr/lib/postgresql", "C:/Program Files/PostgreSQL")
INSTALL_HINT = (
    "install PostgreSQL 15 or newer (Debian/Ubuntu: apt-get install postgresql, "
    "or the postgresql-15 package of apt.postgresql.org) or put its bin folder on PATH"
)
TIMEOUT = 60  # seconds for initdb and for pg_ctl to start or stop the server

# Fast and disposable: durability is worth nothing to a server deleted after the run.
SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "max_connections": "200",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "max_wal_size": "'1GB'",
    "checkpoint_timeout": "'30min'",
    "lc_messages": "'C'",  # English messages, whatever the machine's language
}

HBA = f"""\
# Written by scripts/throwaway_pg.py: trust everyone on this machine except {PASSWORD_ROLE},
# who must give a password (the tests of the password prompt).
# TYPE  DATABASE     USER          ADDRESS        METHOD
local   all          {PASSWORD_ROLE}                  scram-sha-256
host    all          {PASSWORD_ROLE}    127.0.0.1/32   scram-sha-256
local   all          all                          trust
host    all          all           127.0.0.1/32   trust
local   replication  all                          trust
host    replication  all           127.0.0.1/32   trust
"""


class ClusterError(RuntimeError):
    """The server could not be started, stopped or reached; the message says why."""


class ClusterUnavailable(ClusterError):
    """No PostgreSQL server can be had here (programs missing, too old, or the server of
    MINUTES_APP_TEST_PG unreachable): tests that need one skip with this message."""


@dataclass(frozen=True)
class Binaries:
    """The folder of PostgreSQL's server programs and their major version."""

    folder: Path
    version: int

    def program(self, name: str) -> str:
        suffix = ".exe" if os.name == "nt" else ""
        return str(self.folder / f"{name}{suffix}")


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _major_version(pg_ctl: Path) -> int | None:
    try:
        output = subprocess.run(
            [str(pg_ctl), "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except OSError:
        return None
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", output)
    return int(found.group(1)) if found else None


def _has_programs(folder: Path) -> bool:
    suffix = ".exe" if os.name == "nt" else ""
    return all(
        os.access(folder / f"{name}{suffix}", os.X_OK) for name in ("initdb", "pg_ctl", "postgres")
    )


def _version_folders(roots: Sequence[str]) -> list[Path]:
    """The bin folders of /usr/lib/postgresql/N (and the like), newest version first."""
    folders: list[tuple[int, Path]] = []
    for root in roots:
        with contextlib.suppress(OSError):
            for entry in Path(root).iterdir():
                if entry.name.isdigit() and (entry / "bin").is_dir():
                    folders.append((int(entry.name), entry / "bin"))
    return [folder for _, folder in sorted(folders, reverse=True)]


def find_binaries(search_path: str | None = None, roots: Sequence[str] = VERSION_ROOTS) -> Binaries:
    """initdb, pg_ctl and postgres of PostgreSQL 15 or newer: from PATH (or `search_path`),
    then from /usr/lib/postgresql/*/bin, newest first. Raises ClusterUnavailable saying
    what is missing and how to get it."""
    candidates: list[Path] = []
    pg_ctl = shutil.which("pg_ctl", path=search_path)
    if pg_ctl is not None:
        # /usr/local/bin/pg_ctl may be a link into the real bin folder, beside initdb.
        candidates += [Path(pg_ctl).resolve().parent, Path(pg_ctl).parent]
    candidates += _version_folders(roots)
    too_old: list[str] = []
    seen: set[Path] = set()
    for folder in candidates:
        if folder in seen or not _has_programs(folder):
            continue
        seen.add(folder)
        version = _major_version(folder / ("pg_ctl.exe" if os.name == "nt" else "pg_ctl"))
        if version is None:
            continue
        if version >= MINIMUM_VERSION:
            return Binaries(folder, version)
        too_old.append(f"{version} in {folder}")
    if too_old:
        raise ClusterUnavailable(
            f"PostgreSQL {MINIMUM_VERSION} or newer is needed and only "
            f"{', '.join(too_old)} was found: {INSTALL_HINT}"
        )
    raise ClusterUnavailable(
        "PostgreSQL's server programs (initdb, pg_ctl, postgres) are neither on PATH nor "
        f"in {' or '.join(f'{root}/*/bin' for root in roots) or 'a known folder'}: {INSTALL_HINT}"
    )


def unique_database_name(prefix: str = "minutes_test") -> str:
    """A database name no other test has."""
    return f"{prefix}_{secrets.token_hex(6)}"


def _ensure_server_user() -> None:
    import pwd  # Unix only, and only reached as root

    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        made = subprocess.run(
            [
                *("useradd", "--system", "--user-group", "--no-create-home"),
                *("--home-dir", "/var/lib/postgresql", "--shell", "/usr/sbin/nologin"),
                SERVER_USER,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode != 0:
            raise ClusterError(
                f"could not make the {SERVER_USER} system user: {made.stderr}"
            ) from None


def _chown_to_server_user(path: Path) -> None:
    if _is_root():
        shutil.chown(path, SERVER_USER, SERVER_USER)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _log_tail(log: Path, lines: int = 8) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])


class ThrowawayCluster:
    """A PostgreSQL server of the test run's own, or the one MINUTES_APP_TEST_PG names.

    `start()` makes it (initdb) the first time and starts it; `stop()` stops it (fast
    shutdown) and `start()` brings it back on the same folder and port: the tests of a lost
    server do that under a running client. `destroy()` stops it and removes its folder; it
    also runs at exit, and a watcher process does it should the test run die outright.
    """

    def __init__(
        self,
        folder: Path | str | None = None,
        *,
        admin_url: str | None = None,
        binaries: Binaries | None = None,
        clean_up_at_exit: bool = True,
    ) -> None:
        """`folder`: where the server lives (a new temporary folder when None, removed by
        destroy()). `admin_url`: a running server's superuser URL; then nothing is started.
        `clean_up_at_exit`: False leaves the server running when this process ends."""
        self.external = admin_url is not None
        self._external_url = admin_url
        self._binaries = binaries
        self._own_folder = folder is None
        self.folder: Path | None = None if folder is None else Path(folder).absolute()
        self.port: int | None = None
        self.running = False
        self._clean_up_at_exit = clean_up_at_exit and not self.external
        self._at_exit_registered = False
        self._watcher: subprocess.Popen[bytes] | None = None
        self._watcher_pipe: int | None = None
        self._owner_pid = os.getpid()
        self._created: set[str] = set()  # databases made on someone else's server
        if self.folder is not None and (self.folder / "data" / "PG_VERSION").exists():
            self.port = self._saved_port()

    @classmethod
    def from_environment(cls) -> ThrowawayCluster:
        """The server MINUTES_APP_TEST_PG names, or else a throwaway one of our own."""
        url = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
        return cls(admin_url=url) if url else cls()

    # -- where it is ---------------------------------------------------------------

    @property
    def data(self) -> Path:
        if self.folder is None:
            raise ClusterError("the server has no folder yet: start() it first")
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.data.parent / "server.log"

    @property
    def admin_url(self) -> str:
        """The superuser's URL, to the `postgres` database."""
        if self._external_url is not None:
            return self._external_url
        return self.url("postgres")

    def url(self, dbname: str, user: str | None = None) -> str:
        """The URL of database `dbname` as `user` (the superuser when None)."""
        if self._external_url is None:
            if self.port is None:
                raise ClusterError("the server has no port yet: start() it first")
            login = quote(user or SUPERUSER, safe="")
            return f"postgresql://{login}@127.0.0.1:{self.port}/{quote(dbname, safe='')}"
        parts = urlsplit(self._external_url)
        netloc = parts.netloc
        if user is not None:
            host = netloc.rpartition("@")[2]
            netloc = f"{quote(user, safe='')}@{host}"
        return urlunsplit((parts.scheme, netloc, "/" + quote(dbname, safe=""), parts.query, ""))

    @property
    def postmaster_pid(self) -> int | None:
        """The server's process id while it runs (None on someone else's server)."""
        if self.external or self.folder is None:
            return None
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    # -- starting and stopping -------------------------------------------------------

    def start(self) -> None:
        """Make the server if need be and start it; nothing when it already runs."""
        if self.running:
            return
        if self.external:
            self._check_external()
            self.running = True
            return
        binaries = self._binaries_or_fail()
        if _is_root():
            _ensure_server_user()
        first_time = self.folder is None or not (self.data / "PG_VERSION").exists()
        if first_time:
            self._initdb(binaries)
        self._register_clean_up()
        for attempt in range(3):
            try:
                self._pg_ctl(binaries, "start", "-w", "-t", str(TIMEOUT), "-l", str(self.log))
                break
            except ClusterError:
                # Someone took the free port between our look and the server's bind.
                if not first_time or attempt == 2 or "already in use" not in _log_tail(self.log):
                    raise
                self._write_settings(_free_port())
        self.running = True

    def stop(self) -> None:
        """Stop the server (fast shutdown: open sessions are cut off); start() resumes."""
        if self.external:
            raise ClusterError(f"the server of {ENVIRONMENT_VARIABLE} is not ours to stop")
        if self.folder is None or not (self.data / "postmaster.pid").exists():
            self.running = False
            return
        self._pg_ctl(self._binaries_or_fail(), "stop", "-w", "-t", str(TIMEOUT), "-m", "fast")
        self.running = False

    def destroy(self) -> None:
        """Stop the server and remove its folder (on someone else's server: drop the
        databases made here). Safe to call twice."""
        if self.external:
            if self.running:
                for name in sorted(self._created):
                    with contextlib.suppress(Exception):
                        self.drop_database(name)
            self.running = False
            return
        try:
            self.stop()
        finally:
            if self.folder is not None and self._own_folder:
                shutil.rmtree(self.folder, ignore_errors=True)
                self.folder = None
            self._stop_watcher()
            if self._at_exit_registered:
                atexit.unregister(self._at_exit)
                self._at_exit_registered = False

    # -- databases -------------------------------------------------------------------

    def create_database(self, name: str, template: str | None = None) -> str:
        """Make an empty database (or a copy of `template`, which must have no one
        connected to it) and return its URL."""
        from psycopg import sql

        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self.sql(statement)
        if self.external:
            self._created.add(name)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database if it is there, cutting off whoever is connected to it."""
        from psycopg import sql

        self.sql(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        self._created.discard(name)

    def sql(self, statement: Any, params: Any = None, *, dbname: str | None = None) -> list[Any]:
        """Run one statement as the superuser (autocommit) in the admin database or in
        `dbname`; returns the rows it gives, if any. `statement`: text or psycopg.sql."""
        import psycopg

        url = self.admin_url if dbname is None else self.url(dbname)
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as connection:
            cursor = connection.execute(statement, params)
            return cursor.fetchall() if cursor.description is not None else []

    # -- inside ----------------------------------------------------------------------

    def _binaries_or_fail(self) -> Binaries:
        if self._binaries is None:
            self._binaries = find_binaries()
        return self._binaries

    def _check_external(self) -> None:
        assert self._external_url is not None
        if not self._external_url.startswith(("postgresql://", "postgres://")):
            raise ClusterUnavailable(
                f"{ENVIRONMENT_VARIABLE} must be a URL, postgresql://LOGIN@HOST:PORT/DBNAME"
            )
        try:
            import psycopg
        except ImportError as missing:
            raise ClusterUnavailable(f"psycopg is not installed: {missing}") from None
        try:
            rows = self.sql("SHOW server_version_num")
        except psycopg.Error as error:
            raise ClusterUnavailable(
                f"the server of {ENVIRONMENT_VARIABLE} cannot be reached: {error}".strip()
            ) from None
        if int(rows[0][0]) < MINIMUM_VERSION * 10000:
            raise ClusterUnavailable(
                f"the server of {ENVIRONMENT_VARIABLE} is older than PostgreSQL {MINIMUM_VERSION}"
            )

    def _run(self, command: list[str], what: str) -> None:
        if _is_root():
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        # Output to a file, not a pipe: the server pg_ctl leaves running must not hold
        # our pipe open.
        with tempfile.TemporaryFile() as output:
            try:
                result = subprocess.run(
                    command,
                    cwd=self.data.parent,
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    timeout=TIMEOUT + 30,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as error:
                raise ClusterError(f"{what} failed: {error}") from None
            if result.returncode != 0:
                output.seek(0)
                said = output.read().decode("utf-8", "replace").strip()
                log = _log_tail(self.log) if self.folder is not None else ""
                raise ClusterError(
                    f"{what} failed (exit {result.returncode}): {said}"
                    + (f"\nserver log ({self.log}):\n{log}" if log else "")
                )

    def _pg_ctl(self, binaries: Binaries, *arguments: str) -> None:
        self._run([binaries.program("pg_ctl"), "-D", str(self.data), *arguments], "pg_ctl")

    def _initdb(self, binaries: Binaries) -> None:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="minutes-pg-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        _chown_to_server_user(self.folder)
        if _is_root():
            reach = subprocess.run(
                ["runuser", "-u", SERVER_USER, "--", "test", "-w", str(self.folder)], check=False
            )
            if reach.returncode != 0:
                raise ClusterError(
                    f"the {SERVER_USER} user cannot write into {self.folder}: "
                    "choose a folder it can reach (under /tmp, for instance)"
                )
        # C.UTF-8 makes lower() and upper() know Vietnamese letters; where it is missing,
        # plain C with UTF8 encoding.
        for locale in ("C.UTF-8", "C"):
            shutil.rmtree(self.data, ignore_errors=True)
            try:
                self._run(
                    [
                        *(binaries.program("initdb"), "-D", str(self.data), "-U", SUPERUSER),
                        *("--auth=trust", "--encoding=UTF8", f"--locale={locale}", "--no-sync"),
                    ],
                    "initdb",
                )
                break
            except ClusterError:
                if locale == "C":
                    raise
        (self.data / "pg_hba.conf").write_text(HBA, encoding="utf-8")
        self._write_settings(_free_port())
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\ninclude 'throwaway.conf'\n")

    def _write_settings(self, port: int) -> None:
        settings = dict(SETTINGS, port=str(port))
        socket_folder = str(self.data.parent)
        # A Unix socket's path holds at most 107 bytes; past that, TCP alone.
        too_long = len(socket_folder.encode()) + len("/.s.PGSQL.65535") > 107
        socket_folder = "" if os.name == "nt" or too_long else socket_folder
        settings["unix_socket_directories"] = "'" + socket_folder.replace("'", "''") + "'"
        conf = self.data / "throwaway.conf"
        conf.write_text("".join(f"{k} = {v}\n" for k, v in settings.items()), encoding="utf-8")
        _chown_to_server_user(conf)
        self.port = port

    def _saved_port(self) -> int:
        text = (self.data / "throwaway.conf").read_text(encoding="utf-8")
        found = re.search(r"^port = (\d+)$", text, re.MULTILINE)
        if found is None:
            raise ClusterError(f"{self.data} holds no port: it was not made by {__file__}")
        return int(found.group(1))

    def _register_clean_up(self) -> None:
        if not self._clean_up_at_exit or self._at_exit_registered:
            return
        atexit.register(self._at_exit)
        self._at_exit_registered = True
        self._owner_pid = os.getpid()
        self._start_watcher()

    def _at_exit(self) -> None:
        if os.getpid() == self._owner_pid:  # not in a child forked from the test run
            with contextlib.suppress(Exception):
                self.destroy()

    def _start_watcher(self) -> None:
        """A process that waits for this one to end, whichever way (a crash, a kill), and
        then stops the server and removes its folder if that was not done already."""
        assert self.folder is not None
        read_end, write_end = os.pipe()  # the write end is not inherited (PEP 446)
        try:
            self._watcher = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "_watch", str(self.folder)]
                + (["--remove"] if self._own_folder else []),
                stdin=read_end,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=tempfile.gettempdir(),
                start_new_session=True,  # Ctrl+C on the test run must not stop it first
            )
        finally:
            os.close(read_end)
        self._watcher_pipe = write_end

    def _stop_watcher(self) -> None:
        if self._watcher_pipe is not None:
            os.close(self._watcher_pipe)  # the watcher sees the end, finds nothing to do
            self._watcher_pipe = None
        if self._watcher is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._watcher.wait(TIMEOUT)
            self._watcher = None


def _watch(folder: Path, remove: bool) -> None:
    """Wait for the end of standard input (the test run has ended), then clean up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        while os.read(0, 4096):
            pass
    if not folder.exists():
        return
    cluster = ThrowawayCluster(folder, clean_up_at_exit=False)
    with contextlib.suppress(Exception):
        cluster.stop()
    if remove:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["_watch"]:
        _watch(Path(arguments[1]), "--remove" in arguments[2:])
        return 0
    parser = argparse.ArgumentParser(
        prog="throwaway_pg.py", description="A throwaway PostgreSQL server in a folder."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("start", help="make the server if need be, start it")
    start.add_argument("folder", type=Path)
    stop = commands.add_parser("stop", help="stop the server (start brings it back)")
    stop.add_argument("folder", type=Path)
    options = parser.parse_args(arguments)
    cluster = ThrowawayCluster(options.folder, clean_up_at_exit=False)
    try:
        if options.command == "start":
            started = time.perf_counter()
            cluster.start()
            print(cluster.admin_url)
            print(f"started in {time.perf_counter() - started:.2f} s", file=sys.stderr)
        else:
            cluster.stop()
    except ClusterError as error:
        print(f"throwaway_pg.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
