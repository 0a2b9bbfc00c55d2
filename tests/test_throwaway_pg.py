"""The test run's throwaway PostgreSQL server (scripts/throwaway_pg.py) and its fixtures."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import pytest
from psycopg import sql

from tests.conftest import REPO, no_server_here, start_or_skip, throwaway_pg

SCRIPT = REPO / "scripts" / "throwaway_pg.py"
ThrowawayCluster = throwaway_pg.ThrowawayCluster


def ours(cluster: ThrowawayCluster) -> None:
    if cluster.external:
        pytest.skip("the server of MINUTES_APP_TEST_PG is not ours to stop or configure")


def binaries_or_skip() -> None:
    try:
        throwaway_pg.find_binaries()
    except throwaway_pg.ClusterUnavailable as reason:
        no_server_here(reason)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for(condition: object, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A folder under the system's temp folder, which the postgres user can reach (pytest's
    tmp_path, private to root, is not when the tests run as root)."""
    folder = Path(tempfile.mkdtemp(prefix="minutes-pg-test-"))
    folder.chmod(0o711)  # mkdtemp makes it private
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_fresh_database_is_empty_utf8_and_marked(
    pg_cluster: ThrowawayCluster, pg_url: str, request: pytest.FixtureRequest
) -> None:
    # The fixture marks the test, so -m "not postgresql" leaves it out.
    assert request.node.get_closest_marker("postgresql") is not None
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SHOW server_encoding").fetchone() == ("UTF8",)
        assert int(connection.execute("SHOW server_version_num").fetchone()[0]) >= 150000
        tables = connection.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', "
            "'information_schema')"
        ).fetchone()
        assert tables == (0,)
        name = connection.execute("SELECT current_database()").fetchone()[0]
    assert pg_url == pg_cluster.url(name)


def test_our_server_is_local_disposable_and_roomy(pg_cluster: ThrowawayCluster) -> None:
    ours(pg_cluster)
    settings = dict(pg_cluster.sql("SELECT name, setting FROM pg_settings"))
    assert settings["listen_addresses"] == "127.0.0.1"
    assert settings["unix_socket_directories"] == str(pg_cluster.folder)
    assert (settings["fsync"], settings["synchronous_commit"]) == ("off", "off")
    assert settings["full_page_writes"] == "off"
    assert int(settings["max_connections"]) >= 200
    # C.UTF-8 knows Vietnamese capitals, where plain C leaves them as they are.
    assert pg_cluster.sql("SELECT lower('ĐÀO TẠO')") == [("đào tạo",)]
    assert pg_cluster.admin_url == f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/postgres"


def test_losing_the_server_and_getting_it_back(pg_cluster: ThrowawayCluster, pg_url: str) -> None:
    ours(pg_cluster)
    port = pg_cluster.port
    with psycopg.connect(pg_url, autocommit=True) as client:
        client.execute("CREATE TABLE kept (word text)")
        client.execute("INSERT INTO kept VALUES ('still here')")
        pg_cluster.stop()
        assert pg_cluster.postmaster_pid is None
        with pytest.raises(psycopg.OperationalError):
            client.execute("SELECT 1")
    with pytest.raises(psycopg.OperationalError, match=r"(?i)connection refused"):
        psycopg.connect(pg_url, connect_timeout=5)
    pg_cluster.start()
    assert pg_cluster.port == port
    with psycopg.connect(pg_url) as client:
        assert client.execute("SELECT word FROM kept").fetchall() == [("still here",)]


def test_minutes_pw_must_give_its_password(
    pg_cluster: ThrowawayCluster, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours(pg_cluster)
    for variable in ("PGPASSWORD", "PGPASSFILE", "PGSERVICE"):
        monkeypatch.delenv(variable, raising=False)
    role = throwaway_pg.PASSWORD_ROLE
    pg_cluster.sql(f"DROP ROLE IF EXISTS {role}")  # left by a test that failed
    pg_cluster.sql(
        sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(role), sql.Literal("mật khẩu")
        )
    )
    try:
        dbname = urlsplit(pg_url).path.lstrip("/")
        url = pg_cluster.url(dbname, user=role)
        with pytest.raises(psycopg.OperationalError, match="password"):
            psycopg.connect(url, connect_timeout=5)
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(url, password="wrong", connect_timeout=5)
        with psycopg.connect(url, password="mật khẩu") as connection:
            assert connection.execute("SELECT current_user").fetchone() == (role,)
        # Every other role is trusted.
        pg_cluster.sql(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier("minutes_clerk")))
        with psycopg.connect(pg_cluster.url(dbname, user="minutes_clerk")) as connection:
            assert connection.execute("SELECT current_user").fetchone() == ("minutes_clerk",)
    finally:
        pg_cluster.sql(f"DROP ROLE IF EXISTS {role}")
        pg_cluster.sql("DROP ROLE IF EXISTS minutes_clerk")


