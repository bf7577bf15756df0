"""What leaves the importer: the JSON report, the error CSV, the quarantine CSV, the CLI text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import AccessDenied, Scope
from dashboard.commands.import_cmd import SHOWN_ERRORS, print_summary
from dashboard.ingest import Upload, errors_csv, import_uploads, quarantine_csv, validate_uploads

LOCAL = Scope.local_operator()
HEADER = "supporter_id,joined_on,capacity_hours_month,own_process_stage"


@pytest.fixture()
def con(tmp_path: Path):
    connection = db.connect(tmp_path / "store.duckdb")
    yield connection
    connection.close()


def _upload(body: str) -> list[Upload]:
    return [Upload("supporters.csv", f"{HEADER}\n{body}".encode())]


def test_json_report_has_the_documented_shape(con) -> None:
    report = validate_uploads(con, "p", _upload("S1,2025-01-01,5,expert\n"), scope=LOCAL)
    document = report.as_json()
    assert {"committed", "files", "errors"} <= set(document)
    (file,) = document["files"]
    assert {"file", "export", "rows_read", "rows_valid", "rows_rejected", "notices"} <= set(file)
    (error,) = document["errors"]
    assert error["file"] == "supporters.csv" and error["line"] == 2
    assert (error["column"], error["value"], error["code"]) == (
        "own_process_stage", "expert", "not_in_vocabulary",
    )  # fmt: skip
    assert error["message"].startswith("own_process_stage: 'expert' is not an allowed code")


def test_errors_csv_in_german_and_neutralised(con) -> None:
    report = validate_uploads(con, "p", _upload("S1,2025-01-01,5,=HYPERLINK(1)\n"), scope=LOCAL)
    rows = list(csv.DictReader(io.StringIO(errors_csv(report, "de"))))
    assert [(r["line"], r["column"], r["code"]) for r in rows] == [
        ("2", "own_process_stage", "not_in_vocabulary")
    ]
    assert rows[0]["value"] == "'=HYPERLINK(1)"  # as uploaded, but never run as a formula
    assert rows[0]["message"].startswith("own_process_stage: '=HYPERLINK(1)' ist kein erlaubter")


def test_quarantine_csv_lists_rejected_rows_as_uploaded(con) -> None:
    body = "S1,2025-01-01,5,early\nS2,2025-01-01,-3,=cmd()\nS3,31.02.2025,5,\n"
    report = import_uploads(con, "p", _upload(body), accept_valid=True, scope=LOCAL)
    assert (report.exit_code, report.committed) == (1, True)
    assert con.execute("SELECT supporter_id FROM supporters").fetchall() == [("S1",)]
    rows = list(csv.DictReader(io.StringIO(quarantine_csv(con, report.import_id, scope=LOCAL))))
    assert [(r["line"], r["supporter_id"], r["joined_on"]) for r in rows] == [
        ("3", "S2", "2025-01-01"), ("4", "S3", "31.02.2025"),
    ]  # fmt: skip
    assert rows[0]["own_process_stage"] == "'=cmd()"
    assert rows[0]["capacity_hours_month"] == "'-3"  # raw text: a leading '-' is neutralised
    assert "capacity_hours_month" in rows[0]["problems"]
    outsider = Scope("c", "coordinator", frozenset({"other"}))
    with pytest.raises(AccessDenied):
        quarantine_csv(con, report.import_id, scope=outsider)


def test_quarantine_never_keeps_an_identifier(con) -> None:
    body = "kim@example.org,2025-01-01,5,early\n"
    report = import_uploads(con, "p", _upload(body), accept_valid=True, scope=LOCAL)
    stored = con.execute("SELECT record::VARCHAR, errors::VARCHAR FROM quarantine").fetchall()
    assert report.committed and len(stored) == 1
    assert "kim@example.org" not in str(stored)
    assert "REDACTED" in stored[0][0]


def test_cli_summary_caps_the_error_list(con) -> None:
    body = "".join(f"S{i},2025-01-01,5,expert\n" for i in range(SHOWN_ERRORS + 7))
    report = validate_uploads(con, "p", _upload(body), scope=LOCAL)
    out = io.StringIO()
    print_summary(report, out)
    text = out.getvalue()
    assert "supporters.csv: supporters, 27 rows read, 0 valid, 27 rejected" in text
    assert text.count("is not an allowed code") == SHOWN_ERRORS
    assert "... and 7 more, see --report" in text
    assert "Nothing committed" in text
