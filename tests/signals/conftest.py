"""Shared helpers: a fresh store, fixture folders loaded through the real importer."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "signals"
RULE_CASES = sorted(p for p in FIXTURES.iterdir() if (p / "expected.toml").exists())


def load(con: duckdb.DuckDBPyConnection, folder: Path, program_id: str) -> None:
    """Loads a fixture folder through the importer; fails loudly if any row is rejected."""
    from dashboard.ingest import import_paths

    report = import_paths(con, program_id, [folder], scope=Scope.local_operator())
    assert report.committed, report.as_json()
    assert not report.errors, report.as_json()


def expected(folder: Path) -> dict[str, Any]:
    """Returns the folder's hand-worked expectation (expected.toml)."""
    return tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = db.connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def rule_db() -> Iterator[duckdb.DuckDBPyConnection]:
    """One store holding every rule fixture folder as its own program (named like the folder).

    Read-only for tests: a test that changes settings uses its own `con`.
    """
    connection = db.connect(":memory:")
    for folder in RULE_CASES:
        load(connection, folder, folder.name)
    yield connection
    connection.close()
