"""The store: where it lives, migrations, one table per export, encryption."""

from pathlib import Path

import pytest

from dashboard import db
from schemas import EXPORTS


def test_path_comes_from_argument_then_environment_then_default(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(db.DB_ENV, raising=False)
    assert db.resolve_path() == Path("data/dashboard.duckdb")
    monkeypatch.setenv(db.DB_ENV, str(tmp_path / "env.duckdb"))
    assert db.resolve_path() == tmp_path / "env.duckdb"
    assert db.resolve_path(tmp_path / "cli.duckdb") == tmp_path / "cli.duckdb"


def test_new_database_is_migrated_once(store_target: str) -> None:
    path = store_target
    con = db.connect(path)
    latest = db.MIGRATIONS[-1][0]
    assert db.schema_version(con) == latest
    con.close()
    con = db.connect(path)  # second open applies nothing twice
    versions = con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert [v for (v,) in versions] == [m[0] for m in db.MIGRATIONS]


def test_one_table_per_export_with_program_and_lineage(store_target: str) -> None:
    con = db.connect(store_target)
    for name, spec in EXPORTS.items():
        cols = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position",
            [name],
        ).fetchall()
        assert [c for c, _ in cols] == ["program_id", *[c.name for c in spec.columns], "import_id"]
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'contacts'"
        ).fetchall()
    )
    assert types["contact_date"] == "DATE" and types["topics"] == "VARCHAR[]"


def test_a_column_the_contract_gains_is_added_on_open(store_target: str) -> None:
    path = store_target
    con = db.connect(path)
    con.execute('ALTER TABLE services DROP COLUMN "last_network_contact"')
    con.close()
    con = db.connect(path)
    cols = {r[0] for r in con.execute("DESCRIBE services").fetchall()}
    assert "last_network_contact" in cols


def test_encrypted_store_needs_its_key(tmp_path: Path) -> None:
    path = tmp_path / "enc.duckdb"
    con = db.connect(path, key="correct horse")
    con.execute("INSERT INTO programs (program_id) VALUES ('prog_a')")
    con.close()
    with pytest.raises(db.StoreUnavailable) as missing:
        db.connect(path, key="")
    assert missing.value.reason == "key_missing"
    with pytest.raises(db.StoreUnavailable) as wrong:
        db.connect(path, key="wrong key")
    assert wrong.value.reason == "key_wrong"
    con = db.connect(path, key="correct horse")
    assert con.execute("SELECT program_id FROM programs").fetchall() == [("prog_a",)]
    assert b"prog_a" not in path.read_bytes()
