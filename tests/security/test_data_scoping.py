"""Data layer: a coordinator of A cannot read, import into, change or remove anything of B.

Every public read/write API of the other modules is called with kim's scope (coordinator of
A) and aimed at B; each must raise AccessDenied or return only A's rows, and the store must
be unchanged afterwards (fingerprint).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dashboard import proqol, settings
from dashboard.access import AccessDenied, Scope
from dashboard.fingerprint import fingerprint
from dashboard.ingest import (
    Upload,
    import_paths,
    import_uploads,
    list_imports,
    quarantine_csv,
    remove_import,
    validate_uploads,
)
from dashboard.signals import evaluate
from dashboard.signals.engine import known_programs
from dashboard.views import common, demo, network
from dashboard.views import supporter as supporter_view

KIM = Scope("kim", "coordinator", frozenset({"A"}))
VIC = Scope("vic", "viewer", frozenset({"A"}))
NOBODY = Scope("new", "coordinator", frozenset())
DAY = date(2026, 11, 20)


@pytest.fixture
def con(two_programs_con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Both stores (tests/store/backends.py): scope must hold on each."""
    return two_programs_con


def _b_import(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT min(import_id) FROM imports WHERE program_id = 'B'").fetchone()
    assert row and row[0] is not None
    return int(row[0])


def _b_supporter(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("SELECT min(supporter_id) FROM supporters WHERE program_id = 'B'").fetchone()
    assert row and row[0]
    return str(row[0])


DENIED: dict[str, Callable[[duckdb.DuckDBPyConnection, Scope], Any]] = {
    "validate_uploads": lambda c, s: validate_uploads(c, "B", [Upload("x.csv", b"a\n")], scope=s),
    "remove_import": lambda c, s: remove_import(c, _b_import(c), scope=s),
    "quarantine_csv": lambda c, s: quarantine_csv(c, _b_import(c), scope=s),
    "evaluate": lambda c, s: evaluate(c, scope=s, program_id="B", as_of=DAY),
    "set_threshold": lambda c, s: settings.set_threshold(
        c, "B", next(iter(settings._specs())), 1, scope=s, actor=s.user
    ),
    "set_threshold_all_programs": lambda c, s: settings.set_threshold(
        c, "*", next(iter(settings._specs())), 1, scope=s, actor=s.user
    ),
    "set_program_setting": lambda c, s: settings.set_program_setting(
        c, "B", "language", "de", scope=s, actor=s.user
    ),
    "proqol.scores": lambda c, s: proqol.scores(c, scope=s, program_id="B"),
    "supporter_ids": lambda c, s: common.supporter_ids(c, "B", scope=s),
    "as_of_default": lambda c, s: common.as_of_default(c, "B", scope=s),
    "thresholds": lambda c, s: common.thresholds(c, "B", scope=s),
    "supporter.profile": lambda c, s: supporter_view.profile(c, "B", _b_supporter(c), scope=s),
    "supporter.checkins": lambda c, s: supporter_view.checkins(
        c, "B", _b_supporter(c), DAY, scope=s
    ),
    "network.referrals_by_type": lambda c, s: network.referrals_by_type(c, "B", DAY, scope=s),
    "network.need_matrix": lambda c, s: network.need_matrix(c, "B", DAY, scope=s),
    "network.partnerships": lambda c, s: network.partnerships(c, "B", DAY, scope=s),
}


@pytest.mark.parametrize("call", sorted(DENIED))
@pytest.mark.parametrize("scope", [KIM, NOBODY], ids=["coordinator_of_A", "no_programs"])
def test_reaching_into_b_is_denied_and_changes_nothing(
    con: duckdb.DuckDBPyConnection, call: str, scope: Scope
) -> None:
    before = fingerprint(con)
    with pytest.raises(AccessDenied):
        DENIED[call](con, scope)
    assert fingerprint(con) == before


def test_import_into_b_or_an_unassigned_program_is_denied(
    con: duckdb.DuckDBPyConnection, b_files: Path
) -> None:
    before = fingerprint(con)
    uploads = [Upload.from_path(p) for p in sorted(b_files.glob("*.csv"))]
    for program in ("B", "C"):
        with pytest.raises(AccessDenied):
            import_uploads(con, program, uploads, scope=KIM, imported_by="kim")
        with pytest.raises(AccessDenied):
            import_paths(con, program, [b_files], scope=KIM)
    assert fingerprint(con) == before


def test_a_viewer_cannot_import_even_into_their_own_program(
    con: duckdb.DuckDBPyConnection, b_files: Path
) -> None:
    before = fingerprint(con)
    with pytest.raises(AccessDenied):
        import_paths(con, "A", [b_files], scope=VIC)
    with pytest.raises(AccessDenied):
        remove_import(con, 1, scope=VIC)
    assert fingerprint(con) == before


def test_listing_apis_return_only_a(con: duckdb.DuckDBPyConnection) -> None:
    assert {i["program_id"] for i in list_imports(con, scope=KIM)} == {"A"}
    assert known_programs(con, scope=KIM) == ["A"]
    assert [p.program_id for p in common.programs(con, scope=KIM)] == ["A"]
    assert {r.program_id for r in evaluate(con, scope=KIM, as_of=DAY)} <= {"A"}
    assert {r["program_id"] for r in proqol.scores(con, scope=KIM)} == {"A"}
    assert demo.demo_programs(con, scope=KIM) == []
    for scope_without_programs in (NOBODY,):
        assert list_imports(con, scope=scope_without_programs) == []
        assert evaluate(con, scope=scope_without_programs, as_of=DAY) == []
        assert proqol.scores(con, scope=scope_without_programs) == []


def test_the_admin_sees_both(con: duckdb.DuckDBPyConnection) -> None:
    admin = Scope("ada", "admin", None)
    assert known_programs(con, scope=admin) == ["A", "B"]
    assert {i["program_id"] for i in list_imports(con, scope=admin)} == {"A", "B"}
