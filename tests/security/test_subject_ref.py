"""Pseudonym references in the audit log are keyed: an HMAC under a per-installation secret that
lives outside the database, so the log or a store backup cannot be matched against guesses."""

from __future__ import annotations

import hashlib
import hmac
import shutil
import stat
from pathlib import Path

import pytest

from dashboard import db
from dashboard.erasure import subject_ref
from dashboard.installation_secret import SECRET_ENV, secret_path


@pytest.fixture(autouse=True)
def _no_secret_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)


def test_first_start_creates_a_private_secret_file_next_to_the_store(tmp_path: Path) -> None:
    store = tmp_path / "store.duckdb"
    con = db.connect(store)
    secret = secret_path(store).read_text()

    assert secret_path(store) == tmp_path / "store.duckdb.audit-key"
    assert stat.S_IMODE(secret_path(store).stat().st_mode) == 0o600
    assert len(secret) == 64
    expected = hmac.new(secret.encode(), b"A\x1fS-017", hashlib.sha256).hexdigest()[:32]
    assert subject_ref(con, "A", "S-017") == expected
    con.close()
    assert secret.encode() not in store.read_bytes(), "the secret is not inside the store"


def test_the_reference_is_not_the_old_unkeyed_hash_and_survives_a_restart(tmp_path: Path) -> None:
    store = tmp_path / "store.duckdb"
    con = db.connect(store)
    first = subject_ref(con, "A", "S-017")
    con.close()
    unkeyed = hashlib.sha256(b"A\x1fS-017").hexdigest()[:16]
    con = db.connect(store)
    assert subject_ref(con, "A", "S-017") == first, "the secret file is reused, not replaced"
    assert not first.startswith(unkeyed)
    assert subject_ref(con, "A", "S-018") != first and subject_ref(con, "B", "S-017") != first
    con.close()


def test_a_copy_of_the_store_without_the_secret_gives_other_references(tmp_path: Path) -> None:
    store = tmp_path / "live" / "store.duckdb"
    con = db.connect(store)
    live = subject_ref(con, "A", "S-017")
    con.close()
    backup = tmp_path / "backup" / "store.duckdb"
    backup.parent.mkdir()
    shutil.copy(store, backup)  # a backup of the store file (and its WAL), as documented

    copy = db.connect(backup)
    assert subject_ref(copy, "A", "S-017") != live
    copy.close()


def test_the_environment_variable_overrides_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, "a secret from the service manager")
    con = db.connect(tmp_path / "store.duckdb")
    expected = hmac.new(b"a secret from the service manager", b"A\x1fK2", hashlib.sha256)
    assert subject_ref(con, "A", "K2") == expected.hexdigest()[:32]
    assert not secret_path(tmp_path / "store.duckdb").exists()
    con.close()
