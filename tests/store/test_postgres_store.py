"""The PostgreSQL store: chosen by URL, no password ever shown, no deleted bytes left behind.

Supporter codes below are made distinctive (…ZQXJ…) so that a search through the raw table
files of the cluster can only find them where the rows are.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.erasure import erase_subject
from dashboard.retention import apply_retention
from dashboard.store_postgres import StoreUnavailable

OPERATOR = Scope.local_operator()
SECRET = "pw-Zq81-never-shown"


def test_the_url_comes_from_argument_or_environment(monkeypatch) -> None:
    url = "postgresql://dash@db.internal:5433/dashboard"
    monkeypatch.setenv(db.DB_ENV, url)
    assert db.resolve_target() == url
    assert db.resolve_target("data/x.duckdb") == "data/x.duckdb"
    monkeypatch.delenv(db.DB_ENV)
    assert db.resolve_target(url) == url
    assert db.resolve_target() == str(Path("data/dashboard.duckdb"))


def test_a_password_in_the_url_is_never_shown(postgres_cluster) -> None:
    closed = f"postgresql://dash:{SECRET}@127.0.0.1:1/dashboard?password={SECRET}"
    assert db.describe(closed) == "postgresql://dash@127.0.0.1:1/dashboard"
    with pytest.raises(StoreUnavailable) as refused:
        db.connect(closed)
    assert SECRET not in str(refused.value) and refused.value.__cause__ is None
    assert "postgresql://dash@127.0.0.1:1/dashboard" in str(refused.value)


def test_an_encryption_key_is_refused_rather_than_ignored(postgres_cluster, monkeypatch) -> None:
    monkeypatch.setenv(db.KEY_ENV, "correct horse")
    with pytest.raises(StoreUnavailable, match="disk"):
        db.connect(postgres_cluster.url(postgres_cluster.new_database()))


def _table_files(cluster, database: str) -> bytes:
    """Returns the bytes of every table and index file of `database` after a checkpoint."""
    cluster.sql("CHECKPOINT")  # shared buffers written out, dropped files unlinked
    oid = cluster.sql(f"SELECT oid FROM pg_database WHERE datname = '{database}'").strip()
    return b"".join(p.read_bytes() for p in (cluster.data / "base" / oid).iterdir())


def _supporter(con, program: str, code: str, left_on: date | None) -> None:
    con.execute(
        "INSERT INTO supporters (program_id, supporter_id, joined_on, left_on, "
        "capacity_hours_month, import_id) VALUES (?, ?, DATE '2020-01-01', ?, 4, 1)",
        [program, code, left_on],
    )


def test_erasure_and_retention_leave_no_bytes_in_the_table_files(postgres_cluster) -> None:
    database = postgres_cluster.new_database()
    con = db.connect(postgres_cluster.url(database))
    con.execute("INSERT INTO programs (program_id, retention_months) VALUES ('A', 24)")
    _supporter(con, "A", "S-ZQXJ-ERASED", None)
    _supporter(con, "A", "S-ZQXJ-EXPIRED", date(2023, 1, 31))  # > 24 months before as-of
    _supporter(con, "A", "S-ZQXJ-KEPT", None)
    # ANALYZE copies common values into pg_statistic: the purge must rewrite that too
    postgres_cluster.sql("ANALYZE", database)
    before = _table_files(postgres_cluster, database)
    assert b"S-ZQXJ-ERASED" in before and b"S-ZQXJ-EXPIRED" in before

    assert erase_subject(con, "A", "S-ZQXJ-ERASED", scope=OPERATOR)["supporters"] == 1
    report = apply_retention(con, scope=OPERATOR, as_of=date(2026, 11, 26))
    assert report.counts["A"]["supporters"] == 1
    con.close()

    after = _table_files(postgres_cluster, database)
    assert b"S-ZQXJ-ERASED" not in after and b"S-ZQXJ-EXPIRED" not in after
    assert b"S-ZQXJ-KEPT" in after


def test_the_command_line_works_on_the_server_store_and_never_prints_the_password(
    postgres_cluster, capsys
) -> None:
    from dashboard import cli

    url = postgres_cluster.url(postgres_cluster.new_database())
    with_password = url.replace("postgres@", f"postgres:{SECRET}@")  # trust: not checked
    assert cli.main(["demo", "--db", with_password]) == 0
    signals = ["signals", "--db", with_password, "--program", "demo", "--format", "json"]
    assert cli.main(signals) == 0
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err
    assert f"into {url} " in out.out
    assert '"signal_id": "S-OVERLOAD"' in out.out
