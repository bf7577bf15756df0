"""S-BOUNDARY: saying no or keeping roles apart is hard, or contacts happen as friends."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import day, ids, iso, sentence

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


def _pulse(row: Mapping[str, Any], t: Mapping[str, Any], lang: str) -> str:
    """Returns the check-in clause naming each measure at or below its threshold."""
    en, de = [], []
    for name, label_en, label_de, limit in (
        ("can_say_no", "can say no", "kann Nein sagen", t["can_say_no_max"]),
        ("role_clarity", "role clarity", "Rollenklarheit", t["role_clarity_max"]),
    ):
        if row[name] is not None and row[name] <= limit:
            en.append(f"{label_en} {row[name]} of 5 (signal at {limit} or less)")
            de.append(f"{label_de} {row[name]} von 5 (Signal bis {limit})")
    if lang == "de":
        return f"letzte Selbstreflexion ({day(row['checkin_date'], 'de')}): {', '.join(de)}"
    return f"latest check-in ({day(row['checkin_date'])}): {', '.join(en)}"


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    en, de, evidence = [], [], {}
    days = t["window_days"]
    if row["checkin_date"] is not None:
        en.append(_pulse(row, t, "en"))
        de.append(_pulse(row, t, "de"))
        evidence["checkin_dates"] = iso([row["checkin_date"]])
    contacts = list(row["contact_ids"] or [])
    if contacts:
        en.append(
            f"{len(contacts)} contacts in a private setting in the last {days} days "
            f"({ids(contacts)})"
        )
        de.append(
            f"{len(contacts)} Kontakte im privaten Rahmen in den letzten {days} Tagen "
            f"({ids(contacts, lang='de')})"
        )
        evidence["contact_ids"] = contacts
    value, threshold = _value(row, contacts, t)
    dates = [d for d in (row["checkin_date"], row["first_date"]) if d is not None]
    return Finding(
        severity="medium",
        value=value,
        threshold=threshold,
        message=sentence(en),
        message_de=sentence(de),
        evidence=evidence,
        since=min(dates),
        window_days=days if contacts else None,
    )


def _value(row: Mapping[str, Any], contacts: list[str], t: Mapping[str, Any]) -> tuple[Any, Any]:
    """Returns the first condition that fired as (value, threshold)."""
    if row["can_say_no"] is not None and row["can_say_no"] <= t["can_say_no_max"]:
        return row["can_say_no"], t["can_say_no_max"]
    if row["role_clarity"] is not None and row["role_clarity"] <= t["role_clarity_max"]:
        return row["role_clarity"], t["role_clarity_max"]
    return len(contacts), t["private_contacts_min"]


RULE = Rule(
    id="S-BOUNDARY",
    action="supervision",
    subject_type="supporter",
    title="Blurred roles, hard to say no",
    title_de="Verschwimmende Rollen, Nein sagen fällt schwer",
    reason="The roles of supporter and friend blur; saying no is hard.",
    reason_de="Die Rollen von Unterstützenden und Freund*innen verschwimmen; Nein sagen fällt "
    "schwer.",
    sql=SQL,
    explain=explain,
    contacts="sig_contacts",
    thresholds=(
        Threshold(
            "can_say_no_max",
            2,
            "Fires when the latest check-in's 'I can say no' (1-5) is at most this.",
            "Meldet, wenn 'ich kann Nein sagen' (1-5) der letzten Selbstreflexion "
            "höchstens so hoch ist.",
            1,
            5,
        ),
        Threshold(
            "role_clarity_max",
            2,
            "Fires when the latest check-in's role clarity (1-5) is at most this.",
            "Meldet, wenn die Rollenklarheit (1-5) der letzten Selbstreflexion höchstens "
            "so hoch ist.",
            1,
            5,
        ),
        Threshold(
            "window_days",
            28,
            "Days of contacts checked for private settings.",
            "Tage, deren Kontakte auf privaten Rahmen geprüft werden.",
            7,
            365,
            "days",
        ),
        Threshold(
            "private_contacts_min",
            2,
            "Fires when at least this many contacts in the window were in a private setting.",
            "Meldet, wenn mindestens so viele Kontakte im Zeitraum im privaten Rahmen stattfanden.",
            1,
            100,
        ),
    ),
)
