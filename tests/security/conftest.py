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
