"""supervision.csv — supervision and intervision sessions a supporter attended."""

from datetime import date

from .fields import Code, ExportRecord, column
from .vocabularies import Facilitator, SupervisionFormat


class SupervisionSession(ExportRecord):
    """One attended session; peer-led intervision does not count as professional supervision."""

    supporter_id: Code = column(
        "Supporter who attended (-> supporters).",
        de="Teilnehmende unterstützende Person (-> supporters).",
        aliases_de=("unterstuetzer_id", "unterstützer_id", "peer_id"),
        required=True,
    )
    session_date: date = column(
        "Date of the session.",
        de="Datum der Sitzung.",
        aliases_de=("datum", "sitzungsdatum"),
        required=True,
    )
    format: SupervisionFormat | None = column(
        "individual, group or intervision.",
        de="Einzel, Gruppe oder Intervision.",
        aliases_de=("sitzungsart",),
    )
    facilitator: Facilitator | None = column(
        "Who led the session: professional or peer_lead; empty counts as professional.",
        de="Wer die Sitzung leitete: professional oder peer_lead; leer zählt als professionell.",
        aliases_de=("leitung",),
    )
