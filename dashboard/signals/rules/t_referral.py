"""T-REFERRAL: contacts kept needing a referral the supporter did not make, and no referral
training."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import ids, labels

# "Made none of them": no contact in the window had a needed service type among its referrals.
# Supporters with a valid referral training are dropped first (NOT IN: an uncorrelated anti
# join, much cheaper here than NOT EXISTS); GROUP BY keeps one row per contact.
SQL = """
WITH needed AS (
  SELECT r.supporter_id, r.contact_id, r.contact_date,
         any_value(r.referral_needed) AS referral_needed,
         bool_or(coalesce(list_has_any(r.referral_needed, r.referral_made), false)) AS made
  FROM sig_referrals r
  WHERE r.age_days < $window_days AND r.supporter_id IN (SELECT supporter_id FROM sig_members)
    AND r.supporter_id NOT IN (SELECT supporter_id FROM sig_trainings
                               WHERE training = 'referral_knowledge' AND is_valid
                                 AND supporter_id IS NOT NULL)
  GROUP BY r.supporter_id, r.contact_id, r.contact_date
)
SELECT supporter_id AS subject_id, count(*) AS n,
       list_sort(list(contact_id)) AS contact_ids,
       list_sort(list_distinct(flatten(list(referral_needed)))) AS services,
       min(contact_date) AS first_date
FROM needed n
GROUP BY supporter_id
HAVING count(*) >= $contacts_min AND NOT bool_or(made)
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    n, days, contacts = row["n"], t["window_days"], list(row["contact_ids"])
    return Finding(
        severity="low",
        value=n,
        threshold=t["contacts_min"],
        message=f"{n} contacts in the last {days} days needed a referral "
        f"({labels(row['services'])}; {ids(contacts)}), none was made, and there is no "
        "referral knowledge training",
        message_de=f"{n} Kontakte in den letzten {days} Tagen brauchten einen Verweis "
        f"({labels(row['services'], 'de')}; {ids(contacts, lang='de')}), keiner wurde "
        "gemacht, und es fehlt eine Schulung in Verweiswissen",
        evidence={"contact_ids": contacts},
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="T-REFERRAL",
    action="training",
    subject_type="supporter",
    title="Referrals needed but not made",
    title_de="Verweise nötig, aber nicht gemacht",
    reason="Supporters must know where professional help is.",
    reason_de="Unterstützende müssen wissen, wo es professionelle Hilfe gibt.",
    sql=SQL,
    explain=explain,
    contacts="sig_referrals",
    thresholds=(
        Threshold(
            "window_days",
            90,
            "Days of contacts checked for needed referrals.",
            "Tage, deren Kontakte auf nötige Verweise geprüft werden.",
            7,
            365,
            "days",
        ),
        Threshold(
            "contacts_min",
            3,
            "Fires from this many contacts needing a referral, none of them made.",
            "Meldet ab so vielen Kontakten mit nötigem Verweis, von denen keiner gemacht wurde.",
            1,
            100,
        ),
    ),
)
