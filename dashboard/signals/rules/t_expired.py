"""T-EXPIRED: a training's validity has passed and it was not renewed."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Items, Label, Msg
from dashboard.signals.model import Finding, Rule

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


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    lapsed = list(row["lapsed"])
    trainings = [
        Msg(
            "signal.T-EXPIRED.training",
            {"training": Label("training", x["training"]), "date": x["valid_until"]},
        )
        for x in lapsed
    ]
    n = len(lapsed)
    return Finding(
        severity="low",
        value=n,
        threshold=1,
        message=Msg("signal.T-EXPIRED.message", {"n": n, "trainings": Items(trainings)}),
        measure=Msg("signal.T-EXPIRED.measure", {"n": n}),
        evidence={
            "trainings": [f"{x['training']}:{x['completed_on'].isoformat()}" for x in lapsed]
        },
        since=row["first_lapse"],
    )


RULE = Rule(
    id="T-EXPIRED",
    action="training",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
)
