"""Upload limits and the session timeout: defaults, admin-only changes, refusals."""

from __future__ import annotations

import json

import duckdb
import pytest

from dashboard.access import AccessDenied, Scope
from dashboard.auth.session import is_expired, set_timeout_minutes, timeout_minutes
from dashboard.ingest.limits import check_batch, check_upload, set_limit, upload_limits
from dashboard.ingest.sniff import UnusableFile
from dashboard.ingest.uploads import Upload

KIM = Scope("kim", "coordinator", frozenset({"A"}))


def test_defaults(con: duckdb.DuckDBPyConnection) -> None:
    limits = upload_limits(con)
    assert (limits.upload_max_file_mb, limits.upload_max_rows, limits.upload_max_files) == (
        200,
        2_000_000,
        30,
    )
    assert timeout_minutes(con) == 30


def test_a_file_over_the_size_limit_is_refused(con: duckdb.DuckDBPyConnection, operator) -> None:
    set_limit(con, "upload_max_file_mb", 1, scope=operator)
    check_upload(con, Upload("supporters.csv", b"x" * 1_048_576))  # exactly 1 MB: accepted
    with pytest.raises(UnusableFile) as refused:
        check_upload(con, Upload("supporters.csv", b"x" * 1_048_577))
    assert refused.value.code == "too_large"


def test_a_file_over_the_line_limit_is_refused(con: duckdb.DuckDBPyConnection, operator) -> None:
    set_limit(con, "upload_max_rows", 3, scope=operator)
    check_upload(con, Upload("s.csv", b"h\n1\n2\n"))
    with pytest.raises(UnusableFile) as refused:
        check_upload(con, Upload("s.csv", b"h\n1\n2\n3\n"))
    assert (refused.value.code, refused.value.detail) == ("too_many_rows", 4)
    assert refused.value.more == {"limit": 3}


def test_too_many_files(con: duckdb.DuckDBPyConnection, operator) -> None:
    set_limit(con, "upload_max_files", 2, scope=operator)
    check_batch(con, [Upload("a.csv", b""), Upload("b.csv", b"")])
    with pytest.raises(ValueError, match="at most 2"):
        check_batch(con, [Upload(f"{i}.csv", b"") for i in range(3)])


def test_limits_are_admin_only_validated_and_audited(
    con: duckdb.DuckDBPyConnection, operator, audit_rows
) -> None:
    with pytest.raises(AccessDenied):
        set_limit(con, "upload_max_file_mb", 5, scope=KIM)
    with pytest.raises(ValueError):
        set_limit(con, "upload_max_file_mb", 0, scope=operator)
    with pytest.raises(KeyError):
        set_limit(con, "upload_max_bananas", 5, scope=operator)
    set_limit(con, "upload_max_file_mb", 5, scope=operator)
    [(actor, program, detail)] = audit_rows(con, "setting_change")
    assert (actor, program) == ("local", "*")
    assert json.loads(detail) == {"key": "upload_max_file_mb", "old": 200, "new": 5}


def test_session_timeout_setting(con: duckdb.DuckDBPyConnection, operator) -> None:
    with pytest.raises(AccessDenied):
        set_timeout_minutes(con, 10, scope=KIM)
    with pytest.raises(ValueError):
        set_timeout_minutes(con, 1, scope=operator)
    set_timeout_minutes(con, 10, scope=operator)
    assert timeout_minutes(con) == 10


@pytest.mark.parametrize(
    ("last", "now", "minutes", "expired"),
    [(None, 100.0, 30, True), (0.0, 1800.0, 30, False), (0.0, 1800.5, 30, True)],
)
def test_is_expired(last: float | None, now: float, minutes: int, expired: bool) -> None:
    assert is_expired(last, now, minutes) is expired


def test_the_importer_refuses_an_oversized_upload_with_exit_2(
    con: duckdb.DuckDBPyConnection, operator
) -> None:
    from dashboard.fingerprint import fingerprint
    from dashboard.ingest import import_uploads

    set_limit(con, "upload_max_rows", 2, scope=operator)
    before = fingerprint(con)
    data = b"supporter_id,joined_on,capacity_hours_month\nS-1,2026-01-01,4\nS-2,2026-01-01,4\n"
    report = import_uploads(con, "A", [Upload("supporters.csv", data)], scope=operator)
    assert report.exit_code == 2 and not report.committed
    assert [e.code for e in report.errors] == ["too_many_rows"]
    assert "upload_max_rows" in report.errors[0].text("en")
    assert fingerprint(con) == before
