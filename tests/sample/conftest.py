"""Fixtures for the sample-data tests: fresh stores, the local operator, the committed folders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope
from schemas import EXPORTS

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DATA = ROOT / "sample_data"
DEMO_DIR = SAMPLE_DATA / "demo"
VARIANTS_DIR = SAMPLE_DATA / "variants"


@pytest.fixture
def operator() -> Scope:
    return Scope.local_operator()


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Callable[[str], duckdb.DuckDBPyConnection]]:
    """Returns a factory of new, migrated database files (closed after the test)."""
    opened: list[duckdb.DuckDBPyConnection] = []

    def make(name: str) -> duckdb.DuckDBPyConnection:
        opened.append(db.connect(tmp_path / f"{name}.duckdb"))
        return opened[-1]

    yield make
    for con in opened:
        con.close()


def table_contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Returns every export table's rows, sorted, without the lineage column import_id."""
    return {
        name: con.execute(f'SELECT * EXCLUDE (import_id) FROM "{name}" ORDER BY ALL').fetchall()
        for name in EXPORTS
    }
