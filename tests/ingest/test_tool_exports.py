"""Exports shaped exactly as the form tools write them import as they are, or ask for what
they need. Each folder of tests/ingest/files/<tool>/ holds the files, a README of sources and
expected.json with scenarios worked out by hand (exit code, errors, stored values)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.i18n import say
from dashboard.ingest import Mapping, import_paths
from schemas import EXPORTS

FILES = Path(__file__).parent / "files"
TOOLS = ("kobotoolbox", "odk_central", "limesurvey", "google_forms", "microsoft_forms")
LOCAL = Scope.local_operator()


def scenarios() -> list[Any]:
    found = []
    for tool in TOOLS:
        for case in json.loads((FILES / tool / "expected.json").read_text())["scenarios"]:
            found.append(pytest.param(tool, case, id=f"{tool}: {case['name'][:50]}"))
    return found


def _mappings(folder: Path, case: dict[str, Any]) -> list[Mapping]:
    if "mapping" in case:
        return [Mapping.model_validate_json((folder / case["mapping"]).read_bytes())]
    if "mapping_inline" in case:
        return [Mapping.model_validate(case["mapping_inline"])]
    return []


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _stored(con, table: str, columns: list[str]) -> list[list[Any]]:
    assert table in EXPORTS and all(c in {s.name for s in EXPORTS[table].columns} for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    rows = con.execute(f'SELECT {names} FROM "{table}" ORDER BY ALL').fetchall()
    return [[_plain(v) for v in row] for row in rows]


def _everything(con) -> str:
    """Every stored cell of every table as text (to prove a value never got in)."""
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    return " ".join(str(con.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)


@pytest.mark.parametrize(("tool", "case"), scenarios())
def test_tool_export_imports_or_asks_for_what_it_needs(tmp_path: Path, tool: str, case) -> None:
    folder = FILES / tool
    con = db.connect(tmp_path / "store.duckdb")
    paths = [folder / name for name in case["files"]]
    report = import_paths(con, "p", paths, scope=LOCAL, mappings=_mappings(folder, case))
    errors = [[e.file, e.line, e.column, e.code] for e in report.errors]
    assert (report.exit_code, errors) == (case["exit"], case["errors"])
    assert all(e.text("en") and e.text("de") and e.text("fa") for e in report.errors)
    for table, expected in case["stored"].items():
        assert _stored(con, table, expected["columns"]) == expected["rows"], table
    warnings = " ".join(say(w, "en") for f in report.files for w in f.warnings)
    assert all(name in warnings for name in case.get("warnings", []))
    shown = json.dumps(report.as_json()) + _everything(con)
    assert not [word for word in case.get("never", []) if word in shown]
    con.close()
