"""The operator's commands: users, retention, erase, subject-export and audit, end to end."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from dashboard import db
from dashboard.cli import main

PASSWORD = "a long enough passphrase"


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_users_add_list_passwd_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "s.duckdb")
    _stdin(monkeypatch, PASSWORD + "\n")
    assert main(["users", "add", "ada", "--role", "admin", "--password-stdin", "--db", path]) == 0
    prompts = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(prompts))
    assert (
        main(["users", "add", "kim", "--role", "coordinator", "--program", "A", "--db", path]) == 0
    )
    assert (
        main(["users", "add", "vic@example.org", "--role", "viewer", "--oidc", "--db", path]) == 0
    )
    capsys.readouterr()
    assert main(["users", "list", "--db", path]) == 0
    listing = capsys.readouterr().out
    assert "kim" in listing and "coordinator" in listing and "oidc" in listing
    assert PASSWORD not in listing
    _stdin(monkeypatch, "short\n")
    assert main(["users", "passwd", "kim", "--password-stdin", "--db", path]) == 2
    assert "at least 12" in capsys.readouterr().err
    assert main(["users", "remove", "kim", "--db", path]) == 0
    con = db.connect(path)
    assert [r[0] for r in con.execute("SELECT username FROM users ORDER BY 1").fetchall()] == [
        "ada",
        "vic@example.org",
    ]


def test_mismatched_typed_passwords_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(prompts))
    path = str(tmp_path / "s.duckdb")
    assert main(["users", "add", "kim", "--role", "viewer", "--db", path]) == 2
    assert "differ" in capsys.readouterr().err


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = str(tmp_path / "s.duckdb")
    con = db.connect(path)
    con.execute("INSERT INTO programs (program_id, retention_months) VALUES ('A', 24)")
    con.execute(
        "INSERT INTO supporters (program_id, supporter_id, joined_on, left_on, "
        "capacity_hours_month, import_id) VALUES "
        "('A', 'S1', DATE '2020-01-01', DATE '2021-01-01', 4, 1), "
        "('A', '=S2', DATE '2020-01-01', NULL, 4, 1)"
    )
    con.close()
    return path


def test_retention_dry_run_then_apply(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retention", "--db", store, "--as-of", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    assert "would delete (dry run; add --apply) 1 rows" in out
    assert main(["retention", "--db", store, "--as-of", "2026-11-26", "--apply"]) == 0
    assert "deleted 1 rows" in capsys.readouterr().out
    con = db.connect(store)
    assert con.execute("SELECT count(*) FROM supporters").fetchone() == (1,)


def test_erase_dry_run_apply_and_unknown(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["erase", "--db", store, "--program", "A", "--id", "S1"]) == 0
    assert "would erase" in capsys.readouterr().out
    assert main(["erase", "--db", store, "--program", "A", "--id", "S1", "--apply"]) == 0
    assert main(["erase", "--db", store, "--program", "A", "--id", "S1", "--apply"]) == 1
    assert "nothing is held" in capsys.readouterr().out


def test_subject_export_writes_json(store: str, tmp_path: Path) -> None:
    out = tmp_path / "s1.json"
    assert (
        main(["subject-export", "--db", store, "--program", "A", "--id", "S1", "--out", str(out)])
        == 0
    )
    document = json.loads(out.read_text())
    assert document["tables"]["supporters"][0]["left_on"] == "2021-01-01"


def test_audit_export_is_neutralised_csv_and_audits_itself(store: str, tmp_path: Path) -> None:
    main(["erase", "--db", store, "--program", "A", "--id", "=S2", "--apply"])
    out = tmp_path / "audit.csv"
    assert main(["audit", "--db", store, "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["action"] for r in rows] == ["erasure"]
    assert rows[0]["actor"] == "local" and rows[0]["program_id"] == "A"
    assert json.loads(rows[0]["detail"])["deleted"]["supporters"] == 1
    con = db.connect(store)
    logged = con.execute(
        "SELECT action, detail->>'what' FROM audit_log ORDER BY audit_id"
    ).fetchall()
    assert logged == [("erasure", None), ("export", "audit_log")]
    assert date.today().isoformat() in rows[0]["logged_at"]


def test_retention_period_is_set_from_the_cli(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["retention", "--db", store, "--program", "A", "--months", "6"]) == 0
    assert main(["retention", "--db", store, "--program", "A", "--months", "0"]) == 2
    assert main(["retention", "--db", store, "--program", "A"]) == 2
    assert main(["retention", "--db", store, "--program", "nope", "--months", "6"]) == 2
    con = db.connect(store)
    assert con.execute("SELECT retention_months FROM programs").fetchall() == [(6,)]
