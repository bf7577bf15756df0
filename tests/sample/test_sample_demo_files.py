"""The committed demo files: complete, current, deterministic, anonymised, within the year."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

from dashboard.sample import DEMO_AS_OF, DEMO_PROGRAM, build_demo, write_demo
from schemas import EXPORTS
from schemas.fields import CODE_PATTERN, IDENTIFIER_GUARD

from .conftest import DEMO_DIR


def _rows(export: str) -> list[dict[str, str]]:
    with (DEMO_DIR / f"{export}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_demo_program_and_its_as_of_date() -> None:
    assert DEMO_PROGRAM == "demo"
    assert DEMO_AS_OF == date(2026, 11, 20)


def test_committed_files_are_exactly_what_write_demo_writes(tmp_path: Path) -> None:
    written = write_demo(tmp_path)
    assert [p.name for p in written] == [f"{name}.csv" for name in EXPORTS]
    for path in written:
        assert (DEMO_DIR / path.name).read_bytes() == path.read_bytes(), path.name


def test_every_export_has_a_file_whose_header_is_the_contract_in_registry_order() -> None:
    for name, spec in EXPORTS.items():
        header = (DEMO_DIR / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(c.name for c in spec.columns), name
        assert _rows(name), f"{name}.csv has no rows"


def test_the_same_seed_builds_the_same_program_and_another_seed_only_other_history() -> None:
    assert build_demo() == build_demo()
    other = build_demo(seed=1)
    assert other["supporters"] == build_demo()["supporters"]  # scenarios are explicit
    assert other["contacts"] != build_demo()["contacts"]  # random history is not


def test_the_cast_is_25_pseudonymous_supporters() -> None:
    ids = [r["supporter_id"] for r in _rows("supporters")]
    assert ids == [f"P{n:02d}" for n in range(1, 26)]
    seekers = {r["seeker_id"] for r in _rows("matches")}
    assert all(re.fullmatch(r"S\d{3}", s) for s in seekers)


def test_every_code_passes_the_identifier_guard() -> None:
    for name, spec in EXPORTS.items():
        codes = [c.name for c in spec.columns if c.kind == "code"]
        for row in _rows(name):
            for column in codes:
                value = row[column]
                if value:
                    assert re.fullmatch(CODE_PATTERN, value), (name, column, value)
                    assert not IDENTIFIER_GUARD.search(value), (name, column, value)


def test_nothing_is_dated_after_the_as_of_date_and_contacts_span_one_year() -> None:
    for name, spec in EXPORTS.items():
        for column in (c.name for c in spec.columns if c.kind == "date"):
            days = [r[column] for r in _rows(name) if r[column]]
            if column == "valid_until":  # a training may stay valid beyond as-of
                continue
            assert max(days) <= DEMO_AS_OF.isoformat(), (name, column)
    contact_days = sorted(r["contact_date"] for r in _rows("contacts"))
    assert contact_days[0] >= (DEMO_AS_OF - timedelta(days=364)).isoformat()
    assert contact_days[-1] >= (DEMO_AS_OF - timedelta(days=6)).isoformat()


def test_the_network_speaks_the_program_languages() -> None:
    languages = {lang for r in _rows("services") for lang in r["languages"].split("|")}
    assert {"fa", "ar", "tr", "ru", "uk", "de", "en"} <= languages
    assert 12 <= len(_rows("services")) <= 20


def test_the_demo_passes_frictionless_validation_against_the_published_descriptors(
    tmp_path: Path,
) -> None:
    import shutil

    from frictionless import Package

    from schemas.descriptors import write_all

    write_all(tmp_path)
    for name in EXPORTS:
        shutil.copy(DEMO_DIR / f"{name}.csv", tmp_path / f"{name}.csv")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "rowNumber", "fieldName", "note"])[:5]
