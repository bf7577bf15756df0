"""S-DEPENDENCY: a match with very frequent or out-of-hours contact, a dependent seeker reported
in the latest check-in, or an unresolved dependency incident."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import day, ids, iso, num, pct, sentence

SQL = """
WITH per_match AS (
  SELECT c.supporter_id, c.match_id, count(*) AS n, count(*) FILTER (WHERE c.outside) AS n_outside,
         min(c.contact_date) AS first_date
  FROM sig_contacts c
  WHERE c.age_days < $window_days
  GROUP BY c.supporter_id, c.match_id
), flagged AS (
  SELECT p.*, n * 7 >= $contacts_per_week * $window_days AS frequent,
         n >= $outside_min_contacts AND n_outside >= $outside_share * n AS out_of_hours
  FROM per_match p
  WHERE (n * 7 >= $contacts_per_week * $window_days
         OR (n >= $outside_min_contacts AND n_outside >= $outside_share * n))
    AND supporter_id IN (SELECT supporter_id FROM sig_members)
), busy AS (
  -- evidence only for the matches that qualify
  SELECT f.supporter_id,
         list_sort(list({'match_id': f.match_id, 'n': f.n, 'n_outside': f.n_outside,
                         'frequent': f.frequent, 'outside': f.out_of_hours})) AS matches,
         min(f.first_date) AS first_date
  FROM flagged f
  GROUP BY f.supporter_id
), busy_ids AS (
  SELECT f.supporter_id, list_sort(list(c.contact_id)) AS contact_ids
  FROM flagged f JOIN sig_contacts c ON c.match_id = f.match_id AND c.age_days < $window_days
  GROUP BY f.supporter_id
), pulse AS (
  SELECT supporter_id, checkin_date, seeker_dependency FROM sig_checkins
  WHERE rn = 1 AND seeker_dependency >= $seeker_dependency_min
), inc AS (
  SELECT i.supporter_id, list(i.incident_id ORDER BY i.incident_date, i.incident_id) AS ids,
         min(i.incident_date) AS first_date
  FROM sig_incidents i JOIN sig_members USING (supporter_id)
  WHERE i.type = 'dependency' AND i.is_open
  GROUP BY i.supporter_id
), subjects AS (
  SELECT supporter_id FROM busy UNION SELECT supporter_id FROM pulse
  UNION SELECT supporter_id FROM inc
)
SELECT s.supporter_id AS subject_id, busy.matches, busy_ids.contact_ids, busy.first_date,
       pulse.checkin_date, pulse.seeker_dependency, inc.ids AS incident_ids,
       inc.first_date AS incident_date
