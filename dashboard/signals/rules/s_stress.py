"""S-STRESS: the latest check-in reports high stress, or the latest ProQOL is in a high band."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Clauses, Msg
from dashboard.proqol import HIGH_MIN
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import iso, scale

SQL = """
WITH pulse AS (
  SELECT supporter_id, checkin_date, stress FROM sig_checkins
  WHERE rn = 1 AND stress >= $stress_min
), pq AS (
  SELECT supporter_id, response_date, burnout, secondary_traumatic_stress AS sts,
         burnout_band = 'high' AS burnout_high, secondary_traumatic_stress_band = 'high' AS sts_high
  FROM sig_proqol WHERE rn = 1
    AND (burnout_band = 'high' OR secondary_traumatic_stress_band = 'high')
)
SELECT coalesce(pulse.supporter_id, pq.supporter_id) AS subject_id,
       pulse.checkin_date, pulse.stress, pq.response_date, pq.burnout, pq.sts,
       pq.burnout_high, pq.sts_high
FROM pulse FULL JOIN pq ON pq.supporter_id = pulse.supporter_id
"""


def _scores(row: Mapping[str, Any]) -> Msg:
    if row["burnout_high"] and row["sts_high"]:
        return Msg("signal.S-STRESS.scores_both", {"burnout": row["burnout"], "sts": row["sts"]})
    if row["burnout_high"]:
        return Msg("signal.S-STRESS.scores_burnout", {"burnout": row["burnout"]})
    return Msg("signal.S-STRESS.scores_sts", {"sts": row["sts"]})


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    clauses, evidence = [], {}
    if row["stress"] is not None:
        clauses.append(
            Msg(
                "signal.S-STRESS.checkin",
                {"date": row["checkin_date"], "stress": row["stress"], "min": limits["stress_min"]},
            )
        )
        evidence["checkin_dates"] = iso([row["checkin_date"]])
    if row["response_date"] is not None:
        clauses.append(
            Msg(
                "signal.S-STRESS.proqol",
                {"date": row["response_date"], "scores": _scores(row), "min": HIGH_MIN},
            )
        )
        evidence["proqol_dates"] = iso([row["response_date"]])
    pulse = row["stress"] is not None
    scores = [
        s for s, hi in ((row["burnout"], row["burnout_high"]), (row["sts"], row["sts_high"])) if hi
    ]
    value = row["stress"] if pulse else max(scores)
    threshold = limits["stress_min"] if pulse else HIGH_MIN
    return Finding(
        severity="high",
        value=value,
        threshold=threshold,
        message=Msg("signal.S-STRESS.message", {"clauses": Clauses(clauses)}),
        measure=scale("stress", value, threshold)
        if pulse
        else Msg("signal.S-STRESS.measure_proqol", {"value": value, "threshold": threshold}),
        evidence=evidence,
        since=min(d for d in (row["checkin_date"], row["response_date"]) if d is not None),
    )


RULE = Rule(
    id="S-STRESS",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    thresholds=(Threshold("stress_min", 4, 1, 5),),
)
