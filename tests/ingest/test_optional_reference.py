"""An optional reference left empty (an incident with no supporter) is no missing reference."""

from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import Upload, import_uploads

SUPPORTERS = b"supporter_id,joined_on,capacity_hours_month\nP01,2026-01-05,8\n"
INCIDENTS = (
    b"incident_id,incident_date,supporter_id,type,severity\n"
    b"I01,2026-03-01,P01,complaint,low\n"
    b"I02,2026-03-02,,other,low\n"
    b"I03,2026-03-03,P99,other,low\n"
)


def test_empty_optional_reference_passes_and_a_wrong_one_does_not(tmp_path) -> None:
    con = db.connect(tmp_path / "s.duckdb")
    uploads = [Upload("supporters.csv", SUPPORTERS), Upload("incidents.csv", INCIDENTS)]
    report = import_uploads(con, "p", uploads, scope=Scope.local_operator())
    assert [[e.line, e.column, e.code] for e in report.errors] == [
        [4, "supporter_id", "missing_reference"]
    ]
    assert not report.committed
    report = import_uploads(con, "p", uploads, accept_valid=True, scope=Scope.local_operator())
    rows = con.execute("SELECT incident_id, supporter_id FROM incidents ORDER BY 1").fetchall()
    assert rows == [("I01", "P01"), ("I02", None)]