FROM subjects s
LEFT JOIN busy USING (supporter_id) LEFT JOIN busy_ids USING (supporter_id)
LEFT JOIN pulse USING (supporter_id) LEFT JOIN inc USING (supporter_id)
"""


def _match_clause(m: Mapping[str, Any], days: int, lang: str) -> str:
    weekly = num(m["n"] * 7 / days, lang, 2)
    if lang == "de":
        parts = [
            f"Begleitung {m['match_id']}: {m['n']} Kontakte in {days} Tagen (≈ {weekly} pro Woche)"
        ]
        if m["outside"]:
            parts.append(
                f"{m['n_outside']} davon außerhalb der vereinbarten Zeiten "
                f"({pct(m['n_outside'] / m['n'], 'de')})"
            )
        return ", ".join(parts)
    parts = [f"match {m['match_id']}: {m['n']} contacts in {days} days (≈ {weekly} a week)"]
    if m["outside"]:
        parts.append(
            f"{m['n_outside']} of them outside agreed hours ({pct(m['n_outside'] / m['n'])})"
        )
    return ", ".join(parts)


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    days = t["window_days"]
    matches = list(row["matches"] or [])
    en = [_match_clause(m, days, "en") for m in matches]
    de = [_match_clause(m, days, "de") for m in matches]
    evidence: dict[str, list[str]] = {}
    if matches:
        evidence["match_ids"] = [m["match_id"] for m in matches]
        evidence["contact_ids"] = list(row["contact_ids"])
    if row["seeker_dependency"] is not None:
        en.append(
            f"latest check-in ({day(row['checkin_date'])}): seeker dependency "
            f"{row['seeker_dependency']} of 5 "
            f"(signal at {t['seeker_dependency_min']} or more)"
        )
        de.append(
            f"letzte Selbstreflexion ({day(row['checkin_date'], 'de')}): Abhängigkeit "
            f"der begleiteten Person {row['seeker_dependency']} von 5 "
            f"(Signal ab {t['seeker_dependency_min']})"
        )
        evidence["checkin_dates"] = iso([row["checkin_date"]])
    if row["incident_ids"]:
        incidents = list(row["incident_ids"])
        en.append(f"unresolved dependency incident {ids(incidents)}")
        de.append(f"ungelöster Abhängigkeits-Vorfall {ids(incidents, lang='de')}")
        evidence["incident_ids"] = incidents
    value, threshold = _value(row, matches, t)
    dates = [row["first_date"], row["checkin_date"], row["incident_date"]]
    return Finding(
        severity="medium",
        value=value,
        threshold=threshold,
        message=sentence(en),
        message_de=sentence(de),
        evidence=evidence,
        since=min((d for d in dates if d is not None), default=None),
        window_days=days if matches else None,
    )


def _value(row: Mapping[str, Any], matches: list[Any], t: Mapping[str, Any]) -> tuple[Any, Any]:
    """Returns the measured value shown with the threshold: contacts a week of the busiest
    match, else the dependency score, else the number of open incidents."""
    frequent = [m for m in matches if m["frequent"]]
    if frequent:
        return round(max(m["n"] for m in frequent) * 7 / t["window_days"], 2), t[
            "contacts_per_week"
        ]
    if matches:
        return round(max(m["n_outside"] / m["n"] for m in matches), 2), t["outside_share"]
    if row["seeker_dependency"] is not None:
        return row["seeker_dependency"], t["seeker_dependency_min"]
    return len(row["incident_ids"]), 1


RULE = Rule(
    id="S-DEPENDENCY",
    action="supervision",
    subject_type="supporter",
    title="Signs of dependency",
    title_de="Anzeichen von Abhängigkeit",
    reason="Close relationships create dependency and over-demand.",
    reason_de="Nähe schafft Abhängigkeit und Überforderung.",
    sql=SQL,
    explain=explain,
    contacts="sig_contacts",
    thresholds=(
        Threshold(
            "window_days",
            28,
            "Days of contacts counted per match.",
            "Tage, deren Kontakte je Begleitung gezählt werden.",
            7,
            365,
            "days",
        ),
        Threshold(
            "contacts_per_week",
            3.0,
            "Fires when a match averages at least this many contacts a week.",
            "Meldet, wenn eine Begleitung im Schnitt mindestens so viele Kontakte pro Woche hat.",
            0.5,
            50,
        ),
        Threshold(
            "outside_min_contacts",
            4,
            "Out-of-hours check only for matches with at least this many contacts.",
            "Prüfung außerhalb vereinbarter Zeiten nur für Begleitungen mit mindestens "
            "so vielen Kontakten.",
            1,
            100,
        ),
        Threshold(
            "outside_share",
            0.5,
            "Fires when at least this share of a match's contacts were outside agreed hours.",
            "Meldet, wenn mindestens dieser Anteil der Kontakte einer Begleitung außerhalb "
            "vereinbarter Zeiten lag.",
            0.05,
            1,
        ),
        Threshold(
            "seeker_dependency_min",
            4,
            "Fires when the latest check-in's 'seeker depends on me' (1-5) is at least this.",
            "Meldet, wenn 'begleitete Person ist von mir abhängig' (1-5) der letzten "
            "Selbstreflexion mindestens so hoch ist.",
            1,
            5,
        ),
    ),
)
