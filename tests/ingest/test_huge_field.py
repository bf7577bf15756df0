"""A multi-megabyte cell is refused as malformed, whatever another library did to csv's limit."""

import csv

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.fingerprint import fingerprint
from dashboard.ingest import Upload, import_uploads


@pytest.mark.parametrize("process_limit", [None, 2**31 - 1])
def test_huge_field_is_unusable_and_changes_nothing(tmp_path, process_limit) -> None:
    before_limit = csv.field_size_limit()
    if process_limit:
        csv.field_size_limit(process_limit)  # as importing frictionless does
    try:
        con = db.connect(tmp_path / "s.duckdb")
        before = fingerprint(con)
        data = b"supporter_id,joined_on,capacity_hours_month\nP01,2026-01-05," + b"9" * 3_000_000
        report = import_uploads(
            con, "p", [Upload("supporters.csv", data)], scope=Scope.local_operator()
        )
        assert report.exit_code == 2 and not report.committed
        assert [e.code for e in report.errors] == ["malformed_csv"]
        assert fingerprint(con) == before
    finally:
        csv.field_size_limit(before_limit)
