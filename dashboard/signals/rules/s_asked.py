"""S-ASKED: the supporter asked for supervision in the latest check-in."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Msg
from dashboard.signals.model import Finding, Rule
from dashboard.signals.text import iso

SQL = """
SELECT supporter_id AS subject_id, checkin_date FROM sig_checkins
WHERE rn = 1 AND wants_supervision
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    when = row["checkin_date"]
    return Finding(
        severity="medium",
        value=True,
        threshold=None,
        message=Msg("signal.S-ASKED.message", {"date": when}),
        evidence={"checkin_dates": iso([when])},
        since=when,
    )


RULE = Rule(
    id="S-ASKED",
    action="supervision",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
)
