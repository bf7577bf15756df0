"""S-TRIGGER: a recent contact touches a declared trigger topic, or the supporter felt triggered."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import day, ids, iso, labels, plural, sentence

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


def _kind(topics: list[str], lang: str) -> str:
    one = len(topics) == 1
    if lang == "de":
        return "als belastend angegebenes Thema" if one else "als belastend angegebene Themen"
    return "a declared trigger topic" if one else "declared trigger topics"


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    en, de, evidence = [], [], {}
    contacts = list(row["contact_ids"] or [])
    days = t["window_days"]
    if contacts:
        n = len(contacts)
        en.append(
            f"{plural(n, 'contact', 'contacts')} in the last {days} days touched "
            f"{labels(row['topics'])} ({_kind(row['topics'], 'en')}; {ids(contacts)})"
        )
        de.append(
            f"{plural(n, 'Kontakt', 'Kontakte')} in den letzten {days} Tagen "
            f"{'berührte' if n == 1 else 'berührten'} {labels(row['topics'], 'de')} "
            f"({_kind(row['topics'], 'de')}; {ids(contacts, lang='de')})"
        )
        evidence["contact_ids"] = contacts
    if row["felt_triggered"] is not None:
        en.append(
            f"latest check-in ({day(row['checkin_date'])}): felt triggered "
            f"{row['felt_triggered']} of 5 (signal at {t['felt_triggered_min']} or more)"
        )
        de.append(
            f"letzte Selbstreflexion ({day(row['checkin_date'], 'de')}): getriggert "
            f"{row['felt_triggered']} von 5 (Signal ab {t['felt_triggered_min']})"
        )
        evidence["checkin_dates"] = iso([row["checkin_date"]])
    dates = [d for d in (row["first_date"], row["checkin_date"]) if d is not None]
    return Finding(
        severity="medium",
        value=len(contacts) if contacts else row["felt_triggered"],
        threshold=1 if contacts else t["felt_triggered_min"],
        message=sentence(en),
        message_de=sentence(de),
        evidence=evidence,
        since=min(dates),
        window_days=days if contacts else None,
    )


RULE = Rule(
    id="S-TRIGGER",
    action="supervision",
    subject_type="supporter",
    title="Own distressing experiences touched",
    title_de="Eigene belastende Erfahrungen berührt",
    reason="Similar stories recall the supporter's own distressing experiences.",
    reason_de="Ähnliche Geschichten rufen eigene belastende Erfahrungen wach.",
    sql=SQL,
    explain=explain,
    contacts="sig_triggers",
    thresholds=(
        Threshold(
            "window_days",
            28,
            "Days of contacts checked for trigger topics.",
            "Tage, deren Kontakte auf belastende Themen geprüft werden.",
            7,
            365,
            "days",
        ),
        Threshold(
            "felt_triggered_min",
            4,
            "Fires when the latest check-in's 'felt triggered' (1-5) is at least this.",
            "Meldet, wenn 'getriggert' (1-5) der letzten Selbstreflexion mindestens so hoch ist.",
            1,
            5,
        ),
    ),
)
