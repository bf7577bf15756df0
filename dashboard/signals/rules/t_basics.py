"""T-BASICS: supports someone but has no (valid) peer-support basics training."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Ids, Msg
from dashboard.signals.model import Finding, Rule

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


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    matches, lapsed = list(row["match_ids"]), row["expired_on"]
    n = len(matches)
    params = {"n": n, "matches": Ids(matches), "date": lapsed}
    if lapsed:
        message = Msg("signal.T-BASICS.message_expired", params)
    else:
        message = Msg("signal.T-BASICS.message", params)
    return Finding(
        severity="medium",
        value=n,
        threshold=1,
        message=message,
        measure=Msg("signal.T-BASICS.measure", {"n": n}),
        evidence={"match_ids": matches},
        since=row["first_start"],
    )


RULE = Rule(
    id="T-BASICS",
    action="training",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
)
