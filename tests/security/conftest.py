"""Fixtures for the security tests: a fresh migrated store per test, and the local operator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

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
