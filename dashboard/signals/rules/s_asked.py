"""S-ASKED: the supporter asked for supervision in the latest check-in."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule
from dashboard.signals.text import day, iso

SQL = """
SELECT supporter_id AS subject_id, checkin_date FROM sig_checkins
WHERE rn = 1 AND wants_supervision
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    when = row["checkin_date"]
    return Finding(
        severity="medium",
        value=True,
        threshold=None,
        message=f"Asked for supervision in the latest check-in ({day(when)})",
        message_de=f"Hat in der letzten Selbstreflexion ({day(when, 'de')}) um Supervision gebeten",
        evidence={"checkin_dates": iso([when])},
        since=when,
    )


RULE = Rule(
    id="S-ASKED",
    action="supervision",
    subject_type="supporter",
    title="Asked for supervision",
    title_de="Bittet um Supervision",
    reason="The supporter asked.",
    reason_de="Die Person hat darum gebeten.",
    sql=SQL,
    explain=explain,
)
