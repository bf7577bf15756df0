"""supporters.csv — one row per peer supporter."""

from datetime import date
from typing import ClassVar

from .fields import Code, ExportRecord, column
from .vocabularies import Language, ProcessStage, Topic


class Supporter(ExportRecord):
    """One peer supporter, by pseudonym; never a name or a personal characteristic."""

    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("left_on", "joined_on"),)

    supporter_id: Code = column(
        "Pseudonymous code of the supporter.",
        de="Pseudonymer Code der unterstützenden Person.",
        aliases_de=("unterstuetzer_id", "unterstützer_id", "peer_id"),
        required=True,
    )
    joined_on: date = column(
        "Date the supporter joined the program.",
        de="Datum des Einstiegs ins Programm.",
        aliases_de=("eintritt", "beigetreten_am"),
        required=True,
    )
    left_on: date | None = column(
        "Date the supporter left; empty while active.",
        de="Datum des Ausstiegs; leer solange aktiv.",
        aliases_de=("austritt", "ausgetreten_am"),
    )
    capacity_hours_month: float = column(
        "Hours a month the supporter agreed to give.",
        de="Vereinbarte Stunden pro Monat.",
        aliases_de=("kapazitaet_stunden_monat", "stunden_pro_monat"),
        required=True,
        ge=0,
        le=200,
    )
    own_process_stage: ProcessStage | None = column(
        "Self-assessed stage on the own queer path: early, consolidating or experienced.",
        de="Selbsteinschätzung des eigenen queeren Weges: early, consolidating, experienced.",
        aliases_de=("eigener_prozess",),
    )
    self_help_group_experience: bool | None = column(
        "Has taken part in a self-help group.",
        de="Hat an einer Selbsthilfegruppe teilgenommen.",
        aliases_de=("selbsthilfegruppe",),
    )
    languages: list[Language] | None = column(
        "Languages the supporter speaks (ISO 639-1).",
        de="Sprachen der unterstützenden Person (ISO 639-1).",
        aliases_de=("sprachen",),
    )
    trigger_topics: list[Topic] | None = column(
        "Topics the supporter declared they cannot hold well because of own distressing "
        "experiences.",
        de="Themen, die die Person wegen eigener belastender Erfahrungen schlecht halten kann.",
        aliases_de=("trigger_themen",),
    )
