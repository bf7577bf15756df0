"""incidents.csv — incidents the program recorded."""

from datetime import date
from typing import ClassVar

from .fields import Code, ExportRecord, RecordKey, column
from .vocabularies import IncidentSeverity, IncidentType


class Incident(ExportRecord):
    """One incident, by type and severity; no description is ever stored."""

    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("resolved_on", "incident_date"),)

    incident_id: RecordKey = column(
        "Code of the incident.", de="Code des Vorfalls.", aliases_de=("vorfall_id",), required=True
    )
    incident_date: date = column(
        "Date of the incident.",
        de="Datum des Vorfalls.",
        aliases_de=("datum", "vorfallsdatum"),
        required=True,
    )
    supporter_id: Code | None = column(
        "Supporter involved (-> supporters); may be empty.",
        de="Beteiligte unterstützende Person (-> supporters); darf leer sein.",
        aliases_de=("unterstuetzer_id", "unterstützer_id", "peer_id"),
    )
    type: IncidentType = column(
        "Kind of incident.", de="Art des Vorfalls.", aliases_de=("typ", "art"), required=True
    )
    severity: IncidentSeverity | None = column(
        "low, medium or high.", de="Schwere: low, medium oder high.", aliases_de=("schwere",)
    )
    resolved_on: date | None = column(
        "Date the incident was resolved; empty = open.",
        de="Datum der Klärung; leer = offen.",
        aliases_de=("geklaert_am", "geklärt_am"),
    )
