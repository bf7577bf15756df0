"""S-IMBALANCE: what the supporter gets back no longer outweighs the cost."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import day, iso, sentence

SQL = """
WITH recent AS (
  SELECT supporter_id, max(rn) AS n_recent FROM sig_checkins
  WHERE rn <= $lookback_checkins GROUP BY supporter_id
), latest AS (
  SELECT supporter_id, checkin_date, benefit, stress FROM sig_checkins WHERE rn = 1
), earliest AS (
  SELECT c.supporter_id, c.checkin_date, c.benefit
  FROM sig_checkins c JOIN recent r ON r.supporter_id = c.supporter_id AND c.rn = r.n_recent
  WHERE r.n_recent > 1
)
SELECT l.supporter_id AS subject_id, l.checkin_date, l.benefit, l.stress,
       e.checkin_date AS earliest_date, e.benefit AS earliest_benefit,
       (l.benefit <= $benefit_max AND l.stress >= $stress_min) AS low_benefit,
       coalesce(l.benefit <= e.benefit - $benefit_drop, false) AS dropped
FROM latest l LEFT JOIN earliest e USING (supporter_id)
WHERE (l.benefit <= $benefit_max AND l.stress >= $stress_min)
   OR l.benefit <= e.benefit - $benefit_drop
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    en, de = [], []
    latest, latest_de = day(row["checkin_date"]), day(row["checkin_date"], "de")
    if row["low_benefit"]:
        en.append(
            f"latest check-in ({latest}): benefit {row['benefit']} of 5 while stress is "
            f"{row['stress']} of 5 (signal at benefit ≤ {t['benefit_max']} with stress "
            f"≥ {t['stress_min']})"
        )
        de.append(
            f"letzte Selbstreflexion ({latest_de}): Gewinn {row['benefit']} von 5 bei "
            f"Belastung {row['stress']} von 5 (Signal bei Gewinn ≤ {t['benefit_max']} "
            f"und Belastung ≥ {t['stress_min']})"
        )
    if row["dropped"]:
        drop = row["earliest_benefit"] - row["benefit"]
        en.append(
            f"benefit fell by {drop} points, from {row['earliest_benefit']} "
            f"({day(row['earliest_date'])}) to {row['benefit']} ({latest})"
        )
        de.append(
            f"Gewinn um {drop} Punkte gesunken, von {row['earliest_benefit']} "
            f"({day(row['earliest_date'], 'de')}) auf {row['benefit']} ({latest_de})"
        )
    dates = [row["checkin_date"]] + ([row["earliest_date"]] if row["dropped"] else [])
    return Finding(
        severity="medium",
        value=row["benefit"] if row["low_benefit"] else row["earliest_benefit"] - row["benefit"],
        threshold=t["benefit_max"] if row["low_benefit"] else t["benefit_drop"],
        message=sentence(en),
        message_de=sentence(de),
        evidence={"checkin_dates": sorted(iso(dates))},
        since=min(dates),
    )


RULE = Rule(
    id="S-IMBALANCE",
    action="supervision",
    subject_type="supporter",
    title="Cost outweighs what the supporter gets back",
    title_de="Aufwand überwiegt, was zurückkommt",
    reason="Notice early when it no longer fits: the cost against what the supporter gets back.",
    reason_de="Früh merken, wenn es nicht mehr passt: Aufwand gegen das, was zurückkommt.",
    sql=SQL,
    explain=explain,
    checkins="lookback_checkins",
    thresholds=(
        Threshold(
            "benefit_max",
            2,
            "Fires when the latest benefit (1-5) is at most this ...",
            "Meldet, wenn der letzte Gewinn (1-5) höchstens so hoch ist ...",
            1,
            5,
        ),
        Threshold(
            "stress_min",
            3,
            "... while the same check-in's stress is at least this.",
            "... und die Belastung derselben Selbstreflexion mindestens so hoch ist.",
            1,
            5,
        ),
        Threshold(
            "benefit_drop",
            2,
            "Fires when the latest benefit is at least this many points below the "
            "earliest of the recent check-ins.",
            "Meldet, wenn der letzte Gewinn mindestens so viele Punkte unter dem ältesten "
            "der jüngsten Selbstreflexionen liegt.",
            1,
            4,
        ),
        Threshold(
            "lookback_checkins",
            3,
            "How many recent check-ins (the latest included) the drop is measured over.",
            "Über wie viele jüngste Selbstreflexionen (die letzte eingeschlossen) der "
            "Rückgang gemessen wird.",
            2,
            12,
        ),
    ),
)
