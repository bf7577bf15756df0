"""S-CRISIS: a recent crisis contact with no supervision session on or after it."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Ids, Msg
from dashboard.signals.model import Finding, Rule, Threshold

# Any session counts here (also intervision): the RULEBOOK excludes peer-led intervision only
# from S-NO-SUPERVISION.
SQL = """
SELECT c.supporter_id AS subject_id, list_sort(list(c.contact_id)) AS contact_ids,
       min(c.contact_date) AS first_date
FROM sig_contacts c JOIN sig_members USING (supporter_id)
LEFT JOIN sig_sessions s USING (supporter_id)
WHERE c.age_days < $window_days AND c.crisis
  AND (s.last_session IS NULL OR s.last_session < c.contact_date)
GROUP BY c.supporter_id
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    contacts, days, first = list(row["contact_ids"]), limits["window_days"], row["first_date"]
    n = len(contacts)
    params = {"n": n, "days": days, "contacts": Ids(contacts), "first": first}
    return Finding(
        severity="high",
        value=n,
        threshold=1,
        message=Msg("signal.S-CRISIS.message", params),
        measure=Msg("signal.S-CRISIS.measure", {"n": n}),
        evidence={"contact_ids": contacts},
        since=first,
        window_days=days,
    )


RULE = Rule(
    id="S-CRISIS",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    contacts="sig_contacts",
    thresholds=(Threshold("window_days", 28, 7, 365, "days"),),
)
