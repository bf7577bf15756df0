"""The two stores the store-level tests run on: a DuckDB file and a throwaway PostgreSQL.

`postgres_cluster` starts the test session's own cluster (initdb into a temporary folder,
pg_ctl on a free loopback port, trust authentication for the loopback only) and removes it
afterwards; no system service is used. As root, the cluster runs as the `postgres` OS user,
since PostgreSQL refuses to run as root. Tests ask for `store_target`: once a fresh DuckDB file
path and once the URL of a fresh, empty PostgreSQL database.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.installation_secret import SECRET_ENV

BACKENDS = ("file", "postgres")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(*command: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, capture_output=True, text=True)


@dataclass(frozen=True)
class Cluster:
    """A running throwaway PostgreSQL cluster on 127.0.0.1:`port`."""

    root: Path
    port: int
    bin: Path

    @property
    def data(self) -> Path:
        """Returns the cluster's data directory (its table files live under base/)."""
        return self.root / "data"

    def url(self, database: str) -> str:
        """Returns the store URL of `database` (user postgres, no password: trust on loopback)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Runs one SQL statement with psql; returns its unaligned output."""
        args = [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        done = subprocess.run(
            [*args, "-d", database, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", statement],
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def ctl(self) -> list[str]:
        """Returns the pg_ctl command line for this cluster."""
        return [str(self.bin / "pg_ctl"), "-D", str(self.data), "-w"]

    def stop(self) -> None:
        """Stops the cluster at once (no shutdown checkpoint: it is thrown away) and deletes it."""
        _as_postgres(*self.ctl(), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self, template: str | None = None) -> str:
        """Creates an empty database (or a copy of `template`); returns its name."""
        name = f"t_{secrets.token_hex(6)}"  # generated here, safe as an identifier
        self.sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return name


def _bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: apt-get install -y postgresql")
    return Path(found[-1]).parent


def start_cluster(*, durable: bool = False) -> Cluster:
    """Returns a new PostgreSQL cluster running in a temporary folder (stop it with stop()).

    Tests run it without fsync (nothing to keep); benchmarks ask for `durable` commits, as a
    DuckDB file has them."""
    root = Path(tempfile.mkdtemp(prefix="dashboard-pg-"))
    root.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    cluster = Cluster(root, _free_port(), _bin())
    initdb = [str(cluster.bin / "initdb"), "-D", str(cluster.data), "-U", "postgres"]
    _as_postgres(*initdb, "--auth=trust", "-E", "UTF8", "--no-sync")
    options = f"-h 127.0.0.1 -p {cluster.port} -k {root}" + ("" if durable else " -c fsync=off")
    _as_postgres(*cluster.ctl(), "-l", str(root / "log"), "-o", options, "start")
    return cluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """Returns this test session's own PostgreSQL cluster; stops and deletes it at the end."""
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


SERVER_AUDIT_SECRET = "audit secret of the test cluster, as the service manager would set it"


@contextmanager
def server_secret_env() -> Iterator[None]:
    """Sets the server store's audit secret for a block (for fixtures wider than one test)."""
    before = os.environ.get(SECRET_ENV)
    os.environ[SECRET_ENV] = SERVER_AUDIT_SECRET
    try:
        yield
    finally:
        if before is None:
            del os.environ[SECRET_ENV]
        else:
            os.environ[SECRET_ENV] = before


@pytest.fixture(autouse=True)
def _server_audit_secret(request: pytest.FixtureRequest) -> None:
    """Tests on the server store get the audit secret every app process would share."""
    if "postgres_cluster" in request.fixturenames:
        request.getfixturevalue("monkeypatch").setenv(SECRET_ENV, SERVER_AUDIT_SECRET)


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Returns a fresh, empty store: a DuckDB file path, then a PostgreSQL database URL."""
    if request.param == "file":
        return str(tmp_path / "store.duckdb")
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    request.getfixturevalue("monkeypatch").setenv(SECRET_ENV, SERVER_AUDIT_SECRET)
    return cluster.url(cluster.new_database())


@pytest.fixture
def store_con(store_target: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Returns a connection to a fresh, migrated store of each backend; closes it afterwards."""
    connection = db.connect(store_target)
    yield connection
    connection.close()
