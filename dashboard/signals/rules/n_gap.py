"""N-GAP: a service type needed in a contact language has no suitable service in the network."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Ids, Label, Language, Msg
from dashboard.signals.model import Finding, Rule, Threshold

# Suitable = that service type, LGBTIQ*-affirming, accepting referrals, speaking the language.
# Contacts without a language name no language to check and are left out.
SQL = """
WITH needed AS (
  SELECT contact_id, contact_date, language,
         unnest(list_distinct(referral_needed)) AS service_type
  FROM sig_referrals WHERE age_days < $window_days AND language IS NOT NULL
), suitable AS (
  SELECT DISTINCT service_type, unnest(languages) AS language FROM sig_services
  WHERE lgbtiq_affirming AND accepts_referrals
)
SELECT n.service_type || '/' || n.language AS subject_id, n.service_type, n.language,
       count(*) AS n, list_sort(list(n.contact_id)) AS contact_ids,
       min(n.contact_date) AS first_date
FROM needed n ANTI JOIN suitable s ON s.service_type = n.service_type AND s.language = n.language
GROUP BY n.service_type, n.language
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    n, days = row["n"], limits["window_days"]
    contacts = list(row["contact_ids"])
    params = {
        "service": Label("service", row["service_type"]),
        "n": n,
        "language": Language(row["language"]),
        "days": days,
        "contacts": Ids(contacts),
    }
    return Finding(
        severity="high",
        value=n,
        threshold=1,
        message=Msg("signal.N-GAP.message", params),
        measure=Msg("signal.N-GAP.measure", {"n": n}),
        evidence={"contact_ids": contacts},
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="N-GAP",
    action="networking",
    subject_type="service",
    sql=SQL,
    explain=explain,
    contacts="sig_referrals",
    thresholds=(Threshold("window_days", 90, 7, 365, "days"),),
)
