"""S-NO-SUPERVISION: an active supporter without supervision led by a professional."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Msg
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import days_since, iso

# A session counts when its facilitator is a professional or not recorded; peer-led
# intervision does not count here (RULEBOOK).
SQL = """
SELECT m.supporter_id AS subject_id, s.last_professional AS last_date,
       $as_of - s.last_professional AS days_since
FROM sig_members m LEFT JOIN sig_sessions s USING (supporter_id)
WHERE m.active
  AND (s.last_professional IS NULL OR $as_of - s.last_professional >= $days_low)
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    last, since_days = row["last_date"], row["days_since"]
    medium = last is None or since_days >= limits["days_medium"]
    window = limits["days_medium"] if medium else limits["days_low"]
    if last is None:
        detail = Msg("signal.S-NO-SUPERVISION.never")
    else:
        detail = Msg("signal.S-NO-SUPERVISION.last", {"n": since_days, "date": last})
    return Finding(
        severity="medium" if medium else "low",
        value=since_days,
        threshold=window,
        message=Msg("signal.S-NO-SUPERVISION.message", {"days": window, "detail": detail}),
        measure=days_since(since_days, window),
        evidence={"session_dates": iso([last])} if last else {},
        since=last,
        window_days=window,
    )


RULE = Rule(
    id="S-NO-SUPERVISION",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    thresholds=(
        Threshold("days_low", 56, 7, 730, "days"),
        Threshold("days_medium", 112, 7, 730, "days"),
    ),
    ordered=(("days_low", "days_medium"),),
)
