"""trainings.csv — trainings a supporter completed."""

from datetime import date
from typing import ClassVar

from .fields import Code, ExportRecord, column
from .vocabularies import Training


class TrainingRecord(ExportRecord):
    """One completed training; it counts until valid_until has passed."""

    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("valid_until", "completed_on"),)

    supporter_id: Code = column(
        "Supporter who completed the training (-> supporters).",
        de="Unterstützende Person, die die Schulung abgeschlossen hat (-> supporters).",
        aliases_de=("unterstuetzer_id", "unterstützer_id", "peer_id"),
        required=True,
    )
    training: Training = column(
        "Which training.",
        de="Welche Schulung.",
        aliases_de=("schulung", "fortbildung"),
        required=True,
    )
    completed_on: date = column(
        "Date the training was completed.",
        de="Abschlussdatum der Schulung.",
        aliases_de=("abgeschlossen_am",),
        required=True,
    )
    valid_until: date | None = column(
        "Date until which the training counts; empty = no expiry.",
        de="Gültig bis; leer = unbefristet.",
        aliases_de=("gueltig_bis", "gültig_bis"),
    )
