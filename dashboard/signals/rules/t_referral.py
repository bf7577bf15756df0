"""T-REFERRAL: contacts kept needing a referral the supporter did not make, and no referral
training."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import ids, labels

# "Made none of them": no contact in the window had a needed service type among its referrals.
SQL = """
WITH pairs AS (
  SELECT r.supporter_id, r.contact_id, r.contact_date, r.referral_needed, r.referral_made,
         unnest(r.referral_needed) AS need
  FROM sig_referrals r JOIN sig_members USING (supporter_id)
  WHERE r.age_days < $window_days
), needed AS (
  SELECT supporter_id, contact_id, contact_date, any_value(referral_needed) AS referral_needed,
         bool_or(coalesce(list_contains(referral_made, need), false)) AS made
  FROM pairs GROUP BY supporter_id, contact_id, contact_date
)
SELECT supporter_id AS subject_id, count(*) AS n,
       list_sort(list(contact_id)) AS contact_ids,
       list_sort(list_distinct(flatten(list(referral_needed)))) AS services,
       min(contact_date) AS first_date
FROM needed n
WHERE NOT EXISTS (SELECT 1 FROM sig_trainings t WHERE t.supporter_id = n.supporter_id
                    AND t.training = 'referral_knowledge' AND t.is_valid)
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
        Threshold("window_days", 90, "Days of contacts checked for needed referrals.",
                  "Tage, deren Kontakte auf nötige Verweise geprüft werden.", 7, 365, "days"),
        Threshold("contacts_min", 3,
                  "Fires from this many contacts needing a referral, none of them made.",
                  "Meldet ab so vielen Kontakten mit nötigem Verweis, von denen keiner gemacht "
                  "wurde.", 1, 100),
    ),
)
