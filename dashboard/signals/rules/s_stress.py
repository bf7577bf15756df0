"""S-STRESS: the latest check-in reports high stress, or the latest ProQOL is in a high band."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.proqol import HIGH_MIN
from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import day, iso, join, sentence

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


def _proqol_parts(row: Mapping[str, Any], lang: str) -> list[str]:
    parts = []
    if row["burnout_high"]:
        parts.append(f"burnout {row['burnout']}" if lang == "en" else f"Burnout {row['burnout']}")
    if row["sts_high"]:
        parts.append(
            f"secondary traumatic stress {row['sts']}"
            if lang == "en"
            else f"sekundäre Traumabelastung {row['sts']}"
        )
    return parts


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    en, de, evidence = [], [], {}
    if row["stress"] is not None:
        en.append(
            f"latest check-in ({day(row['checkin_date'])}) reports stress "
            f"{row['stress']} of 5 (signal at {t['stress_min']} or more)"
        )
        de.append(
            f"letzte Selbstreflexion ({day(row['checkin_date'], 'de')}) meldet Belastung "
            f"{row['stress']} von 5 (Signal ab {t['stress_min']})"
        )
        evidence["checkin_dates"] = iso([row["checkin_date"]])
    if row["response_date"] is not None:
        en.append(
            f"latest ProQOL ({day(row['response_date'])}): "
            f"{join(_proqol_parts(row, 'en'))} in the high band (≥ {HIGH_MIN})"
        )
        de.append(
            f"letzter ProQOL ({day(row['response_date'], 'de')}): "
            f"{join(_proqol_parts(row, 'de'), 'de')} im hohen Bereich (≥ {HIGH_MIN})"
        )
        evidence["proqol_dates"] = iso([row["response_date"]])
    pulse = row["stress"] is not None
    scores = [
        s for s, hi in ((row["burnout"], row["burnout_high"]), (row["sts"], row["sts_high"])) if hi
    ]
    return Finding(
        severity="high",
        value=row["stress"] if pulse else max(scores),
        threshold=t["stress_min"] if pulse else HIGH_MIN,
        message=sentence(en),
        message_de=sentence(de),
        evidence=evidence,
        since=min(d for d in (row["checkin_date"], row["response_date"]) if d is not None),
    )


RULE = Rule(
    id="S-STRESS",
    action="supervision",
    subject_type="supporter",
    title="High stress or burnout",
    title_de="Hohe Belastung oder Burnout",
    reason="Burnout; the stories of others act as triggers.",
    reason_de="Burnout; die Geschichten anderer wirken als Auslöser.",
    sql=SQL,
    explain=explain,
    thresholds=(
        Threshold(
            "stress_min",
            4,
            "Fires when the latest check-in's stress (1-5) is at least this.",
            "Meldet, wenn die Belastung (1-5) der letzten Selbstreflexion mindestens so hoch ist.",
            1,
            5,
        ),
    ),
)
