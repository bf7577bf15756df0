"""The printable agenda has an outcome column: blank to write in, or naming the follow-up."""

from __future__ import annotations

from datetime import date

from dashboard import agenda
from dashboard.views.attention import to_rows

SIGNAL = {
    "program_id": "p", "signal_id": "S-ASKED", "action": "supervision", "severity": "medium",
    "subject_type": "supporter", "subject_id": "P05", "value": True, "threshold": None,
    "window_days": None, "message": "asked", "message_de": "gefragt", "evidence": {},
    "since": date(2026, 11, 4),
}  # fmt: skip
PLANNED = {"status": "planned", "action": "intervision", "happened_on": date(2026, 11, 25)}


def _cells(html: str) -> list[str]:
    row = html.split("<tr>")[2]  # the header row, then the signal's row
    return [c.split(">", 1)[1] for c in row.split("</td>")[:-1]]


def test_the_outcome_column_is_blank_without_a_follow_up() -> None:
    html = agenda.render(
        to_rows([SIGNAL], "en"), program_id="p", as_of=date(2026, 11, 20), lang="en"
    )
    assert "<th>Outcome</th>" in html
    assert _cells(html)[-1] == ""


def test_the_outcome_column_names_a_planned_follow_up_in_german() -> None:
    row = {**SIGNAL, "followup": PLANNED, "state": "planned", "group": "planned"}
    html = agenda.render(to_rows([row], "de"), program_id="p", as_of=date(2026, 11, 20), lang="de")
    assert "<th>Ergebnis</th>" in html
    assert _cells(html)[-1] == "Geplant: Intervision, 25.11.2026"
