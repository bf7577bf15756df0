"""N-GAP: a service type needed in a contact language has no suitable service in the network."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import cap, ids, label, language, plural

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


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    n, days, lang = row["n"], t["window_days"], row["language"]
    contacts = list(row["contact_ids"])
    return Finding(
        severity="high",
        value=n,
        threshold=1,
        message=f"{cap(label(row['service_type']))} was needed in "
        f"{plural(n, 'contact', 'contacts')} in {language(lang)} in the last {days} days "
        f"({ids(contacts)}), but the network has no LGBTIQ*-affirming service of this kind "
        f"that accepts referrals and speaks {language(lang)}",
        message_de=f"{cap(label(row['service_type'], 'de'))} wurde in den letzten {days} Tagen "
        f"in {plural(n, 'Kontakt', 'Kontakten')} auf {language(lang, 'de')} gebraucht "
        f"({ids(contacts, lang='de')}), aber das Netzwerk hat kein LGBTIQ*-freundliches Angebot "
        f"dieser Art, das Verweise annimmt und {language(lang, 'de')} spricht",
        evidence={"contact_ids": contacts},
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="N-GAP",
    action="networking",
    subject_type="service",
    title="No suitable service for a language",
    title_de="Kein passendes Angebot in einer Sprache",
    reason="Professional offers must exist to consult when needed — affirming, open to "
    "referrals and in the seeker's language.",
    reason_de="Professionelle Angebote müssen da sein, wenn sie gebraucht werden — "
    "queerfreundlich, offen für Verweise und in der Sprache der suchenden Person.",
    sql=SQL,
    explain=explain,
    contacts="sig_referrals",
    thresholds=(
        Threshold(
            "window_days",
            90,
            "Days of contacts checked for needed services.",
            "Tage, deren Kontakte auf benötigte Angebote geprüft werden.",
            7,
            365,
            "days",
        ),
    ),
)
