"""T-SPECIALIST: recent contacts touched topics that need a specialist training the supporter
lacks (suicidality or crisis -> crisis intervention; violence -> trauma-informed work;
asylum procedure -> asylum basics)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule, Threshold
from dashboard.signals.text import ids, label, plural

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

_BECAUSE = {
    "crisis_intervention": ("about suicidality or a crisis", "zu Suizidalität oder einer Krise"),
    "trauma_informed": ("about violence/discrimination", "zu Gewalt/Diskriminierung"),
    "asylum_basics": ("about the asylum procedure", "zum Asylverfahren"),
}


def _clause(need: Mapping[str, Any], lang: str) -> str:
    n, training = len(need["contact_ids"]), need["training"]
    topic_en, topic_de = _BECAUSE[training]
    if lang == "de":
        return (
            f"{plural(n, 'Kontakt', 'Kontakte')} {topic_de} "
            f"({ids(need['contact_ids'], lang='de')}) ohne Schulung "
            f"„{label(training, 'de')}“"
        )
    return (
        f"{plural(n, 'contact', 'contacts')} {topic_en} "
        f"({ids(need['contact_ids'])}) without {label(training)} training"
    )


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    needs, days = list(row["needs"]), t["window_days"]
    return Finding(
        severity="medium",
        value=len(row["contact_ids"]),
        threshold=1,
        message=f"In the last {days} days: " + "; ".join(_clause(x, "en") for x in needs),
        message_de=f"In den letzten {days} Tagen: " + "; ".join(_clause(x, "de") for x in needs),
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
    title="Topic needs a specialist training",
    title_de="Thema braucht eine Fachschulung",
    reason="The topic needs skills beyond shared experience.",
    reason_de="Das Thema braucht Fähigkeiten jenseits geteilter Erfahrung.",
    sql=SQL,
    explain=explain,
    contacts="sig_specialist",
    thresholds=(
        Threshold(
            "window_days",
            90,
            "Days of contacts checked for specialist topics.",
            "Tage, deren Kontakte auf Fachthemen geprüft werden.",
            7,
            365,
            "days",
        ),
    ),
)
