"""S-SILENT: an active supporter with no check-in (pulse or ProQOL) for a long time."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Msg
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import days_since, iso

SQL = """
WITH last AS (
  SELECT supporter_id, max(d) AS last_date FROM (
    SELECT supporter_id, checkin_date AS d FROM sig_checkins
    UNION ALL SELECT supporter_id, response_date FROM sig_proqol
  ) GROUP BY supporter_id
)
SELECT m.supporter_id AS subject_id, last.last_date, $as_of - last.last_date AS days_since
FROM sig_members m LEFT JOIN last USING (supporter_id)
WHERE m.active AND (last.last_date IS NULL OR $as_of - last.last_date >= $days)
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    last, days = row["last_date"], limits["days"]
    if last is None:
        detail = Msg("signal.S-SILENT.never")
    else:
        detail = Msg("signal.S-SILENT.last", {"n": row["days_since"], "date": last})
    return Finding(
        severity="low",
        value=row["days_since"],
        threshold=days,
        message=Msg("signal.S-SILENT.message", {"days": days, "detail": detail}),
        measure=days_since(row["days_since"] if last else None, days),
        evidence={"checkin_dates": iso([last])} if last else {},
        since=last,
        window_days=days,
    )


RULE = Rule(
    id="S-SILENT",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    thresholds=(Threshold("days", 56, 7, 730, "days"),),
)
