"""matches.csv — one support relationship between a supporter and a seeker."""

from datetime import date
from typing import ClassVar

from .fields import Code, ExportRecord, RecordKey, column
from .vocabularies import Dimension, Goal


class Match(ExportRecord):
    """A support relationship; stores only in which dimensions the two are alike, never what."""

    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("ended_on", "started_on"),)

    match_id: RecordKey = column(
        "Code of the support relationship.",
        de="Code der Begleitung.",
        aliases_de=("begleitung_id", "tandem_id"),
        required=True,
    )
    supporter_id: Code = column(
        "Supporter of this match (-> supporters).",
        de="Unterstützende Person dieser Begleitung (-> supporters).",
        aliases_de=("unterstuetzer_id", "unterstützer_id", "peer_id"),
        required=True,
    )
    seeker_id: Code = column(
        "Pseudonymous code of the person seeking support.",
        de="Pseudonymer Code der Person, die Unterstützung sucht.",
        aliases_de=("ratsuchende_id", "klient_id"),
        required=True,
    )
    started_on: date = column(
        "Date the match started.",
        de="Beginn der Begleitung.",
        aliases_de=("beginn",),  # not "start": KoboToolbox metadata
        required=True,
    )
    ended_on: date | None = column(
        "Date the match ended; empty while open.",
        de="Ende der Begleitung; leer solange offen.",
        aliases_de=("ende",),
    )
    goal: Goal | None = column(
        "The agreed aim (a topic); empty or `none` = no agreed aim.",
        de="Vereinbartes Ziel (ein Thema); leer oder `none` = kein Ziel vereinbart.",
        aliases_de=("ziel",),
    )
    scope_agreed: bool | None = column(
        "What is offered and what is not was made transparent.",
        de="Was angeboten wird und was nicht, wurde transparent gemacht.",
        aliases_de=("rahmen_vereinbart", "umfang_vereinbart"),
    )
    shared_dimensions: list[Dimension] | None = column(
        "Dimensions in which supporter and seeker are similar.",
        de="Dimensionen, in denen sich die beiden ähneln.",
        aliases_de=("gemeinsame_dimensionen",),
    )
    differing_dimensions: list[Dimension] | None = column(
        "Dimensions in which supporter and seeker differ.",
        de="Dimensionen, in denen sich die beiden unterscheiden.",
        aliases_de=("unterschiedliche_dimensionen",),
    )
