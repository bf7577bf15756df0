"""The registry is the contract of DATA_CONTRACT.md: every export, column, key and vocabulary."""

from datetime import date

import pytest
from pydantic import ValidationError

from schemas import EXPORTS
from schemas.contacts import Contact
from schemas.supporters import Supporter

# Transcribed by hand from DATA_CONTRACT.md: export -> (required columns, optional columns).
CONTRACT = {
    "supporters": (
        {"supporter_id", "joined_on", "capacity_hours_month"},
        {
            "left_on",
            "own_process_stage",
            "self_help_group_experience",
            "languages",
            "trigger_topics",
        },
    ),
    "matches": (
        {"match_id", "supporter_id", "seeker_id", "started_on"},
        {"ended_on", "goal", "scope_agreed", "shared_dimensions", "differing_dimensions"},
    ),
    "contacts": (
        {"contact_id", "match_id", "contact_date", "duration_min", "channel"},
        {
            "initiated_by",
            "outside_agreed_hours",
            "private_setting",
            "topics",
            "crisis",
            "referral_needed",
            "referral_made",
            "language",
        },
    ),
    "checkins": (
        {"supporter_id", "checkin_date"},
        {
            "stress",
            "felt_triggered",
            "can_say_no",
            "role_clarity",
            "benefit",
            "seeker_dependency",
            "wants_supervision",
        },
    ),
    "proqol": ({"supporter_id", "response_date"}, {f"q{n:02d}" for n in range(1, 31)}),
    "trainings": ({"supporter_id", "training", "completed_on"}, {"valid_until"}),
    "supervision": ({"supporter_id", "session_date"}, {"format", "facilitator"}),
    "services": (
        {"service_id", "service_type"},
        {"languages", "lgbtiq_affirming", "accepts_referrals", "last_network_contact"},
    ),
    "incidents": (
        {"incident_id", "incident_date", "type"},
        {"supporter_id", "severity", "resolved_on"},
    ),
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_columns_and_required_flags_match_the_contract(name: str) -> None:
    required, optional = CONTRACT[name]
    columns = {c.name: c for c in EXPORTS[name].columns}
    assert set(columns) == required | optional
    assert {n for n, c in columns.items() if c.required} == required


def test_keys_and_references_as_in_the_contract() -> None:
    assert EXPORTS["checkins"].primary_key == ("supporter_id", "checkin_date")
    assert EXPORTS["supervision"].primary_key == ("supporter_id", "session_date", "format")
    assert EXPORTS["trainings"].primary_key == ("supporter_id", "training", "completed_on")
    refs = {(n, fk.columns, fk.ref_export) for n, s in EXPORTS.items() for fk in s.foreign_keys}
    assert ("contacts", ("match_id",), "matches") in refs
    for child in ("matches", "checkins", "proqol", "trainings", "supervision", "incidents"):
        assert (child, ("supporter_id",), "supporters") in refs


def test_every_column_has_english_and_german_help() -> None:
    for spec in EXPORTS.values():
        for col in spec.columns:
            assert col.description and col.description_de, (spec.name, col.name)


def test_german_aliases_are_unambiguous_within_an_export() -> None:
    for spec in EXPORTS.values():
        names = [c.name for c in spec.columns] + [a for c in spec.columns for a in c.aliases_de]
        assert len(names) == len(set(names)), spec.name


def test_vocabularies_reach_the_columns() -> None:
    assert "suicidality" in EXPORTS["contacts"].column("topics").values
    assert EXPORTS["contacts"].column("channel").values == (
        "in_person",
        "phone",
        "video",
        "messenger",
        "group",
    )
    assert "legal_asylum" in EXPORTS["services"].column("service_type").values
    assert "none" in EXPORTS["matches"].column("goal").values
    assert {"fa", "ar", "tr", "ru", "uk", "de", "en"} <= set(
        EXPORTS["contacts"].column("language").values
    )


def test_a_single_record_parses_real_spellings() -> None:
    row = Contact(
        contact_id="C1",
        match_id="M1",
        contact_date="2026-03-01",
        duration_min="45",
        channel="phone",
        topics="housing|loneliness",
        referral_needed="",
    )
    assert row.topics == ["housing", "loneliness"]
    assert row.referral_needed is None
    assert row.contact_date == date(2026, 3, 1)


@pytest.mark.parametrize("bad_id", ["anna.mueller@mail.de", "Anna Mueller", "0176123456", "x"])
def test_a_name_like_or_phone_like_id_is_refused(bad_id: str) -> None:
    with pytest.raises(ValidationError):
        Supporter(supporter_id=bad_id, joined_on="2026-01-01", capacity_hours_month=4)


def test_unknown_field_and_reversed_dates_are_refused() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Supporter(supporter_id="P1", joined_on="2026-01-01", capacity_hours_month=4, name="Ali")
    with pytest.raises(ValidationError, match="left_on is before joined_on"):
        Supporter(
            supporter_id="P1",
            joined_on="2026-01-01",
            left_on="2025-12-31",
            capacity_hours_month=4,
        )
    with pytest.raises(ValidationError):
        Supporter(supporter_id="P1", joined_on="2026-01-01", capacity_hours_month=201)
