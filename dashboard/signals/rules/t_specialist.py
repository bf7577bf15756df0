"""T-SPECIALIST: recent contacts touched topics that need a specialist training the supporter
lacks (suicidality or crisis -> crisis intervention; violence -> trauma-informed work;
asylum procedure -> asylum basics)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n import N_
from dashboard.i18n.message import Clauses, Ids, Msg
from dashboard.signals.model import Finding, Rule, Threshold

SQL = """
WITH recent AS (
  SELECT s.* FROM sig_specialist s
  WHERE s.age_days < $window_days AND s.supporter_id IN (SELECT supporter_id FROM sig_members)
), need AS (
  SELECT supporter_id, 'crisis_intervention' AS training, contact_id, contact_date FROM recent
  WHERE needs_crisis_intervention
  UNION ALL
  SELECT supporter_id, 'trauma_informed', contact_id, contact_date FROM recent
  WHERE needs_trauma_informed
  UNION ALL
  SELECT supporter_id, 'asylum_basics', contact_id, contact_date FROM recent
  WHERE needs_asylum_basics
), missing AS (
  SELECT n.supporter_id, n.training, list_sort(list(n.contact_id)) AS contact_ids,
         min(n.contact_date) AS first_date
  FROM need n
  ANTI JOIN (SELECT supporter_id, training FROM sig_trainings WHERE is_valid) t
    ON t.supporter_id = n.supporter_id AND t.training = n.training
  GROUP BY n.supporter_id, n.training
)
SELECT supporter_id AS subject_id,
       list_sort(list({'training': training, 'contact_ids': contact_ids})) AS needs,
       list_sort(list_distinct(flatten(list(contact_ids)))) AS contact_ids,
       min(first_date) AS first_date
FROM missing GROUP BY supporter_id
"""


# one phrase per training: the topic and the training belong in one translated sentence
_NEEDS = {
    "crisis_intervention": N_("signal.T-SPECIALIST.need_crisis_intervention"),
    "trauma_informed": N_("signal.T-SPECIALIST.need_trauma_informed"),
    "asylum_basics": N_("signal.T-SPECIALIST.need_asylum_basics"),
}


def _clause(need: Mapping[str, Any]) -> Msg:
    contacts = list(need["contact_ids"])
    return Msg(_NEEDS[need["training"]], {"n": len(contacts), "contacts": Ids(contacts)})


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    needs, days = list(row["needs"]), limits["window_days"]
    n = len(row["contact_ids"])
    return Finding(
        severity="medium",
        value=n,
        threshold=1,
        message=Msg(
            "signal.T-SPECIALIST.message",
            {"days": days, "needs": Clauses([_clause(x) for x in needs])},
        ),
        measure=Msg("signal.T-SPECIALIST.measure", {"n": n}),
        evidence={
            "contact_ids": list(row["contact_ids"]),
            "trainings_missing": [x["training"] for x in needs],
        },
        since=row["first_date"],
        window_days=days,
    )


RULE = Rule(
    id="T-SPECIALIST",
    action="training",
    subject_type="supporter",
    sql=SQL,
    explain=explain,
    contacts="sig_specialist",
    thresholds=(Threshold("window_days", 90, 7, 365, "days"),),
)
