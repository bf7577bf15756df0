"""S-DEPENDENCY: a match with very frequent or out-of-hours contact, a dependent seeker reported
in the latest check-in, or an unresolved dependency incident."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Clauses, Ids, Msg, Num, Pct
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import iso

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


def _match_clause(m: Mapping[str, Any], days: int) -> Msg:
    params = {"match": m["match_id"], "n": m["n"], "days": days, "weekly": Num(m["n"] * 7 / days)}
    if not m["outside"]:
        return Msg("signal.S-DEPENDENCY.match", params)
    share = Pct(m["n_outside"] / m["n"])
    return Msg(
        "signal.S-DEPENDENCY.match_outside", {**params, "outside": m["n_outside"], "share": share}
    )


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    days = limits["window_days"]
    matches = list(row["matches"] or [])
    clauses = [_match_clause(m, days) for m in matches]
    evidence: dict[str, list[str]] = {}
    if matches:
        evidence["match_ids"] = [m["match_id"] for m in matches]
        evidence["contact_ids"] = list(row["contact_ids"])
    if row["seeker_dependency"] is not None:
        clauses.append(
            Msg(
                "signal.S-DEPENDENCY.checkin",
                {
                    "date": row["checkin_date"],
                    "value": row["seeker_dependency"],
                    "min": limits["seeker_dependency_min"],
                },
            )
        )
        evidence["checkin_dates"] = iso([row["checkin_date"]])
    if row["incident_ids"]:
        incidents = list(row["incident_ids"])
        clauses.append(
            Msg("signal.S-DEPENDENCY.incidents", {"n": len(incidents), "incidents": Ids(incidents)})
        )
        evidence["incident_ids"] = incidents
    value, threshold, measure = _value(row, matches, limits)
    dates = [row["first_date"], row["checkin_date"], row["incident_date"]]
    return Finding(
        severity="medium",
        value=value,
        threshold=threshold,
        message=Msg("signal.S-DEPENDENCY.message", {"clauses": Clauses(clauses)}),
        measure=measure,
        evidence=evidence,
        since=min((d for d in dates if d is not None), default=None),
        window_days=days if matches else None,
    )


def _value(
    row: Mapping[str, Any], matches: list[Any], limits: Mapping[str, Any]
) -> tuple[Any, Any, Msg]:
    """Returns the measured value, its threshold and the two as a phrase: contacts a week of the
    busiest match, else the out-of-hours share, else the dependency score, else open incidents."""
    frequent = [m for m in matches if m["frequent"]]
    if frequent:
        weekly, line = (
            max(m["n"] for m in frequent) * 7 / limits["window_days"],
            limits["contacts_per_week"],
        )
        phrase = {"value": Num(weekly), "threshold": Num(line)}
        return round(weekly, 2), line, Msg("signal.S-DEPENDENCY.measure_weekly", phrase)
    if matches:
        share, line = max(m["n_outside"] / m["n"] for m in matches), limits["outside_share"]
        phrase = {"value": Pct(share), "threshold": Pct(line)}
        return round(share, 2), line, Msg("signal.S-DEPENDENCY.measure_outside", phrase)
    if row["seeker_dependency"] is not None:
        score, line = row["seeker_dependency"], limits["seeker_dependency_min"]
        phrase = {"value": score, "threshold": line}
        return score, line, Msg("signal.S-DEPENDENCY.measure_score", phrase)
    n = len(row["incident_ids"])
    return n, 1, Msg("signal.S-DEPENDENCY.measure_incidents", {"n": n})


RULE = Rule(
    id="S-DEPENDENCY",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    contacts="sig_contacts",
    thresholds=(
        Threshold("window_days", 28, 7, 365, "days"),
        Threshold("contacts_per_week", 3.0, 0.5, 50),
        Threshold("outside_min_contacts", 4, 1, 100),
        Threshold("outside_share", 0.5, 0.05, 1),
        Threshold("seeker_dependency_min", 4, 1, 5),
    ),
)
