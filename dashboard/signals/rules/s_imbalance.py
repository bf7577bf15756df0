"""S-IMBALANCE: what the supporter gets back no longer outweighs the cost."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Clauses, Msg
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import iso, scale

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


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    clauses = []
    latest = row["checkin_date"]
    if row["low_benefit"]:
        clauses.append(
            Msg(
                "signal.S-IMBALANCE.low_benefit",
                {
                    "date": latest,
                    "benefit": row["benefit"],
                    "stress": row["stress"],
                    "benefit_max": limits["benefit_max"],
                    "stress_min": limits["stress_min"],
                },
            )
        )
    drop = row["earliest_benefit"] - row["benefit"] if row["dropped"] else None
    if row["dropped"]:
        clauses.append(
            Msg(
                "signal.S-IMBALANCE.dropped",
                {
                    "n": drop,
                    "earliest": row["earliest_benefit"],
                    "earliest_date": row["earliest_date"],
                    "benefit": row["benefit"],
                    "date": latest,
                },
            )
        )
    dates = [latest] + ([row["earliest_date"]] if row["dropped"] else [])
    if row["low_benefit"]:
        value, threshold = row["benefit"], limits["benefit_max"]
        measure = scale("benefit", value, threshold, at_least=False)
    else:
        value, threshold = drop, limits["benefit_drop"]
        measure = Msg("signal.S-IMBALANCE.measure_drop", {"n": value, "threshold": threshold})
    return Finding(
        severity="medium",
        value=value,
        threshold=threshold,
        message=Msg("signal.S-IMBALANCE.message", {"clauses": Clauses(clauses)}),
        measure=measure,
        evidence={"checkin_dates": sorted(iso(dates))},
        since=min(dates),
    )


RULE = Rule(
    id="S-IMBALANCE",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    checkins="lookback_checkins",
    thresholds=(
        Threshold("benefit_max", 2, 1, 5),
        Threshold("stress_min", 3, 1, 5),
        Threshold("benefit_drop", 2, 1, 4),
        Threshold("lookback_checkins", 3, 2, 12),
    ),
)
