"""S-OVERLOAD: contact hours in the window above the agreed monthly capacity."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import num, pct

SQL = """
SELECT m.supporter_id AS subject_id, m.capacity_hours_month AS capacity,
       sum(c.duration_min) AS minutes,
       list(c.contact_id ORDER BY c.contact_date, c.contact_id) AS contact_ids,
       min(c.contact_date) AS since
FROM sig_members m JOIN sig_contacts c USING (supporter_id)
WHERE c.age_days < $window_days
GROUP BY m.supporter_id, m.capacity_hours_month
HAVING sum(c.duration_min) > $ratio_medium * m.capacity_hours_month * 60
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    hours, capacity, days = row["minutes"] / 60, row["capacity"], t["window_days"]
    high = row["minutes"] > t["ratio_high"] * capacity * 60
    line = t["ratio_high"] if high else t["ratio_medium"]
    share = f" ({pct(hours / capacity, above=line)})" if capacity else ""
    share_de = f" ({pct(hours / capacity, 'de', above=line)})" if capacity else ""
    return Finding(
        severity="high" if high else "medium",
        value=round(hours, 2),
        threshold=round(line * capacity, 2),
        message=f"{num(hours)} h of contacts in the last {days} days "
        f"against {num(capacity)} h agreed{share}",
        message_de=f"{num(hours, 'de')} Std. Kontakte in den letzten {days} Tagen "
        f"bei {num(capacity, 'de')} Std. vereinbart{share_de}",
        evidence={"contact_ids": list(row["contact_ids"])},
        since=row["since"],
        window_days=days,
    )


RULE = Rule(
    id="S-OVERLOAD",
    action="supervision",
    subject_type="supporter",
    title="More contact hours than agreed",
    title_de="Mehr Kontaktstunden als vereinbart",
    reason="The wish to help pushes supporters past their own limits.",
    reason_de="Der Wunsch zu helfen treibt Unterstützende über ihre eigenen Grenzen.",
    sql=SQL,
    explain=explain,
    thresholds=(
        Threshold("window_days", 28, "Days of contacts counted (ending on the as-of date).",
                  "Tage, deren Kontakte gezählt werden (bis einschließlich Stichtag).", 7, 365,
                  "days"),
        Threshold("ratio_medium", 1.25,
                  "Fires (medium) when contact hours exceed this multiple of the agreed "
                  "monthly capacity (the monthly figure as is).",
                  "Meldet (mittel), wenn die Kontaktstunden dieses Vielfache der vereinbarten "
                  "Monatskapazität übersteigen (Monatswert unverändert).", 0.1, 10, "×"),
        Threshold("ratio_high", 1.75,
                  "Severity high when contact hours exceed this multiple of the capacity.",
                  "Dringlichkeit hoch, wenn die Kontaktstunden dieses Vielfache der Kapazität "
                  "übersteigen.", 0.1, 10, "×"),
    ),
    ordered=(("ratio_medium", "ratio_high"),),
)
