"""N-UNMET: a service type was needed often but referred in under half of the contacts."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Ids, Label, Msg, Pct
from dashboard.signals.model import Finding, Rule, Threshold

SQL = """
WITH needed AS (
  SELECT contact_id, contact_date, referral_made,
         unnest(list_distinct(referral_needed)) AS service_type
  FROM sig_referrals WHERE age_days < $window_days
)
SELECT service_type AS subject_id, count(*) AS n,
       count(*) FILTER (WHERE list_contains(referral_made, service_type)) AS referred,
       list_sort(list(contact_id)) AS contact_ids,
       min(contact_date) AS first_date
FROM needed
GROUP BY service_type
HAVING count(*) >= $contacts_min
   AND count(*) FILTER (WHERE list_contains(referral_made, service_type))
       < $referred_share * count(*)
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    n, referred, days = row["n"], row["referred"], limits["window_days"]
    contacts = list(row["contact_ids"])
    share = referred / n
    params = {
        "service": Label("service", row["subject_id"]),
        "n": n,
        "days": days,
        "referred": referred,
        "share": Pct(share),
        "contacts": Ids(contacts),
    }
    return Finding(
        severity="high",
        value=round(share, 2),
        threshold=limits["referred_share"],
        message=Msg("signal.N-UNMET.message", params),
        measure=Msg(
            "signal.N-UNMET.measure",
            {"value": Pct(share), "threshold": Pct(limits["referred_share"])},
        ),
        evidence={"contact_ids": contacts},
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="N-UNMET",
    action="networking",
    subject_type="service",
    sql=SQL,
    explain=explain,
    contacts="sig_referrals",
    thresholds=(
        Threshold("window_days", 90, 7, 365, "days"),
        Threshold("contacts_min", 3, 1, 100),
        Threshold("referred_share", 0.5, 0.05, 1),
    ),
)
