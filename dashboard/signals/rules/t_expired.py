"""T-EXPIRED: a training's validity has passed and it was not renewed."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule
from dashboard.signals.text import day, join, label

# The newest completion of each kind decides: an expired one renewed later is fine.
SQL = """
WITH lapsed AS (
  SELECT t.supporter_id, t.training, t.completed_on, t.valid_until
  FROM sig_trainings t JOIN sig_members USING (supporter_id)
  WHERE t.valid_until < $as_of
    AND NOT EXISTS (SELECT 1 FROM sig_trainings n WHERE n.supporter_id = t.supporter_id
                      AND n.training = t.training AND n.completed_on > t.completed_on)
)
SELECT supporter_id AS subject_id,
       list_sort(list({'valid_until': valid_until, 'training': training,
                       'completed_on': completed_on})) AS lapsed,
       min(valid_until) AS first_lapse
FROM lapsed GROUP BY supporter_id
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    lapsed = list(row["lapsed"])
    en = join([f"{label(x['training'])} (valid until {day(x['valid_until'])})" for x in lapsed])
    de = join(
        [
            f"{label(x['training'], 'de')} (gültig bis {day(x['valid_until'], 'de')})"
            for x in lapsed
        ],
        "de",
    )
    many = len(lapsed) > 1
    return Finding(
        severity="low",
        value=len(lapsed),
        threshold=1,
        message=f"Training{'s' if many else ''} expired and not renewed: {en}",
        message_de=f"{'Schulungen' if many else 'Schulung'} abgelaufen und nicht erneuert: {de}",
        evidence={
            "trainings": [f"{x['training']}:{x['completed_on'].isoformat()}" for x in lapsed]
        },
        since=row["first_lapse"],
    )


RULE = Rule(
    id="T-EXPIRED",
    action="training",
    subject_type="supporter",
    title="Training expired",
    title_de="Schulung abgelaufen",
    reason="Skills need refreshing once a training's validity has passed.",
    reason_de="Kenntnisse brauchen Auffrischung, wenn eine Schulung abgelaufen ist.",
    sql=SQL,
    explain=explain,
)