def test_dropping_a_database_cuts_off_its_connections(pg_cluster: ThrowawayCluster) -> None:
    name = throwaway_pg.unique_database_name()
    url = pg_cluster.create_database(name)
    with psycopg.connect(url, autocommit=True) as client:
        pg_cluster.drop_database(name)
        with pytest.raises(psycopg.OperationalError):
            client.execute("SELECT 1")
    assert pg_cluster.sql("SELECT 1 FROM pg_database WHERE datname = %s", [name]) == []
    pg_cluster.drop_database(name)  # already gone: nothing to do


def test_a_database_made_from_a_template_holds_its_tables(pg_cluster: ThrowawayCluster) -> None:
    template = throwaway_pg.unique_database_name("minutes_template")
    copy = throwaway_pg.unique_database_name()
    pg_cluster.create_database(template)
    try:
        pg_cluster.sql("CREATE TABLE conference (title text)", dbname=template)
        pg_cluster.sql("INSERT INTO conference VALUES ('Hội nghị')", dbname=template)
        with psycopg.connect(pg_cluster.create_database(copy, template=template)) as client:
            assert client.execute("SELECT title FROM conference").fetchall() == [("Hội nghị",)]
    finally:
        pg_cluster.drop_database(copy)
        pg_cluster.drop_database(template)


