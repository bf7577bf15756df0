"""The contract's vocabularies as enums; their values are the only codes a CSV may use."""

from enum import StrEnum


class Topic(StrEnum):
    """What a contact or a match is about."""

    coming_out = "coming_out"
    identity = "identity"
    family_conflict = "family_conflict"
    relationships = "relationships"
    loneliness = "loneliness"
    community_access = "community_access"
    asylum_procedure = "asylum_procedure"
    housing = "housing"
    work_education = "work_education"
    health = "health"
    sexual_health = "sexual_health"
    mental_health = "mental_health"
    violence_discrimination = "violence_discrimination"
    suicidality = "suicidality"
    religion = "religion"
    bureaucracy = "bureaucracy"
    other = "other"


# A match's agreed aim: a topic, or `none` for no agreed aim.
Goal = StrEnum("Goal", {"none": "none", **{t.value: t.value for t in Topic}})  # type: ignore[misc]
Goal.__doc__ = "A match's agreed aim: a topic, or `none` for no agreed aim."


class Dimension(StrEnum):
    """In what supporter and seeker can be similar or different (never the value itself)."""

    sexual_orientation = "sexual_orientation"
    gender_identity = "gender_identity"
    migration_experience = "migration_experience"
    language = "language"
    religion = "religion"
    culture = "culture"
    age_group = "age_group"


class ServiceType(StrEnum):
    """Kinds of professional service a program refers to."""

    social_work = "social_work"
    counselling = "counselling"
    psychotherapy = "psychotherapy"
    psychiatry = "psychiatry"
    medical = "medical"
    sexual_health_clinic = "sexual_health_clinic"
    legal_asylum = "legal_asylum"
    housing_support = "housing_support"
    crisis_line = "crisis_line"
    self_help_group = "self_help_group"
    community_center = "community_center"


class Training(StrEnum):
    """Trainings a supporter can complete."""

    peer_support_basics = "peer_support_basics"
    boundaries_self_care = "boundaries_self_care"
    trauma_informed = "trauma_informed"
    crisis_intervention = "crisis_intervention"
    confidentiality = "confidentiality"
    referral_knowledge = "referral_knowledge"
    asylum_basics = "asylum_basics"
    intercultural = "intercultural"


class ProcessStage(StrEnum):
    """Self-assessed stage on the supporter's own queer path."""

    early = "early"
    consolidating = "consolidating"
    experienced = "experienced"


class Channel(StrEnum):
    in_person = "in_person"
    phone = "phone"
    video = "video"
    messenger = "messenger"
    group = "group"


class Initiator(StrEnum):
    supporter = "supporter"
    seeker = "seeker"


class SupervisionFormat(StrEnum):
    individual = "individual"
    group = "group"
    intervision = "intervision"


class Facilitator(StrEnum):
    professional = "professional"
    peer_lead = "peer_lead"


class IncidentType(StrEnum):
    confidentiality_breach = "confidentiality_breach"
    boundary_crossing = "boundary_crossing"
    dependency = "dependency"
    crisis_escalation = "crisis_escalation"
    complaint = "complaint"
    other = "other"


class IncidentSeverity(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


# ISO 639-1: the two-letter codes of ISO 639 (the full published list, 184 codes).
_ISO_639_1 = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr "
    "ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw "
    "ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv "
    "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr "
    "ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi "
    "yo za zh zu"
).split()

Language = StrEnum("Language", {code: code for code in _ISO_639_1})  # type: ignore[misc]
Language.__doc__ = "ISO 639-1 language code."
