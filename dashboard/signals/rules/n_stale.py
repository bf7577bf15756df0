"""N-STALE: a service the program needed lately has not met the program for a long time."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Items, Label, Msg
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import days_since

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


def _service(s: Mapping[str, Any], as_of: date) -> Msg:
    if s["last"] is None:
        return Msg("signal.N-STALE.service_never", {"service": s["service_id"]})
    ago = (as_of - s["last"]).days
    return Msg("signal.N-STALE.service", {"service": s["service_id"], "date": s["last"], "n": ago})


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    services, stale = list(row["services"]), limits["stale_days"]
    days = limits["window_days"]
    value = None if row["any_never"] else row["oldest_days"]
    params = {
        "service": Label("service", row["subject_id"]),
        "days": days,
        "stale": stale,
        "services": Items([_service(s, as_of) for s in services]),
    }
    return Finding(
        severity="low",
        value=value,
        threshold=stale,
        message=Msg("signal.N-STALE.message", params),
        measure=days_since(value, stale),
        evidence={"service_ids": [s["service_id"] for s in services]},
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="N-STALE",
    action="networking",
    subject_type="service",
    sql=SQL,
    explain=explain,
    contacts="sig_referrals",
    thresholds=(
        Threshold("window_days", 90, 7, 365, "days"),
        Threshold("stale_days", 180, 7, 1095, "days"),
    ),
)
