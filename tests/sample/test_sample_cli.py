"""`demo` and `generate` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import db
from dashboard.cli import main
from schemas import EXPORTS

from .conftest import SAMPLE_DATA


def test_demo_loads_the_demo_program_and_says_what_it_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "store.duckdb"
    assert main(["demo", "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Loaded demo program 'demo'" in out and "contacts 1316" in out and "2026-11-20" in out
    con = db.connect(target)
    try:
        assert con.execute(
            "SELECT count(*) FROM supporters WHERE program_id = 'demo'"
        ).fetchone() == (25,)
    finally:
        con.close()


def test_demo_write_reproduces_the_committed_sample_data(tmp_path: Path) -> None:
    assert main(["demo", "--write", str(tmp_path)]) == 0
    for folder in ("demo", "variants/excel_de", "variants/kobo"):
        for name in EXPORTS:
            written = (tmp_path / folder / f"{name}.csv").read_bytes()
            assert written == (SAMPLE_DATA / folder / f"{name}.csv").read_bytes(), (folder, name)


def test_generate_writes_a_program_and_refuses_zero_supporters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "--out", str(tmp_path), "--supporters", "5", "--seed", "2"]) == 0
    assert "supporters 5" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.csv" for n in EXPORTS)
    assert main(["generate", "--out", str(tmp_path / "x"), "--supporters", "0"]) == 2
