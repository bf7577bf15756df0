"""S-NO-SUPERVISION: an active supporter without supervision led by a professional."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import day, iso

# A session counts when its facilitator is a professional or not recorded; peer-led
# intervision does not count here (RULEBOOK).
SQL = """
SELECT m.supporter_id AS subject_id, s.last_professional AS last_date,
       $as_of - s.last_professional AS days_since
FROM sig_members m LEFT JOIN sig_sessions s USING (supporter_id)
WHERE m.active
  AND (s.last_professional IS NULL OR $as_of - s.last_professional >= $days_low)
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    last, since_days = row["last_date"], row["days_since"]
    medium = last is None or since_days >= t["days_medium"]
    window = t["days_medium"] if medium else t["days_low"]
    if last is None:
        en = "no supervision session led by a professional on record"
        de = "keine Supervision durch eine Fachkraft verzeichnet"
    else:
        en = f"last session {since_days} days ago, on {day(last)}"
        de = f"letzte Sitzung vor {since_days} Tagen, am {day(last, 'de')}"
    return Finding(
        severity="medium" if medium else "low",
        value=since_days,
        threshold=window,
        message=f"Active, but no supervision led by a professional in the last {window} days "
        f"({en})",
        message_de=f"Aktiv, aber keine Supervision durch eine Fachkraft in den letzten {window} "
        f"Tagen ({de})",
        evidence={"session_dates": iso([last])} if last else {},
        since=last,
        window_days=window,
    )


RULE = Rule(
    id="S-NO-SUPERVISION",
    action="supervision",
    subject_type="supporter",
    title="No professional supervision",
    title_de="Keine Supervision durch Fachkräfte",
    reason="Professionals should supervise peer support.",
    reason_de="Fachkräfte sollten Peer-Unterstützung begleiten.",
    sql=SQL,
    explain=explain,
    thresholds=(
        Threshold(
            "days_low",
            56,
            "Fires (low) when an active supporter had no professionally led session in "
            "this many days.",
            "Meldet (niedrig), wenn eine aktive Person so viele Tage keine Sitzung mit "
            "einer Fachkraft hatte.",
            7,
            730,
            "days",
        ),
        Threshold(
            "days_medium",
            112,
            "Severity medium when there was none in this many days.",
            "Dringlichkeit mittel, wenn es so viele Tage keine gab.",
            7,
            730,
            "days",
        ),
    ),
    ordered=(("days_low", "days_medium"),),
)
