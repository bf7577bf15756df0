"""Every file in sample_data/invalid is refused with exactly the errors worked out by hand,
and leaves the database as it was (same fingerprint through the API, same bytes via the CLI)."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.commands import import_cmd
from dashboard.fingerprint import fingerprint
from dashboard.ingest import import_paths

ROOT = Path(__file__).resolve().parents[2]
INVALID = ROOT / "sample_data" / "invalid"
EXPECTED = json.loads((INVALID / "expected.json").read_text(encoding="utf-8"))
BASE = Path(__file__).parent / "files" / "canonical"
ENTRIES = sorted(p.name for p in INVALID.iterdir() if p.is_dir() or p.suffix == ".csv")
PERSONAL = ("kim@example.org", "Kim Meier", "01761234567", "0176 1234567", "note")


def run_cli(argv: list[str]) -> int:
    """Runs `python -m dashboard import ...` in-process, parsed the way dashboard.cli does."""
    parser = argparse.ArgumentParser()
    import_cmd.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.handler(args))


def test_every_sample_has_an_expectation_and_vice_versa() -> None:
    assert sorted(k for k in EXPECTED if not k.startswith("_")) == ENTRIES


@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    """A store holding a small valid program, so 'unchanged' is checked against real rows."""
    path = tmp_path_factory.mktemp("base") / "store.duckdb"
    con = db.connect(path)
    report = import_paths(con, "p", [BASE], scope=Scope.local_operator())
    con.close()
    assert report.exit_code == 0
    return path


@pytest.mark.parametrize("entry", ENTRIES)
def test_sample_is_refused_with_the_expected_errors(entry: str, base_store, tmp_path) -> None:
    store = tmp_path / "store.duckdb"
    shutil.copy(base_store, store)
    con = db.connect(store)
    before = fingerprint(con)

    report = import_paths(con, "p", [INVALID / entry], scope=Scope.local_operator())

    expected = EXPECTED[entry]
    assert report.exit_code == expected["exit"]
    assert [[e.file, e.line, e.column, e.code] for e in report.errors] == expected["errors"]
    assert not report.committed
    assert all(e.text("en") and e.text("de") and e.text("fa") for e in report.errors)
    assert fingerprint(con) == before
    shown = json.dumps(report.as_json())
    assert not any(word in shown for word in PERSONAL)
    con.close()


@pytest.mark.parametrize("entry", ENTRIES)
def test_cli_exit_code_and_database_file_unchanged(
    entry: str, base_store, tmp_path, capsys
) -> None:
    store = tmp_path / "store.duckdb"
    shutil.copy(base_store, store)
    before = store.read_bytes()
    report_file = tmp_path / "report.json"

    code = run_cli(["import", "--db", str(store), "--program", "p", "--report", str(report_file),
                 str(INVALID / entry)])  # fmt: skip

    out = capsys.readouterr()
    assert code == EXPECTED[entry]["exit"]
    assert "Traceback" not in out.err + out.out
    assert store.read_bytes() == before
    written = json.loads(report_file.read_text(encoding="utf-8"))
    flat = [[e["file"], e["line"], e["column"], e["code"]] for e in written["errors"]]
    assert flat == EXPECTED[entry]["errors"]


def test_accept_valid_commits_the_good_rows_and_quarantines_the_rest(base_store, tmp_path) -> None:
    store = tmp_path / "store.duckdb"
    shutil.copy(base_store, store)
    con = db.connect(store)
    scope = Scope.local_operator()

    entry = INVALID / "rejected_reference"
    report = import_paths(con, "p", [entry], accept_valid=True, scope=scope)

    assert (report.exit_code, report.committed) == (1, True)
    stored = con.execute(
        "SELECT supporter_id FROM supporters WHERE import_id = ? UNION ALL "
        "SELECT match_id FROM matches WHERE import_id = ? ORDER BY 1",
        [report.import_id, report.import_id],
    ).fetchall()
    assert stored == [("M10",), ("S10",)]
    quarantined = con.execute(
        "SELECT export, file, line, json_extract_string(record, '$.supporter_id') "
        "FROM quarantine WHERE import_id = ? ORDER BY file",
        [report.import_id],
    ).fetchall()
    assert quarantined == [("matches", "matches.csv", 3, "S11"),
                           ("supporters", "supporters.csv", 3, "S11")]  # fmt: skip
    con.close()
