"""T-CONFIDENTIALITY: a confidentiality breach with no confidentiality training after it."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Ids, Items, Msg
from dashboard.signals.model import Finding, Rule

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


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    incidents = list(row["incident_ids"])
    n = len(incidents)
    params = {"n": n, "incidents": Ids(incidents), "dates": Items(list(row["dates"]))}
    return Finding(
        severity="medium",
        value=n,
        threshold=1,
        message=Msg("signal.T-CONFIDENTIALITY.message", params),
        measure=Msg("signal.T-CONFIDENTIALITY.measure", {"n": n}),
        evidence={"incident_ids": incidents},
        since=row["first_date"],
    )


RULE = Rule(
    id="T-CONFIDENTIALITY",
    action="training",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
)
