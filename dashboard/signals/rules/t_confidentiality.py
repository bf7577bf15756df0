"""T-CONFIDENTIALITY: a confidentiality breach with no confidentiality training after it."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule
from dashboard.signals.text import day, ids, join

# Resolved or not; only a confidentiality training completed strictly after the breach counts.
SQL = """
SELECT i.supporter_id AS subject_id,
       list(i.incident_id ORDER BY i.incident_date, i.incident_id) AS incident_ids,
       list(i.incident_date ORDER BY i.incident_date, i.incident_id) AS dates,
       min(i.incident_date) AS first_date
FROM sig_incidents i JOIN sig_members USING (supporter_id)
WHERE i.type = 'confidentiality_breach'
  AND NOT EXISTS (SELECT 1 FROM sig_trainings t
                  WHERE t.supporter_id = i.supporter_id AND t.training = 'confidentiality'
                    AND t.completed_on > i.incident_date)
GROUP BY i.supporter_id
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    incidents = list(row["incident_ids"])
    when_en = join([day(d) for d in row["dates"]])
    when_de = join([day(d, "de") for d in row["dates"]], "de")
    many = len(incidents) > 1
    return Finding(
        severity="medium",
        value=len(incidents),
        threshold=1,
        message=f"Confidentiality breach{'es' if many else ''} {ids(incidents)} ({when_en}) "
        "and no confidentiality training completed since",
        message_de=f"{'Vertraulichkeitsbrüche' if many else 'Vertraulichkeitsbruch'} "
        f"{ids(incidents, lang='de')} ({when_de}) und seitdem keine Schulung zu "
        "Vertraulichkeit abgeschlossen",
        evidence={"incident_ids": incidents},
        since=row["first_date"],
    )


RULE = Rule(
    id="T-CONFIDENTIALITY",
    action="training",
    subject_type="supporter",
    title="Confidentiality breach without training",
    title_de="Vertraulichkeitsbruch ohne Schulung",
    reason="Confidentiality breaks more easily than in professional relations; training helps "
    "to know who may talk to whom about what.",
    reason_de="Vertraulichkeit bricht leichter als in professionellen Beziehungen; eine Schulung "
    "klärt, wer mit wem worüber sprechen darf.",
    sql=SQL,
    explain=explain,
)
