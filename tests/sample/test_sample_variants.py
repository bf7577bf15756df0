"""The demo as German Excel and KoboToolbox save it imports to exactly the same database."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import duckdb

from dashboard.access import Scope
from dashboard.ingest import import_paths
from dashboard.sample import build_demo
from dashboard.sample.variants import write_variants
from schemas import EXPORTS

from .conftest import DEMO_DIR, VARIANTS_DIR, table_contents

EXCEL = VARIANTS_DIR / "excel_de"
KOBO = VARIANTS_DIR / "kobo"


def _files(folder: Path) -> list[Path]:
    return [folder / f"{name}.csv" for name in EXPORTS]


def test_committed_variants_are_exactly_what_write_variants_writes(tmp_path: Path) -> None:
    written = write_variants(build_demo(), tmp_path)
    for variant, paths in written.items():
        assert [p.name for p in paths] == [f"{name}.csv" for name in EXPORTS]
        for path in paths:
            committed = VARIANTS_DIR / variant / path.name
            assert committed.read_bytes() == path.read_bytes(), f"{variant}/{path.name}"


def test_excel_files_look_like_german_excel_saved_them() -> None:
    supporters = (EXCEL / "supporters.csv").read_bytes()
    assert not supporters.startswith(codecs.BOM_UTF8)
    text = supporters.decode("cp1252")
    assert text.startswith("unterstützer_id;eintritt;")  # ü is one cp1252 byte, 0xFC
    assert b"\xfc" in supporters
    assert "\r\nP13;01.05.2023;;12,5;experienced;ja;de,en,fa;;\r\n" in text
    assert text.endswith(";" * 8 + "\r\n")  # empty trailing rows keep Excel's delimiters
    matches = (EXCEL / "matches.csv").read_bytes()
    assert matches.startswith(codecs.BOM_UTF8)
    assert matches.decode("utf-8-sig").splitlines()[0].endswith(";")  # empty trailing column


def test_kobo_files_carry_tool_metadata_groups_and_a_hxl_row() -> None:
    lines = (KOBO / "checkins.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    assert header[:3] == ["supporter_id", "checkin_date", "group_pulse/stress"]
    assert header[-6:] == [
        "_id", "_uuid", "_submission_time", "_validation_status", "_submitted_by", "_index"
    ]  # fmt: skip
    assert all(cell.startswith("#") for cell in lines[1].split(",") if cell)
    assert lines[2].startswith("P01,2024-04-04T18:30:00.000+01:00,")
    supporters = (KOBO / "supporters.csv").read_text(encoding="utf-8").splitlines()
    assert supporters[2].startswith("P01,2024-03-15,,10,experienced,yes,fa de en,religion,")


def test_canonical_excel_and_kobo_give_identical_tables(
    fresh_store: Callable[[str], duckdb.DuckDBPyConnection], operator: Scope
) -> None:
    contents = {}
    for name, folder in (("canonical", DEMO_DIR), ("excel_de", EXCEL), ("kobo", KOBO)):
        con = fresh_store(name)
        report = import_paths(con, "demo", _files(folder), scope=operator)
        assert report.committed and not report.errors, (name, report.errors[:3])
        assert [f.rows_rejected for f in report.files] == [0] * len(EXPORTS)
        contents[name] = table_contents(con)
    assert sum(len(rows) for rows in contents["canonical"].values()) > 2500
    assert contents["excel_de"] == contents["canonical"]
    assert contents["kobo"] == contents["canonical"]
