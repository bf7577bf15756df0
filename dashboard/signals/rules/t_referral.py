"""T-REFERRAL: contacts kept needing a referral the supporter did not make, and no referral
training."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Ids, Labels, Msg
from dashboard.signals.model import Finding, Rule, Threshold

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


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    n, days, contacts = row["n"], limits["window_days"], list(row["contact_ids"])
    params = {
        "n": n,
        "days": days,
        "services": Labels("service", list(row["services"])),
        "contacts": Ids(contacts),
    }
    return Finding(
        severity="low",
        value=n,
        threshold=limits["contacts_min"],
        message=Msg("signal.T-REFERRAL.message", params),
        measure=Msg("signal.T-REFERRAL.measure", {"n": n, "threshold": limits["contacts_min"]}),
        evidence={"contact_ids": contacts},
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="T-REFERRAL",
    action="training",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    contacts="sig_referrals",
    thresholds=(
        Threshold("window_days", 90, 7, 365, "days"),
        Threshold("contacts_min", 3, 1, 100),
    ),
)
