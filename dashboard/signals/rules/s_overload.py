"""S-OVERLOAD: contact hours in the window above the agreed monthly capacity."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Msg, Num, Pct
from dashboard.signals.model import Finding, Rule, Threshold

SQL = """
WITH load AS (
  SELECT supporter_id, sum(duration_min)::BIGINT AS minutes, min(contact_date) AS since
  FROM sig_contacts WHERE age_days < $window_days
  GROUP BY supporter_id
), over AS (
  SELECT m.supporter_id, m.capacity_hours_month AS capacity, l.minutes, l.since
  FROM sig_members m JOIN load l USING (supporter_id)
  WHERE l.minutes > $ratio_medium * m.capacity_hours_month * 60
)
-- evidence only for the supporters above the line
SELECT o.supporter_id AS subject_id, o.capacity, o.minutes, o.since,
       list_sort(list(c.contact_id)) AS contact_ids
FROM over o JOIN sig_contacts c ON c.supporter_id = o.supporter_id AND c.age_days < $window_days
GROUP BY o.supporter_id, o.capacity, o.minutes, o.since
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    hours, capacity, days = row["minutes"] / 60, row["capacity"], limits["window_days"]
    high = row["minutes"] > limits["ratio_high"] * capacity * 60
    line = limits["ratio_high"] if high else limits["ratio_medium"]
    params = {"hours": Num(hours), "days": days, "capacity": Num(capacity)}
    if capacity:
        message = Msg("signal.S-OVERLOAD.message", {**params, "share": Pct(hours / capacity, line)})
    else:
        message = Msg("signal.S-OVERLOAD.message_no_capacity", params)
    return Finding(
        severity="high" if high else "medium",
        value=round(hours, 2),
        threshold=round(line * capacity, 2),
        message=message,
        measure=Msg(
            "signal.S-OVERLOAD.measure",
            {"value": Num(hours, 1), "threshold": Num(line * capacity, 1)},
        ),
        evidence={"contact_ids": list(row["contact_ids"])},
        since=row["since"],
        window_days=days,
    )


RULE = Rule(
    id="S-OVERLOAD",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    contacts="sig_contacts",
    thresholds=(
        Threshold("window_days", 28, 7, 365, "days"),
        Threshold("ratio_medium", 1.25, 0.1, 10, "×"),
        Threshold("ratio_high", 1.75, 0.1, 10, "×"),
    ),
    ordered=(("ratio_medium", "ratio_high"),),
)
