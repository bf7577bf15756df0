"""S-NO-GOAL: an open match running for a while without an agreed goal or agreed scope."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import cap, day, join

SQL = """
SELECT mt.supporter_id AS subject_id,
       -- list_sort orders the structs by their first fields: start date, then match id
       list_sort(list({'started_on': mt.started_on, 'match_id': mt.match_id,
                       'age': $as_of - mt.started_on,
                       'no_goal': mt.goal IS NULL OR mt.goal = 'none',
                       'no_scope': coalesce(NOT mt.scope_agreed, false)})) AS matches,
       max($as_of - mt.started_on) AS oldest,
       min(mt.started_on) AS first_start
FROM sig_matches mt JOIN sig_members USING (supporter_id)
WHERE mt.is_open AND $as_of - mt.started_on > $match_age_days
  AND (mt.goal IS NULL OR mt.goal = 'none' OR NOT mt.scope_agreed)
GROUP BY mt.supporter_id
"""


def _clause(m: Mapping[str, Any], lang: str) -> str:
    missing_en = join(
        [
            w
            for w, on in (("no agreed goal", m["no_goal"]), ("no agreed scope", m["no_scope"]))
            if on
        ]
    )
    missing_de = join(
        [
            w
            for w, on in (
                ("ohne vereinbartes Ziel", m["no_goal"]),
                ("ohne vereinbarten Rahmen", m["no_scope"]),
            )
            if on
        ],
        "de",
    )
    if lang == "de":
        return (
            f"Begleitung {m['match_id']} läuft seit {m['age']} Tagen "
            f"({day(m['started_on'], 'de')}) {missing_de}"
        )
    return (
        f"match {m['match_id']} open for {m['age']} days (since {day(m['started_on'])}) "
        f"with {missing_en}"
    )


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    matches = list(row["matches"])
    en = "; ".join(_clause(m, "en") for m in matches)
    de = "; ".join(_clause(m, "de") for m in matches)
    return Finding(
        severity="low",
        value=row["oldest"],
        threshold=t["match_age_days"],
        message=cap(en) + f" (signal after {t['match_age_days']} days)",
        message_de=de + f" (Signal nach {t['match_age_days']} Tagen)",
        evidence={"match_ids": [m["match_id"] for m in matches]},
        since=row["first_start"],
        window_days=t["match_age_days"],
    )


RULE = Rule(
    id="S-NO-GOAL",
    action="supervision",
    subject_type="supporter",
    title="Support without goal or agreed scope",
    title_de="Begleitung ohne Ziel oder vereinbarten Rahmen",
    reason="Support without a plan, a goal or a clear offer.",
    reason_de="Unterstützung ohne Plan, Ziel oder klares Angebot.",
    sql=SQL,
    explain=explain,
    thresholds=(
        Threshold(
            "match_age_days",
            56,
            "Fires for open matches older than this many days without goal or scope.",
            "Meldet offene Begleitungen, die älter als so viele Tage sind und kein Ziel "
            "oder keinen vereinbarten Rahmen haben.",
            7,
            730,
            "days",
        ),
    ),
)
