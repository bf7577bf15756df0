"""S-INCIDENT: an unresolved confidentiality breach, boundary crossing or complaint."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule
from dashboard.signals.text import day, label

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


def _clause(i: Mapping[str, Any], lang: str) -> str:
    sev = f", {label(i['severity'], lang)}" if i["severity"] else ""
    if lang == "de":
        return f"{i['incident_id']} ({label(i['type'], 'de')}{sev}, seit {day(i['date'], 'de')})"
    return f"{i['incident_id']} ({label(i['type'])}{sev}, since {day(i['date'])})"


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    incidents = list(row["incidents"])
    n = len(incidents)
    en = ", ".join(_clause(i, "en") for i in incidents)
    de = ", ".join(_clause(i, "de") for i in incidents)
    return Finding(
        severity="high" if row["any_high"] else "medium",
        value=n,
        threshold=1,
        message=f"Unresolved incident{'s' if n > 1 else ''}: {en}",
        message_de=f"{'Ungelöste Vorfälle' if n > 1 else 'Ungelöster Vorfall'}: {de}",
        evidence={"incident_ids": [i["incident_id"] for i in incidents]},
        since=row["first_date"],
    )


RULE = Rule(
    id="S-INCIDENT",
    action="supervision",
    subject_type="supporter",
    title="Unresolved incident",
    title_de="Ungelöster Vorfall",
    reason="Confidentiality breaks more easily than in professional relations.",
    reason_de="Vertraulichkeit bricht leichter als in professionellen Beziehungen.",
    sql=SQL,
    explain=explain,
)
