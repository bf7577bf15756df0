"""Which vocabulary (kind) holds which codes, for labels `vocab.<kind>.<code>`.

Contract vocabularies come from schemas/; the dashboard's own (actions, severities, follow-up
outcomes, figures, check-in measures, ProQOL subscales and bands, evidence kinds) from the
modules that define them. A code is labelled once per kind and the label is used everywhere.
"""

from __future__ import annotations

from functools import cache

# evidence lists a finding can carry (keys of SignalResult.evidence)
EVIDENCE_KINDS: tuple[str, ...] = (
    "checkin_dates", "contact_ids", "incident_ids", "match_ids", "proqol_dates", "service_ids",
    "session_dates", "supervision_dates", "training_dates", "trainings", "trainings_missing",
)  # fmt: skip

# languages named in sentences ("in Persian (fa)"): those of the programs' seekers; another
# ISO 639-1 code is shown as the code itself
LANGUAGES: tuple[str, ...] = (
    "ar", "bg", "de", "en", "es", "fa", "fr", "hi", "it", "ku", "pl", "ps", "pt", "ro", "ru", "so",
    "sq", "sr", "ti", "tr", "uk", "ur",
)  # fmt: skip


@cache
def vocabularies() -> dict[str, tuple[str, ...]]:
    """Returns kind -> codes for every vocabulary the pages label."""
    from dashboard.followups.model import ACTIONS as FOLLOWUP_ACTIONS
    from dashboard.followups.model import STATUSES
    from dashboard.proqol import BANDS, NOT_SCORED
    from dashboard.signals.model import SEVERITY_ORDER
    from dashboard.views.attention import ACTIONS
    from dashboard.views.program import FIGURES
    from dashboard.views.supporter import CHECKIN_MEASURES
    from schemas import vocabularies as v

    def codes(enum: type) -> tuple[str, ...]:
        return tuple(m.value for m in enum)  # type: ignore[attr-defined]

    return {
        "action": tuple(ACTIONS),
        "severity": tuple(SEVERITY_ORDER),
        "band": tuple(b for b in BANDS if b != NOT_SCORED),
        "channel": codes(v.Channel),
        "dimension": codes(v.Dimension),
        "evidence": EVIDENCE_KINDS,
        "facilitator": codes(v.Facilitator),
        "figure": tuple(FIGURES),
        "followup_action": tuple(FOLLOWUP_ACTIONS),
        "followup_status": tuple(STATUSES),
        "format": codes(v.SupervisionFormat),
        "incident": codes(v.IncidentType),
        "measure": tuple(CHECKIN_MEASURES),
        "service": codes(v.ServiceType),
        "stage": codes(v.ProcessStage),
        "subscale": ("compassion_satisfaction", "burnout", "secondary_traumatic_stress"),
        "topic": codes(v.Goal),
        "training": codes(v.Training),
    }
