"""T-BASICS: supports someone but has no (valid) peer-support basics training."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule
from dashboard.signals.text import day, ids, plural

SQL = """
WITH basics AS (
  SELECT supporter_id, bool_or(is_valid) AS valid, max(valid_until) AS expired_on
  FROM sig_trainings WHERE training = 'peer_support_basics' GROUP BY supporter_id
)
SELECT mt.supporter_id AS subject_id,
       list_sort(list(mt.match_id)) AS match_ids,
       min(mt.started_on) AS first_start,
       any_value(b.expired_on) AS expired_on
FROM sig_matches mt JOIN sig_members USING (supporter_id)
LEFT JOIN basics b USING (supporter_id)
WHERE mt.is_open AND NOT coalesce(b.valid, false)
GROUP BY mt.supporter_id
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    matches, lapsed = list(row["match_ids"]), row["expired_on"]
    n = len(matches)
    en = f" (it expired on {day(lapsed)})" if lapsed else ""
    de = f" (sie ist am {day(lapsed, 'de')} abgelaufen)" if lapsed else ""
    return Finding(
        severity="medium",
        value=n,
        threshold=1,
        message=f"Supports someone ({plural(n, 'open match', 'open matches')}: {ids(matches)}) "
        f"without a valid peer-support basics training{en}",
        message_de=f"Begleitet jemanden ({plural(n, 'offene Begleitung', 'offene Begleitungen')}: "
        f"{ids(matches, lang='de')}) ohne gültige Schulung in Peer-Support-Grundlagen{de}",
        evidence={"match_ids": matches},
        since=row["first_start"],
    )


RULE = Rule(
    id="T-BASICS",
    action="training",
    subject_type="supporter",
    title="No peer-support basics training",
    title_de="Keine Schulung in Peer-Support-Grundlagen",
    reason="Peer supporters should take peer-support training.",
    reason_de="Peer-Unterstützende sollten eine Peer-Support-Schulung machen.",
    sql=SQL,
    explain=explain,
)
