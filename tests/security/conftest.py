"""Fixtures for the security tests: a fresh migrated store per test, and the local operator."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from store.backends import BACKENDS, server_secret_env
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.access import Scope


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = db.connect(tmp_path / "store.duckdb")
    yield connection
    connection.close()


@pytest.fixture
def operator() -> Scope:
    return Scope.local_operator()


def _audit_rows(con: duckdb.DuckDBPyConnection, action: str) -> list[tuple]:
    return con.execute(
        "SELECT actor, program_id, detail::VARCHAR FROM audit_log WHERE action = ? "
        "ORDER BY audit_id",
        [action],
    ).fetchall()


@pytest.fixture
def audit_rows() -> Callable[[duckdb.DuckDBPyConnection, str], list[tuple]]:
    """Returns a function: (actor, program_id, detail) of each entry of an action, oldest first."""
    return _audit_rows


def _put(
    con: duckdb.DuckDBPyConnection,
    table: str,
    program_id: str,
    rows: list[dict],
    import_id: int = 1,
) -> None:
    for row in rows:
        cols = ["program_id", *row, "import_id"]
        marks = ", ".join("?" for _ in cols)
        names = ", ".join(f'"{c}"' for c in cols)
        con.execute(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
            [program_id, *row.values(), import_id],
        )


@pytest.fixture
def put() -> Callable[..., None]:
    """Returns put(con, table, program_id, rows): inserts rows as if an import had written them."""
    return _put


# ------------------------------------------------------------------ two programs, disjoint codes

PASSWORD = "a long enough passphrase"
_ID_PREFIXES = {"P0-": "P{p}-", "M0-": "M{p}-", "K0-": "K{p}-", "C0-": "C{p}-", "SV0": "SV{p}"}


def _program_files(folder: Path, letter: str) -> Path:
    """Writes a generated program whose codes carry the letter (PA-00001, MB-00002, ...)."""
    from dashboard.sample import generate

    generate(folder, 8, 7 if letter == "A" else 11)
    for csv in folder.glob("*.csv"):
        text = csv.read_text(encoding="utf-8")
        for old, new in _ID_PREFIXES.items():
            text = text.replace(old, new.format(p=letter))
        csv.write_text(text, encoding="utf-8")
    return folder


def _fill_two_programs(target: str, root: Path) -> None:
    """Imports programs A and B into the store at `target` and adds ada, kim and vic."""
    from dashboard.auth import add_user
    from dashboard.ingest import import_paths

    connection = db.connect(target)
    operator = Scope.local_operator()
    for letter in "AB":
        files = _program_files(root / letter, letter)
        report = import_paths(connection, letter, [files], scope=operator)
        assert report.committed, report.as_json()["errors"][:3]
    add_user(connection, "ada", "admin", scope=operator, password=PASSWORD)
    add_user(connection, "kim", "coordinator", scope=operator, password=PASSWORD, programs=["A"])
    add_user(connection, "vic", "viewer", scope=operator, password=PASSWORD, programs=["A"])
    connection.close()


@pytest.fixture(scope="session")
def two_programs_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with programs A and B imported and accounts ada (admin), kim (coordinator of A),
    vic (viewer of A), all with PASSWORD. Copy it before changing it."""
    root = tmp_path_factory.mktemp("two_programs")
    path = root / "two_programs.duckdb"
    _fill_two_programs(str(path), root)
    return path


@pytest.fixture(scope="session")
def two_programs_postgres_template(postgres_cluster, tmp_path_factory) -> str:
    """The same two programs in a PostgreSQL database; returns its name (a template)."""
    name = postgres_cluster.new_database()
    with server_secret_env():
        _fill_two_programs(postgres_cluster.url(name), tmp_path_factory.mktemp("two_programs_pg"))
    return name


@pytest.fixture(scope="module")
def two_programs_postgres(
    postgres_cluster, two_programs_postgres_template: str
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a copy of the PostgreSQL two-program store, shared by one test module:
    only for modules whose every test checks that the store is unchanged (connecting and
    copying cost seconds per test)."""
    name = postgres_cluster.new_database(two_programs_postgres_template)
    with server_secret_env():
        connection = db.connect(postgres_cluster.url(name))
    yield connection
    connection.close()


@pytest.fixture(params=BACKENDS)
def two_programs_con(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The two-program store of each backend: a fresh file copy, then two_programs_postgres."""
    if request.param == "postgres":
        yield request.getfixturevalue("two_programs_postgres")
        return
    target = tmp_path / "dashboard.duckdb"
    shutil.copy(request.getfixturevalue("two_programs_template"), target)
    connection = db.connect(target)
    yield connection
    connection.close()


@pytest.fixture
def two_programs(two_programs_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the two-program store."""
    target = tmp_path / "dashboard.duckdb"
    shutil.copy(two_programs_template, target)
    return target


@pytest.fixture
def b_files(tmp_path: Path) -> Path:
    """Program-B-style CSV files for import attempts."""
    return _program_files(tmp_path / "b_files", "B")


ENTRY = Path(__file__).resolve().parents[2] / "dashboard" / "streamlit_app.py"


def _admin_page() -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=90)
    at.context = {"locale": "en-GB"}
    at.run()
    at.text_input(key="sign_in_user").input("ada")
    at.text_input(key="sign_in_password").input(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click().run()
    at.switch_page("app_pages/admin.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def admin_page() -> Callable[[], AppTest]:
    """Returns a function: the app (served from $DASHBOARD_DB) on the admin page, as ada."""
    return _admin_page
