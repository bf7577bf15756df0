"""Record keys are not people: UUIDs, uuid:..., long numbers pass and are shown; person
pseudonyms keep the identifier guard."""

from __future__ import annotations

from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import Upload, import_uploads, validate_uploads

LOCAL = Scope.local_operator()
SERVICES = "service_id,service_type\n"


def test_uuids_instance_ids_and_long_numbers_are_record_keys() -> None:
    con = db.connect(":memory:")
    keys = ["123456789", "C000001", "uuid:6f1c8a1e-0b3c-4d5e-9f00-123456789abc", "a.b:c-d_e"]
    data = SERVICES + "".join(f"{k},counselling\n" for k in keys)
    report = import_uploads(con, "p", [Upload("services.csv", data.encode())], scope=LOCAL)
    assert report.exit_code == 0, report.errors
    stored = sorted(r[0] for r in con.execute("SELECT service_id FROM services").fetchall())
    assert stored == sorted(keys)


def test_a_duplicate_numeric_key_is_shown_not_redacted() -> None:
    con = db.connect(":memory:")
    data = SERVICES + "123456789,counselling\n123456789,counselling\n"
    report = validate_uploads(con, "p", [Upload("services.csv", data.encode())], scope=LOCAL)
    assert [(e.line, e.value, e.code) for e in report.errors] == [(3, "123456789", "duplicate_key")]


def test_bad_record_keys_are_refused_and_an_e_mail_is_still_redacted() -> None:
    con = db.connect(":memory:")
    data = SERVICES + "a b,counselling\nkim@example.org,counselling\n" + "x" * 65 + ",counselling\n"
    report = validate_uploads(con, "p", [Upload("services.csv", data.encode())], scope=LOCAL)
    assert [(e.line, e.code) for e in report.errors] == [
        (2, "bad_key"),
        (3, "bad_key"),
        (4, "bad_key"),
    ]
    assert "kim@example.org" not in str(report.as_json())


def test_person_pseudonyms_keep_the_identifier_guard() -> None:
    con = db.connect(":memory:")
    data = "supporter_id,joined_on,capacity_hours_month\n123456789,2025-01-01,5\n"
    report = validate_uploads(con, "p", [Upload("supporters.csv", data.encode())], scope=LOCAL)
    assert [(e.column, e.value, e.code) for e in report.errors] == [
        ("supporter_id", "REDACTED", "identifier")
    ]
