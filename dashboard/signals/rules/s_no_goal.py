"""S-NO-GOAL: an open match running for a while without an agreed goal or agreed scope."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Clauses, Msg
from dashboard.signals.model import Finding, Rule, Threshold

SQL = """
SELECT mt.supporter_id AS subject_id,
       -- list_sort orders the structs by their first fields: start date, then match id
       list_sort(list({'started_on': mt.started_on, 'match_id': mt.match_id,
                       'age': $as_of - mt.started_on,
                       'no_goal': mt.goal IS NULL OR mt.goal = 'none',
                       'no_scope': coalesce(NOT mt.scope_agreed, false)})) AS matches,
       max($as_of - mt.started_on) AS oldest,
       min(mt.started_on) AS first_start
FROM sig_matches mt JOIN sig_members USING (supporter_id)
WHERE mt.is_open AND $as_of - mt.started_on > $match_age_days
  AND (mt.goal IS NULL OR mt.goal = 'none' OR NOT mt.scope_agreed)
GROUP BY mt.supporter_id
"""


def _clause(m: Mapping[str, Any]) -> Msg:
    params = {"match": m["match_id"], "n": m["age"], "date": m["started_on"]}
    if m["no_goal"] and m["no_scope"]:
        return Msg("signal.S-NO-GOAL.match_no_goal_scope", params)
    if m["no_goal"]:
        return Msg("signal.S-NO-GOAL.match_no_goal", params)
    return Msg("signal.S-NO-GOAL.match_no_scope", params)


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    matches = list(row["matches"])
    line = limits["match_age_days"]
    return Finding(
        severity="low",
        value=row["oldest"],
        threshold=line,
        message=Msg(
            "signal.S-NO-GOAL.message",
            {"matches": Clauses([_clause(m) for m in matches]), "days": line},
        ),
        measure=Msg("signal.S-NO-GOAL.measure", {"n": row["oldest"], "threshold": line}),
        evidence={"match_ids": [m["match_id"] for m in matches]},
        since=row["first_start"],
        window_days=line,
    )


RULE = Rule(
    id="S-NO-GOAL",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    thresholds=(Threshold("match_age_days", 56, 7, 730, "days"),),
)
