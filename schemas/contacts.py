"""contacts.csv — one support contact within a match."""

from datetime import date

from .fields import ExportRecord, RecordKey, column
from .vocabularies import Channel, Initiator, Language, ServiceType, Topic


class Contact(ExportRecord):
    """One contact between supporter and seeker: when, how long, how, about what."""

    contact_id: RecordKey = column(
        "Code of the contact.", de="Code des Kontakts.", aliases_de=("kontakt_id",), required=True
    )
    match_id: RecordKey = column(
        "Match this contact belongs to (-> matches).",
        de="Begleitung, zu der der Kontakt gehört (-> matches).",
        aliases_de=("begleitung_id", "tandem_id"),
        required=True,
    )
    contact_date: date = column(
        "Date of the contact.", de="Datum des Kontakts.", aliases_de=("datum",), required=True
    )
    duration_min: int = column(
        "Duration in minutes (1-1440).",
        de="Dauer in Minuten (1-1440).",
        aliases_de=("dauer_min", "dauer_minuten"),
        required=True,
        ge=1,
        le=1440,
    )
    channel: Channel = column(
        "How the contact happened.",
        de="Wie der Kontakt stattfand.",
        aliases_de=("kanal",),
        required=True,
    )
    initiated_by: Initiator | None = column(
        "Who initiated the contact.",
        de="Wer den Kontakt angestoßen hat.",
        aliases_de=("initiiert_von",),
    )
    outside_agreed_hours: bool | None = column(
        "Contact took place outside the agreed hours.",
        de="Kontakt außerhalb der vereinbarten Zeiten.",
        aliases_de=("ausserhalb_vereinbarter_zeiten", "außerhalb_vereinbarter_zeiten"),
    )
    private_setting: bool | None = column(
        "Met as friends / in leisure rather than in the support role.",
        de="Privat / in der Freizeit getroffen statt in der Rolle der Unterstützung.",
        aliases_de=("privater_rahmen",),
    )
    topics: list[Topic] | None = column(
        "Topics of the contact.", de="Themen des Kontakts.", aliases_de=("themen",)
    )
    crisis: bool | None = column(
        "Acute crisis during the contact.",
        de="Akute Krise während des Kontakts.",
        aliases_de=("krise",),
    )
    referral_needed: list[ServiceType] | None = column(
        "Professional help the situation called for.",
        de="Professionelle Hilfe, die die Situation erfordert hätte.",
        aliases_de=("verweis_noetig", "verweis_nötig"),
    )
    referral_made: list[ServiceType] | None = column(
        "Referrals actually made.",
        de="Tatsächlich erfolgte Verweise.",
        aliases_de=("verweis_erfolgt",),
    )
    language: Language | None = column(
        "Language of the contact (ISO 639-1).",
        de="Sprache des Kontakts (ISO 639-1).",
        aliases_de=("sprache",),
    )
