"""S-INCIDENT: an unresolved confidentiality breach, boundary crossing or complaint."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Items, Label, Msg
from dashboard.signals.model import Finding, Rule

# Incidents without a supporter cannot name a subject; the health overview counts them.
SQL = """
SELECT i.supporter_id AS subject_id,
       list({'incident_id': i.incident_id, 'date': i.incident_date, 'type': i.type,
             'severity': i.severity} ORDER BY i.incident_date, i.incident_id) AS incidents,
       bool_or(i.severity = 'high') AS any_high,
       min(i.incident_date) AS first_date
FROM sig_incidents i JOIN sig_members USING (supporter_id)
WHERE i.is_open AND i.type IN ('confidentiality_breach', 'boundary_crossing', 'complaint')
GROUP BY i.supporter_id
"""


def _clause(i: Mapping[str, Any]) -> Msg:
    params = {"id": i["incident_id"], "type": Label("incident", i["type"]), "date": i["date"]}
    if not i["severity"]:
        return Msg("signal.S-INCIDENT.incident", params)
    return Msg(
        "signal.S-INCIDENT.incident_severity",
        {**params, "severity": Label("severity", i["severity"])},
    )


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    incidents = list(row["incidents"])
    n = len(incidents)
    return Finding(
        severity="high" if row["any_high"] else "medium",
        value=n,
        threshold=1,
        message=Msg(
            "signal.S-INCIDENT.message",
            {"n": n, "incidents": Items([_clause(i) for i in incidents])},
        ),
        measure=Msg("signal.S-INCIDENT.measure", {"n": n}),
        evidence={"incident_ids": [i["incident_id"] for i in incidents]},
        since=row["first_date"],
    )


RULE = Rule(
    id="S-INCIDENT",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
)
