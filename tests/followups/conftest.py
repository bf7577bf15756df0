"""Fixtures for the follow-up tests: a fresh store, and a copy of the demo program."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.views import demo


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fu_demo") / "demo.duckdb"
    con = db.connect(path)
    assert demo.ensure_demo(con)
    con.close()
    return path


@pytest.fixture
def demo_con(demo_file: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    target = tmp_path / "demo.duckdb"
    shutil.copy(demo_file, target)
    con = db.connect(target)
    yield con
    con.close()


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = db.connect(tmp_path / "store.duckdb")
    yield connection
    connection.close()


OPERATOR = Scope.local_operator()
