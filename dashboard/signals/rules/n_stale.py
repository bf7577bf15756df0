"""N-STALE: a service the program needed lately has not met the program for a long time."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import cap, day, join, label

SQL = """
WITH needed AS (
  SELECT DISTINCT unnest(referral_needed) AS service_type
  FROM sig_referrals WHERE age_days < $window_days
)
SELECT s.service_type AS subject_id,
       list({'service_id': s.service_id, 'last': s.last_network_contact}
            ORDER BY s.last_network_contact NULLS FIRST, s.service_id) AS services,
       bool_or(s.last_network_contact IS NULL) AS any_never,
       max($as_of - s.last_network_contact) AS oldest_days,
       min(s.last_network_contact) AS first_date
FROM sig_services s JOIN needed USING (service_type)
WHERE s.last_network_contact IS NULL OR $as_of - s.last_network_contact > $stale_days
GROUP BY s.service_type
"""


def _service(s: Mapping[str, Any], as_of: date, lang: str) -> str:
    if s["last"] is None:
        return f"{s['service_id']} ({'nie' if lang == 'de' else 'never'})"
    ago = (as_of - s["last"]).days
    if lang == "de":
        return f"{s['service_id']} (zuletzt am {day(s['last'], 'de')}, vor {ago} Tagen)"
    return f"{s['service_id']} (last on {day(s['last'])}, {ago} days ago)"


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    services, stale = list(row["services"]), t["stale_days"]
    service, days = row["subject_id"], t["window_days"]
    return Finding(
        severity="low",
        value=None if row["any_never"] else row["oldest_days"],
        threshold=stale,
        message=f"{cap(label(service))} was needed in the last {days} days, but the program has "
        f"not met this service for more than {stale} days: "
        f"{join([_service(s, as_of, 'en') for s in services])}",
        message_de=f"{cap(label(service, 'de'))} wurde in den letzten {days} Tagen gebraucht, "
        f"aber seit mehr als {stale} Tagen gab es keinen Austausch mit: "
        f"{join([_service(s, as_of, 'de') for s in services], 'de')}",
        evidence={"service_ids": [s["service_id"] for s in services]},
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="N-STALE",
    action="networking",
    subject_type="service",
    title="Network contact gone stale",
    title_de="Kontakt zum Netzwerk eingeschlafen",
    reason="Professionals should network with peer supporters and self-help groups.",
    reason_de="Fachkräfte sollten sich mit Peer-Unterstützenden und Selbsthilfegruppen vernetzen.",
    sql=SQL,
    explain=explain,
    contacts="sig_referrals",
    thresholds=(
        Threshold(
            "window_days",
            90,
            "Days of contacts checked for needed service types.",
            "Tage, deren Kontakte auf benötigte Angebotsarten geprüft werden.",
            7,
            365,
            "days",
        ),
        Threshold(
            "stale_days",
            180,
            "Fires when the last network contact with such a service is older than this "
            "many days (or missing).",
            "Meldet, wenn der letzte Austausch mit einem solchen Angebot älter als so "
            "viele Tage ist (oder fehlt).",
            7,
            1095,
            "days",
        ),
    ),
)
