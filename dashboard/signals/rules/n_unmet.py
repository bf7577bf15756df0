"""N-UNMET: a service type was needed often but referred in under half of the contacts."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import cap, ids, label, pct

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


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    n, referred, days = row["n"], row["referred"], t["window_days"]
    service, contacts = row["subject_id"], list(row["contact_ids"])
    share = referred / n
    return Finding(
        severity="high",
        value=round(share, 2),
        threshold=t["referred_share"],
        message=f"{cap(label(service))} was needed in {n} contacts in the last {days} "
        f"days but referred in only {referred} ({pct(share)}; {ids(contacts)})",
        message_de=f"{label(service, 'de')} wurde in den letzten {days} Tagen in {n} Kontakten "
        f"gebraucht, aber nur in {referred} vermittelt ({pct(share, 'de')}; "
        f"{ids(contacts, lang='de')})",
        evidence={"contact_ids": contacts},
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="N-UNMET",
    action="networking",
    subject_type="service",
    title="Needed help not referred",
    title_de="Benötigte Hilfe nicht vermittelt",
    reason="Professional offers must exist to consult when needed.",
    reason_de="Professionelle Angebote müssen da sein, wenn sie gebraucht werden.",
    sql=SQL,
    explain=explain,
    contacts="sig_referrals",
    thresholds=(
        Threshold(
            "window_days",
            90,
            "Days of contacts counted.",
            "Tage, deren Kontakte gezählt werden.",
            7,
            365,
            "days",
        ),
        Threshold(
            "contacts_min",
            3,
            "Only service types needed in at least this many contacts are checked.",
            "Nur Angebotsarten, die in mindestens so vielen Kontakten gebraucht wurden, "
            "werden geprüft.",
            1,
            100,
        ),
        Threshold(
            "referred_share",
            0.5,
            "Fires when the share of those contacts with a referral is below this.",
            "Meldet, wenn der Anteil dieser Kontakte mit Vermittlung darunter liegt.",
            0.05,
            1,
        ),
    ),
)
