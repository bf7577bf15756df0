"""services.csv — the program's network of professional services."""

from datetime import date

from .fields import ExportRecord, RecordKey, column
from .vocabularies import Language, ServiceType


class Service(ExportRecord):
    """One professional partner of the program (an organisation, never a person)."""

    service_id: RecordKey = column(
        "Code of the service.",
        de="Code des Angebots.",
        aliases_de=("angebot_id", "dienst_id"),
        required=True,
    )
    service_type: ServiceType = column(
        "Kind of service.",
        de="Art des Angebots.",
        aliases_de=("angebotsart", "dienst_typ"),
        required=True,
    )
    languages: list[Language] | None = column(
        "Languages the service works in (ISO 639-1).",
        de="Sprachen, in denen das Angebot arbeitet (ISO 639-1).",
        aliases_de=("sprachen",),
    )
    lgbtiq_affirming: bool | None = column(
        "The service is known to be LGBTIQ*-affirming.",
        de="Das Angebot ist bekanntermaßen LGBTIQ*-freundlich.",
        aliases_de=("lgbtiq_freundlich", "queerfreundlich"),
    )
    accepts_referrals: bool | None = column(
        "The service accepts referrals from the program.",
        de="Das Angebot nimmt Verweise aus dem Programm an.",
        aliases_de=("nimmt_verweise_an",),
    )
    last_network_contact: date | None = column(
        "Last time the program and the service met or spoke.",
        de="Letzter Austausch zwischen Programm und Angebot.",
        aliases_de=("letzter_netzwerkkontakt",),
    )
