"""S-BOUNDARY: saying no or keeping roles apart is hard, or contacts happen as friends."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n import N_
from dashboard.i18n.message import Clauses, Ids, Items, Msg
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import iso, scale

SQL = """
WITH pulse AS (
  SELECT supporter_id, checkin_date, can_say_no, role_clarity FROM sig_checkins
  WHERE rn = 1 AND (can_say_no <= $can_say_no_max OR role_clarity <= $role_clarity_max)
), private AS (
  SELECT c.supporter_id, list_sort(list(c.contact_id)) AS contact_ids,
         min(c.contact_date) AS first_date
  FROM sig_contacts c JOIN sig_members USING (supporter_id)
  WHERE c.age_days < $window_days AND c.private
  GROUP BY c.supporter_id
  HAVING count(*) >= $private_contacts_min
)
SELECT coalesce(pulse.supporter_id, private.supporter_id) AS subject_id,
       pulse.checkin_date, pulse.can_say_no, pulse.role_clarity,
       private.contact_ids, private.first_date
FROM pulse FULL JOIN private ON private.supporter_id = pulse.supporter_id
"""


def _pulse(row: Mapping[str, Any], limits: Mapping[str, Any]) -> Msg:
    """Returns the check-in clause naming each measure at or below its threshold."""
    scores = [
        Msg(message_id, {"value": row[name], "max": limit})
        for name, message_id, limit in (
            ("can_say_no", N_("signal.S-BOUNDARY.can_say_no"), limits["can_say_no_max"]),
            ("role_clarity", N_("signal.S-BOUNDARY.role_clarity"), limits["role_clarity_max"]),
        )
        if row[name] is not None and row[name] <= limit
    ]
    return Msg("signal.S-BOUNDARY.checkin", {"date": row["checkin_date"], "scores": Items(scores)})


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    clauses, evidence = [], {}
    days = limits["window_days"]
    if row["checkin_date"] is not None:
        clauses.append(_pulse(row, limits))
        evidence["checkin_dates"] = iso([row["checkin_date"]])
    contacts = list(row["contact_ids"] or [])
    if contacts:
        clauses.append(
            Msg(
                "signal.S-BOUNDARY.private",
                {"n": len(contacts), "days": days, "contacts": Ids(contacts)},
            )
        )
        evidence["contact_ids"] = contacts
    value, threshold, measure = _value(row, contacts, limits)
    dates = [d for d in (row["checkin_date"], row["first_date"]) if d is not None]
    return Finding(
        severity="medium",
        value=value,
        threshold=threshold,
        message=Msg("signal.S-BOUNDARY.message", {"clauses": Clauses(clauses)}),
        measure=measure,
        evidence=evidence,
        since=min(dates),
        window_days=days if contacts else None,
    )


def _value(
    row: Mapping[str, Any], contacts: list[str], limits: Mapping[str, Any]
) -> tuple[Any, Any, Msg]:
    """Returns the first condition that fired as (value, threshold, the two as a phrase)."""
    for name in ("can_say_no", "role_clarity"):
        limit = limits[f"{name}_max"]
        if row[name] is not None and row[name] <= limit:
            return row[name], limit, scale(name, row[name], limit, at_least=False)
    n, line = len(contacts), limits["private_contacts_min"]
    return n, line, Msg("signal.S-BOUNDARY.measure_private", {"n": n, "threshold": line})


RULE = Rule(
    id="S-BOUNDARY",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    contacts="sig_contacts",
    thresholds=(
        Threshold("can_say_no_max", 2, 1, 5),
        Threshold("role_clarity_max", 2, 1, 5),
        Threshold("window_days", 28, 7, 365, "days"),
        Threshold("private_contacts_min", 2, 1, 100),
    ),
)
