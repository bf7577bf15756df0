"""The generator: every export, the contract's header, deterministic, and it imports cleanly."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from dashboard.access import Scope
from dashboard.ingest import import_paths
from dashboard.sample import DEMO_AS_OF, generate
from dashboard.sample import generate_people as sql
from schemas import EXPORTS

SUPPORTERS, CONTACTS_PER_SUPPORTER = 50, 100


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("generated")
    counts = generate(out, SUPPORTERS, 7, contacts_per_supporter=CONTACTS_PER_SUPPORTER)
    return out, counts


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_export_is_written_with_the_contract_header_and_counted(
    generated: tuple[Path, dict[str, int]],
) -> None:
    out, counts = generated
    assert list(counts) == list(EXPORTS)
    for name, spec in EXPORTS.items():
        path = out / f"{name}.csv"
        assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(
            c.name for c in spec.columns
        )
        assert len(_rows(path)) == counts[name], name
    assert counts["supporters"] == SUPPORTERS
    # matches share the contacts in whole numbers, so the total is close to, not exactly, N × K
    assert abs(counts["contacts"] - SUPPORTERS * CONTACTS_PER_SUPPORTER) < counts["matches"]


def test_nothing_is_dated_after_the_as_of_date(generated: tuple[Path, dict[str, int]]) -> None:
    out, _ = generated
    for name, column in (("contacts", "contact_date"), ("checkins", "checkin_date"),
                         ("supervision", "session_date"), ("matches", "started_on")):  # fmt: skip
        assert max(r[column] for r in _rows(out / f"{name}.csv")) <= DEMO_AS_OF.isoformat()


def test_the_same_seed_writes_the_same_bytes_and_another_seed_does_not(
    generated: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    out, _ = generated
    generate(tmp_path / "again", SUPPORTERS, 7, contacts_per_supporter=CONTACTS_PER_SUPPORTER)
    generate(tmp_path / "other", SUPPORTERS, 8, contacts_per_supporter=CONTACTS_PER_SUPPORTER)
    for name in EXPORTS:
        assert (tmp_path / "again" / f"{name}.csv").read_bytes() == (
            out / f"{name}.csv"
        ).read_bytes()
    assert (tmp_path / "other" / "contacts.csv").read_bytes() != (out / "contacts.csv").read_bytes()


def test_generated_program_imports_without_a_single_error(
    generated: tuple[Path, dict[str, int]],
    fresh_store: Callable[[str], duckdb.DuckDBPyConnection],
    operator: Scope,
) -> None:
    out, counts = generated
    con = fresh_store("generated")
    report = import_paths(con, "synthetic", [out], scope=operator)
    assert report.exit_code == 0 and report.committed, [e.as_dict() for e in report.errors[:5]]
    assert {f.export: f.rows_valid for f in report.files} == counts


@pytest.mark.parametrize("number", [1, 99_999, 100_000, 1_234_567, 98_765_432])
def test_codes_for_millions_of_rows_never_hold_six_digits_in_a_row(number: int) -> None:
    con = duckdb.connect()
    con.execute("SET VARIABLE seed = 1")
    con.execute(sql.MACROS)
    row = con.execute("SELECT code('C', ?)", [number]).fetchone()
    assert row is not None
    assert not re.search(r"\d{6}", row[0])
    assert int(row[0][1:].replace("-", "")) == number


def test_zero_supporters_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate(tmp_path, 0, 1)
