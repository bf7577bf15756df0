"""Column and value mappings: validated against the contract, applied when their headers
occur, saved per program (audited) and reused for the same header; suggestions for the
Import page's mapping step."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from dashboard import db
from dashboard.access import Scope
from dashboard.i18n import say
from dashboard.ingest import Mapping, Upload, save_mapping, validate_uploads
from dashboard.ingest.suggest import DROP, draft, list_phrases, refine, suggested

LOCAL = Scope.local_operator()
MS = Path(__file__).parent / "files" / "microsoft_forms" / "contacts.csv"


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"export": "people"}, "unknown export"),
        ({"columns": {"Date": "datum"}}, "not a contract column"),
        ({"values": {"channel": {"Video call": "zoom"}}}, "are not codes"),
        ({"values": {"duration_min": {"1h": "60"}}}, "not a vocabulary"),
        ({"date_order": "dym"}, "date_order"),
    ],
)
def test_a_mapping_naming_what_the_contract_lacks_is_refused(document, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        Mapping.model_validate(document)


def test_a_mapping_applies_when_every_header_it_names_occurs() -> None:
    mapping = Mapping(columns={"Date": "contact_date", "Notes": None})
    assert mapping.applies_to([" date ", "NOTES", "x"])
    assert not mapping.applies_to(["Date"])
    assert Mapping(date_order="mdy").applies_to(["anything"])


def test_a_saved_mapping_is_audited_and_used_for_the_same_header_with_a_notice() -> None:
    con = db.connect(":memory:")
    header = ["Peer", "Joined", "Hours"]
    mapping = Mapping(columns={"Peer": "supporter_id", "Joined": "joined_on",
                               "Hours": "capacity_hours_month"})  # fmt: skip
    save_mapping(con, "p", header, mapping, scope=LOCAL)
    audit = con.execute("SELECT action, program_id FROM audit_log").fetchall()
    assert audit == [("mapping_change", "p")]
    data = b"Peer,Joined,Hours\nS1,2025-01-02,5\n"
    report = validate_uploads(con, "p", [Upload("x.csv", data)], scope=LOCAL)
    assert report.exit_code == 0 and report.files[0].export == "supporters"
    assert any(
        "mapping saved for this header" in n
        for n in [say(m, "en") for m in report.files[0].notices]
    )
    other = validate_uploads(con, "q", [Upload("x.csv", data)], scope=LOCAL)  # not q's
    assert other.exit_code == 2


def test_mapping_step_suggests_columns_and_asks_for_the_values_that_are_not_codes() -> None:
    con = db.connect(":memory:")
    header = MS.read_text().splitlines()[0].split(",")
    step = draft(header, "contacts.csv", [])
    choices = {c.header: c.choice for c in step.columns}
    assert step.export == "contacts"
    assert (choices["Date"], choices["Duration (minutes)"]) == ("contact_date", "duration_min")
    assert (choices["Email"], choices["Name"], choices["ID"]) == (DROP, DROP, DROP)
    probe = validate_uploads(con, "p", [Upload.from_path(MS)], scope=LOCAL,
                             mappings=[suggested(step)])  # fmt: skip
    refine(step, probe.errors)
    assert step.values == {"channel": ["Video call"], "topics": ["coming", "out"]}
    list_phrases(con, Upload.from_path(MS), step, ["topics"])  # whole labels, not words
    assert step.values == {"channel": ["Video call"], "topics": ["Coming out"]}
    assert step.date_columns == []  # 3/14/25: the 14 decides


def test_a_mapping_without_columns_does_not_force_its_export_on_every_file() -> None:
    con = db.connect(":memory:")
    data = b"supporter_id,joined_on,capacity_hours_month\nS1,2/3/2025,5\n"
    only_order = Mapping(export="contacts", date_order="mdy")
    report = validate_uploads(con, "p", [Upload("s.csv", data)], scope=LOCAL, mappings=[only_order])
    assert (report.exit_code, report.files[0].export) == (0, "supporters")


def notices_en(report) -> list[str]:
    return [say(m, "en") for m in report.files[0].notices]
