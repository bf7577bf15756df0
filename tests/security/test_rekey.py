"""Key rotation: `rekey` rewrites an encrypted store under $DASHBOARD_DB_KEY_NEW, atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.cli import main
from dashboard.fingerprint import fingerprint
from dashboard.ingest import Upload, import_uploads

OLD, NEW = "correct-horse-battery-staple-42", "a-completely-different-key-2027"
SUPPORTERS = b"supporter_id,joined_on,capacity_hours_month\nZQX-PSEUDO-4711,2026-01-05,6\n"


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "secret.duckdb"
    con = db.connect(path, key=OLD)
    report = import_uploads(
        con, "A", [Upload("supporters.csv", SUPPORTERS)], scope=Scope.local_operator()
    )
    assert report.committed
    before = fingerprint(con)
    con.close()
    return path, before


def _rekey(path: Path, monkeypatch: pytest.MonkeyPatch, new: str | None = NEW) -> int:
    monkeypatch.setenv(db.KEY_ENV, OLD)
    if new is None:
        monkeypatch.delenv("DASHBOARD_DB_KEY_NEW", raising=False)
    else:
        monkeypatch.setenv("DASHBOARD_DB_KEY_NEW", new)
    return main(["rekey", "--db", str(path)])


def test_after_rekey_the_old_key_is_refused_and_the_new_one_opens_the_same_content(
    store: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, before = store
    assert _rekey(path, monkeypatch) == 0
    assert "now set $DASHBOARD_DB_KEY" in capsys.readouterr().out

    with pytest.raises(db.StoreUnavailable) as refused:
        db.connect(path, key=OLD)
    assert refused.value.reason == "key_wrong"
    con = db.connect(path, key=NEW)
    assert fingerprint(con) == before
    assert con.execute("SELECT supporter_id FROM supporters").fetchall() == [("ZQX-PSEUDO-4711",)]
    con.close()
    assert b"ZQX-PSEUDO-4711" not in path.read_bytes(), "still encrypted"
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "secret.duckdb",
        "secret.duckdb.audit-key",
    ], "no copy or old file left beside it"


def test_sequences_continue_after_rekey(
    store: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = store
    con = db.connect(path, key=OLD)
    last = con.execute("SELECT max(import_id) FROM imports").fetchone()[0]
    con.close()
    assert _rekey(path, monkeypatch) == 0
    con = db.connect(path, key=NEW)
    report = import_uploads(
        con, "A", [Upload("supporters.csv", SUPPORTERS)], scope=Scope.local_operator()
    )
    assert report.import_id == last + 1
    con.close()


@pytest.mark.parametrize(
    ("new", "message"),
    [(None, "set $DASHBOARD_DB_KEY_NEW"), ("short", "at least 16"), (OLD, "is the current key")],
)
def test_a_missing_short_or_unchanged_new_key_is_refused_and_nothing_changes(
    store: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    new: str | None,
    message: str,
) -> None:
    path, before = store
    assert _rekey(path, monkeypatch, new) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    con = db.connect(path, key=OLD, read_only=True)
    assert fingerprint(con) == before
    con.close()


def test_a_wrong_current_key_is_refused_in_one_line(
    store: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, before = store
    monkeypatch.setenv("DASHBOARD_DB_KEY_NEW", NEW)
    monkeypatch.setenv(db.KEY_ENV, "not-the-right-key-at-all")
    assert main(["rekey", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    con = db.connect(path, key=OLD, read_only=True)
    assert fingerprint(con) == before
    con.close()
