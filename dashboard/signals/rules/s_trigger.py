"""S-TRIGGER: a recent contact touches a declared trigger topic, or the supporter felt triggered."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Clauses, Ids, Labels, Msg
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import iso, scale

SQL = """
WITH hits AS (
  SELECT supporter_id, contact_id, contact_date, topics FROM sig_triggers
  WHERE age_days < $window_days
), per_supporter AS (
  SELECT supporter_id, list_sort(list(contact_id)) AS contact_ids,
         min(contact_date) AS first_date,
         list_sort(list_distinct(flatten(list(topics)))) AS topics
  FROM hits GROUP BY supporter_id
), felt AS (
  SELECT supporter_id, checkin_date, felt_triggered FROM sig_checkins
  WHERE rn = 1 AND felt_triggered >= $felt_triggered_min
)
SELECT coalesce(h.supporter_id, felt.supporter_id) AS subject_id,
       h.contact_ids, h.first_date, h.topics, felt.checkin_date, felt.felt_triggered
FROM per_supporter h FULL JOIN felt ON felt.supporter_id = h.supporter_id
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    clauses, evidence = [], {}
    contacts = list(row["contact_ids"] or [])
    days = limits["window_days"]
    if contacts:
        topics = list(row["topics"])
        params = {
            "n": len(contacts),
            "days": days,
            "topics": Labels("topic", topics),
            "contacts": Ids(contacts),
        }
        if len(topics) == 1:
            clauses.append(Msg("signal.S-TRIGGER.contacts_topic", params))
        else:
            clauses.append(Msg("signal.S-TRIGGER.contacts_topics", params))
        evidence["contact_ids"] = contacts
    if row["felt_triggered"] is not None:
        clauses.append(
            Msg(
                "signal.S-TRIGGER.checkin",
                {
                    "date": row["checkin_date"],
                    "value": row["felt_triggered"],
                    "min": limits["felt_triggered_min"],
                },
            )
        )
        evidence["checkin_dates"] = iso([row["checkin_date"]])
    dates = [d for d in (row["first_date"], row["checkin_date"]) if d is not None]
    if contacts:
        value, threshold = len(contacts), 1
        measure = Msg("signal.S-TRIGGER.measure_contacts", {"n": value})
    else:
        value, threshold = row["felt_triggered"], limits["felt_triggered_min"]
        measure = scale("felt_triggered", value, threshold)
    return Finding(
        severity="medium",
        value=value,
        threshold=threshold,
        message=Msg("signal.S-TRIGGER.message", {"clauses": Clauses(clauses)}),
        measure=measure,
        evidence=evidence,
        since=min(dates),
        window_days=days if contacts else None,
    )


RULE = Rule(
    id="S-TRIGGER",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    contacts="sig_triggers",
    thresholds=(
        Threshold("window_days", 28, 7, 365, "days"),
        Threshold("felt_triggered_min", 4, 1, 5),
    ),
)