def test_someone_elses_server_is_used_not_started(
    pg_cluster: ThrowawayCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(throwaway_pg.ENVIRONMENT_VARIABLE, pg_cluster.admin_url)
    theirs = ThrowawayCluster.from_environment()
    theirs.start()
    assert theirs.external and theirs.folder is None
    name = throwaway_pg.unique_database_name()
    url = theirs.create_database(name)
    assert urlsplit(url).netloc == urlsplit(pg_cluster.admin_url).netloc
    assert urlsplit(theirs.url(name, user="minutes_pw")).username == "minutes_pw"
    with psycopg.connect(url) as client:
        assert client.execute("SELECT current_database()").fetchone() == (name,)
    with pytest.raises(throwaway_pg.ClusterError, match="not ours to stop"):
        theirs.stop()
    theirs.destroy()  # drops what it made, leaves the server running
    assert pg_cluster.sql("SELECT 1 FROM pg_database WHERE datname = %s", [name]) == []


@pytest.mark.parametrize("ci", ["", "true"])
def test_without_a_server_tests_skip_but_fail_on_ci(
    ci: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", ci)
    nowhere = ThrowawayCluster(admin_url="postgresql://postgres@127.0.0.1:1/postgres")
    outcome = pytest.fail.Exception if ci else pytest.skip.Exception
    with pytest.raises(outcome, match="cannot be reached"):
        start_or_skip(nowhere)


def test_missing_programs_say_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(throwaway_pg.ClusterUnavailable) as missing:
        throwaway_pg.find_binaries(search_path=str(tmp_path), roots=[str(tmp_path)])
    assert "initdb, pg_ctl, postgres" in str(missing.value)
    assert "apt-get install postgresql" in str(missing.value)


@pytest.mark.skipif(os.name == "nt", reason="stand-in programs are shell scripts")
def test_the_newest_programs_of_15_or_newer_are_taken(tmp_path: Path) -> None:
    def version_folder(version: str) -> Path:
        folder = tmp_path / version.split(".")[0] / "bin"
        folder.mkdir(parents=True)
        for name in ("initdb", "pg_ctl", "postgres"):
            program = folder / name
            program.write_text(f'#!/bin/sh\necho "{name} (PostgreSQL) {version}"\n')
            program.chmod(0o755)
        return folder

    version_folder("14.10")
    with pytest.raises(throwaway_pg.ClusterUnavailable, match="only 14 in"):
        throwaway_pg.find_binaries(search_path="", roots=[str(tmp_path)])
    version_folder("15.8")
    newest = version_folder("16.4")
    assert throwaway_pg.find_binaries(search_path="", roots=[str(tmp_path)]) == (
        throwaway_pg.Binaries(newest, 16)
    )
    # PATH comes first, even before a newer version elsewhere.
    on_path = tmp_path / "15" / "bin"
    assert throwaway_pg.find_binaries(search_path=str(on_path), roots=[str(tmp_path)]) == (
        throwaway_pg.Binaries(on_path, 15)
    )


CRASHING_RUN = """
import os, signal, sys
sys.path.insert(0, {scripts!r})
import throwaway_pg
cluster = throwaway_pg.ThrowawayCluster()
cluster.start()
print(cluster.folder, cluster.postmaster_pid, flush=True)
if sys.argv[1] == "killed":
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.postgresql
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
@pytest.mark.parametrize("end", ["ended", "killed"])
def test_no_server_is_left_behind_when_the_test_run_ends(end: str) -> None:
    binaries_or_skip()
    run = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN.format(scripts=str(SCRIPT.parent)), end],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    folder, pid = run.stdout.split()
    assert wait_for(lambda: not alive(int(pid))), f"postgres {pid} still runs after the run {end}"
    assert wait_for(lambda: not Path(folder).exists()), f"{folder} is left after the run {end}"


@pytest.mark.postgresql
def test_the_command_line_starts_and_stops_a_server_in_a_folder(scratch: Path) -> None:
    binaries_or_skip()
    folder = scratch / "server"

    def command(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(SCRIPT), *arguments, str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )

    url = command("start").stdout.strip()
    try:
        assert url.startswith("postgresql://postgres@127.0.0.1:")
        with psycopg.connect(url) as client:
            assert client.execute("SELECT 1").fetchone() == (1,)
        command("stop")
        with pytest.raises(psycopg.OperationalError, match=r"(?i)connection refused"):
            psycopg.connect(url, connect_timeout=5)
        assert command("start").stdout.strip() == url  # the same folder, the same port
        with psycopg.connect(url) as client:
            assert client.execute("SELECT 1").fetchone() == (1,)
    finally:
        command("stop")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="runs as root only")
def test_a_folder_the_postgres_user_cannot_reach_is_refused_plainly(tmp_path: Path) -> None:
    binaries_or_skip()
    # pytest's tmp_path is private to root.
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "start", str(tmp_path / "server")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1
    assert "the postgres user cannot write into" in run.stderr
    assert "Traceback" not in run.stderr


# -- scripts/check.py installs Debian's PostgreSQL where it is missing -----------------------


@pytest.fixture
def check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Any]:
    """scripts/check.py on a Debian machine without PostgreSQL's server programs, its
    policy-rc.d in tmp_path, and its commands written down instead of run."""
    spec = importlib.util.spec_from_file_location("check_script", REPO / "scripts" / "check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.installed = False
    module.commands = []

    def find_binaries() -> object:
        if not module.installed:
            raise throwaway_pg.ClusterUnavailable("PostgreSQL's server programs are missing")
        return throwaway_pg.Binaries(tmp_path, 15)

    def run(*command: str, env: dict[str, str] | None = None) -> None:
        policy = module.POLICY_RC_D
        module.commands.append((command, policy.read_text() if policy.exists() else None))
        assert env is not None and env["DEBIAN_FRONTEND"] == "noninteractive"
        if command[1] == "install":
            module.installed = "postgresql" in command

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(module, "POLICY_RC_D", tmp_path / "policy-rc.d")
    monkeypatch.setattr(module, "find_binaries", find_binaries)
    monkeypatch.setattr(module, "run", run)
    monkeypatch.setattr(module, "serif_missing", lambda: False)
    monkeypatch.setattr(module.shutil, "which", lambda name: f"/usr/bin/{name}")
    yield module


def test_check_installs_postgresql_as_root_and_keeps_its_own_server_stopped(
    check: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(check.os, "geteuid", lambda: 0)
    check.install_system_packages()
    update, install = check.commands
    assert update == (("apt-get", "update", "-qq"), "#!/bin/sh\nexit 101\n")
    assert install[0][:2] == ("apt-get", "install") and "postgresql" in install[0]
    assert install[1] == "#!/bin/sh\nexit 101\n"  # the package's own server is not started
    assert not check.POLICY_RC_D.exists()  # and the machine's services are as they were
    assert capsys.readouterr().out == ""


def test_check_leaves_a_policy_rc_d_of_the_machine_alone(
    check: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check.os, "geteuid", lambda: 0)
    check.POLICY_RC_D.write_text("#!/bin/sh\nexit 0\n")
    check.install_system_packages()
    assert [policy for _, policy in check.commands] == ["#!/bin/sh\nexit 0\n"] * 2
    assert check.POLICY_RC_D.read_text() == "#!/bin/sh\nexit 0\n"


def test_check_says_what_to_install_when_it_cannot(
    check: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(check.os, "geteuid", lambda: 1000)
    check.install_system_packages()
    assert check.commands == []
    said = capsys.readouterr().out
    assert "note: PostgreSQL's server programs are missing" in said
    assert "the PostgreSQL tests skip without it (fail if CI=true)" in said
