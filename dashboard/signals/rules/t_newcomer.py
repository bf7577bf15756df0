"""T-NEWCOMER: early on their own path (or new in the program) and already many open matches."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import cap, day, ids

SQL = """
SELECT m.supporter_id AS subject_id, m.own_process_stage = 'early' AS early, m.joined_on,
       $as_of - m.joined_on AS days_in, m.open_matches,
       (SELECT list(mt.match_id ORDER BY mt.started_on, mt.match_id) FROM sig_matches mt
        WHERE mt.supporter_id = m.supporter_id AND mt.is_open) AS match_ids
FROM sig_members m
WHERE (m.own_process_stage = 'early' OR $as_of - m.joined_on < $newcomer_days)
  AND m.open_matches > $max_open_matches
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    n, matches = row["open_matches"], list(row["match_ids"])
    why_en, why_de = [], []
    if row["early"]:
        why_en.append("early on their own path")
        why_de.append("am Anfang des eigenen Wegs")
    if row["days_in"] < t["newcomer_days"]:
        why_en.append(f"joined {row['days_in']} days ago ({day(row['joined_on'])})")
        why_de.append(f"seit {row['days_in']} Tagen dabei ({day(row['joined_on'], 'de')})")
    return Finding(
        severity="medium",
        value=n,
        threshold=t["max_open_matches"],
        message=f"{cap(' and '.join(why_en))}, with {n} open matches "
        f"({ids(matches)}; signal above {t['max_open_matches']})",
        message_de=f"{cap(' und '.join(why_de))}, mit {n} offenen Begleitungen "
        f"({ids(matches, lang='de')}; Signal über {t['max_open_matches']})",
        evidence={"match_ids": matches},
        since=row["joined_on"],
    )


RULE = Rule(
    id="T-NEWCOMER",
    action="training",
    subject_type="supporter",
    title="Newcomer with many matches",
    title_de="Neu dabei mit vielen Begleitungen",
    reason="Just starting with one's own queer path is different from experience that can "
    "inspire others.",
    reason_de="Am Anfang des eigenen queeren Wegs zu stehen ist etwas anderes als Erfahrung, "
    "die andere ermutigen kann.",
    sql=SQL,
    explain=explain,
    thresholds=(
        Threshold(
            "newcomer_days",
            90,
            "Supporters who joined fewer than this many days ago count as newcomers.",
            "Wer vor weniger als so vielen Tagen dazukam, gilt als neu.",
            7,
            730,
            "days",
        ),
        Threshold(
            "max_open_matches",
            2,
            "Fires when a newcomer (or someone early on their path) has more open "
            "matches than this.",
            "Meldet, wenn eine neue Person (oder jemand am Anfang des eigenen Wegs) mehr "
            "offene Begleitungen hat.",
            0,
            50,
        ),
    ),
)
