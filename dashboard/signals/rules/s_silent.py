"""S-SILENT: an active supporter with no check-in (pulse or ProQOL) for a long time."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import day, iso

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


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    last, days = row["last_date"], t["days"]
    if last is None:
        en, de = "none on record", "keine verzeichnet"
    else:
        en = f"last one {row['days_since']} days ago, on {day(last)}"
        de = f"letzte vor {row['days_since']} Tagen, am {day(last, 'de')}"
    return Finding(
        severity="low",
        value=row["days_since"],
        threshold=days,
        message=f"Active, but no check-in in the last {days} days ({en})",
        message_de=f"Aktiv, aber keine Selbstreflexion in den letzten {days} Tagen ({de})",
        evidence={"checkin_dates": iso([last])} if last else {},
        since=last,
        window_days=days,
    )


RULE = Rule(
    id="S-SILENT",
    action="supervision",
    subject_type="supporter",
    title="No recent check-in",
    title_de="Keine aktuelle Selbstreflexion",
    reason="Without reflection nobody sees strain coming.",
    reason_de="Ohne Reflexion sieht niemand Belastung kommen.",
    sql=SQL,
    explain=explain,
    thresholds=(
        Threshold(
            "days",
            56,
            "Fires when an active supporter had no check-in (pulse or ProQOL) in this many days.",
            "Meldet, wenn eine aktive Person so viele Tage keine Selbstreflexion (Puls "
            "oder ProQOL) abgegeben hat.",
            7,
            730,
            "days",
        ),
    ),
)
