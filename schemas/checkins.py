"""checkins.csv — the supporter's monthly self-reflection pulse (1 = not at all, 5 = very)."""

from datetime import date

from .fields import Code, ExportRecord, column

_SCALE = {"ge": 1, "le": 5}


class Checkin(ExportRecord):
    """One self-reflection check-in of a supporter."""

    supporter_id: Code = column(
        "Supporter who answered (-> supporters).",
        de="Unterstützende Person, die geantwortet hat (-> supporters).",
        aliases_de=("unterstuetzer_id", "unterstützer_id", "peer_id"),
        required=True,
    )
    checkin_date: date = column(
        "Date of the check-in.",
        de="Datum der Selbstreflexion.",
        aliases_de=("datum",),
        required=True,
    )
    stress: int | None = column(
        "How stressed I feel (1-5).",
        de="Wie gestresst ich mich fühle (1-5).",
        aliases_de=("belastung",),
        **_SCALE,
    )
    felt_triggered: int | None = column(
        "Stories of others brought back my own distressing experiences (1-5).",
        de="Geschichten anderer haben eigene belastende Erfahrungen wachgerufen (1-5).",
        aliases_de=("getriggert",),
        **_SCALE,
    )
    can_say_no: int | None = column(
        "I can say no and keep my limits (1-5).",
        de="Ich kann Nein sagen und meine Grenzen wahren (1-5).",
        aliases_de=("kann_nein_sagen",),
        **_SCALE,
    )
    role_clarity: int | None = column(
        "I can keep the supporter role apart from being a friend (1-5).",
        de="Ich kann die Rolle als Unterstützung von Freundschaft trennen (1-5).",
        aliases_de=("rollenklarheit",),
        **_SCALE,
    )
    benefit: int | None = column(
        "What I get back: fun, purpose, self-esteem (1-5).",
        de="Was ich zurückbekomme: Freude, Sinn, Selbstwert (1-5).",
        aliases_de=("gewinn", "nutzen"),
        **_SCALE,
    )
    seeker_dependency: int | None = column(
        "Someone I support depends on me more than is good (1-5).",
        de="Jemand, den ich unterstütze, ist mehr von mir abhängig als gut ist (1-5).",
        aliases_de=("abhaengigkeit", "abhängigkeit"),
        **_SCALE,
    )
    wants_supervision: bool | None = column(
        "I would like supervision.",
        de="Ich wünsche mir Supervision.",
        aliases_de=("wunsch_supervision",),
    )
