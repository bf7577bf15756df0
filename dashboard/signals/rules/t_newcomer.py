"""T-NEWCOMER: early on their own path (or new in the program) and already many open matches."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n import N_
from dashboard.i18n.message import Ids, Msg
from dashboard.signals.model import Finding, Rule, Threshold

SQL = """
SELECT m.supporter_id AS subject_id, m.own_process_stage = 'early' AS early, m.joined_on,
       $as_of - m.joined_on AS days_in, m.open_matches,
       (SELECT list(mt.match_id ORDER BY mt.started_on, mt.match_id) FROM sig_matches mt
        WHERE mt.supporter_id = m.supporter_id AND mt.is_open) AS match_ids
FROM sig_members m
WHERE (m.own_process_stage = 'early' OR $as_of - m.joined_on < $newcomer_days)
  AND m.open_matches > $max_open_matches
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    n, matches, line = row["open_matches"], list(row["match_ids"]), limits["max_open_matches"]
    new = row["days_in"] < limits["newcomer_days"]
    if row["early"] and new:
        message_id = N_("signal.T-NEWCOMER.message_early_new")
    elif row["early"]:
        message_id = N_("signal.T-NEWCOMER.message_early")
    else:
        message_id = N_("signal.T-NEWCOMER.message_new")
    params = {
        "n": n,
        "matches": Ids(matches),
        "max": line,
        "days": row["days_in"],
        "date": row["joined_on"],
    }
    return Finding(
        severity="medium",
        value=n,
        threshold=line,
        message=Msg(message_id, params),
        measure=Msg("signal.T-NEWCOMER.measure", {"n": n, "threshold": line}),
        evidence={"match_ids": matches},
        since=row["joined_on"],
    )


RULE = Rule(
    id="T-NEWCOMER",
    action="training",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    thresholds=(
        Threshold("newcomer_days", 90, 7, 730, "days"),
        Threshold("max_open_matches", 2, 0, 50),
    ),
)
