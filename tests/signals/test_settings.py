"""Thresholds as settings: defaults from the rules, validated changes, per-program overrides,
audit entries, and a changed threshold changing the signals."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dashboard import settings
from dashboard.access import AccessDenied, Scope
from dashboard.i18n import t
from dashboard.signals import RULES, evaluate

from .conftest import FIXTURES, load

ADMIN = Scope.local_operator()
OVERLOAD = FIXTURES / "s_overload"
AS_OF = date(2026, 6, 30)


def _overloaded(con, program: str = "fx", **kwargs) -> set[str]:
    found = evaluate(con, scope=ADMIN, program_id=program, as_of=AS_OF, **kwargs)
    return {r.subject_id for r in found if r.signal_id == "S-OVERLOAD"}


def _audit(con) -> list[tuple]:
    sql = "SELECT action, program_id, detail FROM audit_log ORDER BY audit_id"
    return con.execute(sql).fetchall()


def test_thresholds_list_every_rule_threshold_with_its_default(con) -> None:
    views = settings.thresholds(con, "fx")
    declared = {r.key(t.name): t.default for r in RULES.values() for t in r.thresholds}
    assert {v.key: v.default for v in views} == declared
    assert all(v.value == v.default for v in views)
    # every field has a readable label and help in each language, not its key
    for v in views:
        for lang in ("en", "de", "fa"):
            assert t(v.title_id, lang) != v.title_id and t(v.help_id, lang) != v.help_id
    overload = next(v for v in views if v.key == "S-OVERLOAD.ratio_high")
    assert t(overload.title_id, "en") == "Hours above capacity (high)"
    assert t(overload.title_id, "de") == "Stunden über Kapazität (hoch)"
    overload = next(v for v in views if v.key == "S-OVERLOAD.ratio_medium")
    assert (overload.value, overload.minimum, overload.maximum) == (1.25, 0.1, 10)


def test_lowering_a_threshold_makes_more_supporters_fire(con) -> None:
    load(con, OVERLOAD, "fx")
    assert _overloaded(con) == {"OV2", "OV3", "OV4", "OV5"}
    # 1.0 x 8 h: OV1 (10 h) and OV6 (8.33 h) are now above the line too
    settings.set_threshold(con, "fx", "S-OVERLOAD.ratio_medium", 1.0, scope=ADMIN, actor="kim")
    assert _overloaded(con) == {"OV1", "OV2", "OV3", "OV4", "OV5", "OV6"}


def test_a_threshold_change_is_stored_and_audited(con) -> None:
    stored = settings.set_threshold(con, "fx", "S-SILENT.days", "70", scope=ADMIN, actor="kim")
    assert stored == 70
    row = con.execute(
        "SELECT value, updated_by FROM settings WHERE program_id = 'fx' AND key = 'S-SILENT.days'"
    ).fetchone()
    assert (json.loads(row[0]), row[1]) == (70, "kim")
    action, program, detail = _audit(con)[-1]
    assert (action, program) == ("threshold_change", "fx")
    assert json.loads(detail) == {"key": "S-SILENT.days", "old": 56, "new": 70}


def test_german_decimal_comma_is_accepted(con) -> None:
    assert (
        settings.set_threshold(con, "fx", "S-OVERLOAD.ratio_high", "1,5", scope=ADMIN, actor="kim")
        == 1.5
    )


@pytest.mark.parametrize(
    ("key", "value", "english", "german"),
    [
        (
            "S-OVERLOAD.ratio_medium",
            20,
            "must be between 0.1 and 10 (got 20)",
            "muss zwischen 0,1 und 10 liegen (angegeben: 20)",
        ),
        ("S-SILENT.days", 3, "must be between 7 and 730", "muss zwischen 7 und 730 liegen"),
        ("S-SILENT.days", 10.5, "must be a whole number", "muss eine ganze Zahl sein"),
        ("S-SILENT.days", "soon", "must be a whole number", "muss eine ganze Zahl sein"),
        (
            "S-OVERLOAD.ratio_medium",
            2,
            "must not be greater than S-OVERLOAD.ratio_high",
            "darf nicht größer sein als S-OVERLOAD.ratio_high",
        ),
        ("S-OVERLOAD.nonsense", 1, "Unknown setting", "Unbekannte Einstellung"),
    ],
)
def test_a_bad_value_is_refused_in_both_languages_and_nothing_changes(
    con, key, value, english, german
) -> None:
    with pytest.raises(settings.SettingError) as refused:
        settings.set_threshold(con, "fx", key, value, scope=ADMIN, actor="kim")
    assert english in refused.value.message
    assert german in refused.value.text("de")
    assert con.execute("SELECT count(*) FROM settings").fetchone() == (0,)
    assert _audit(con) == []


def test_program_value_wins_over_the_all_programs_default(con) -> None:
    settings.set_threshold(con, "*", "S-SILENT.days", 84, scope=ADMIN, actor="kim")
    settings.set_threshold(con, "fx", "S-SILENT.days", 63, scope=ADMIN, actor="kim")
    assert settings.threshold_values(con, "fx")["S-SILENT"]["days"] == 63
    assert settings.threshold_values(con, "other")["S-SILENT"]["days"] == 84


def test_reset_returns_to_the_default_and_is_audited(con) -> None:
    settings.set_threshold(con, "fx", "S-SILENT.days", 63, scope=ADMIN, actor="kim")
    assert settings.reset_threshold(con, "fx", "S-SILENT.days", scope=ADMIN, actor="kim") == 56
    action, _, detail = _audit(con)[-1]
    assert action == "threshold_change" and json.loads(detail)["reset"] is True


def test_a_viewer_cannot_change_thresholds(con) -> None:
    viewer = Scope(user="vic", role="viewer", programs=frozenset({"fx"}))
    with pytest.raises(AccessDenied):
        settings.set_threshold(con, "fx", "S-SILENT.days", 63, scope=viewer, actor="vic")


def test_one_off_overrides_change_one_evaluation_only(con) -> None:
    load(con, OVERLOAD, "fx")
    assert "OV1" in _overloaded(con, settings={"S-OVERLOAD.ratio_medium": 1.0})
    assert "OV1" not in _overloaded(con)
    with pytest.raises(settings.SettingError):
        _overloaded(con, settings={"S-OVERLOAD.ratio_medium": 0})


def test_as_of_default_is_used_when_no_date_is_given(con) -> None:
    load(con, OVERLOAD, "fx")
    settings.set_program_setting(con, "fx", "as_of_default", "2026-06-30", scope=ADMIN, actor="kim")
    assert settings.as_of_default(con, "fx") == AS_OF
    found = evaluate(con, scope=ADMIN, program_id="fx")
    assert {r.subject_id for r in found if r.signal_id == "S-OVERLOAD"} == _overloaded(con)
    assert _audit(con)[-1][0] == "setting_change"


@pytest.mark.parametrize(("key", "value"), [("as_of_default", "31.02.2026"), ("language", "fr")])
def test_bad_program_settings_are_refused(con, key, value) -> None:
    with pytest.raises(settings.SettingError) as refused:
        settings.set_program_setting(con, "fx", key, value, scope=ADMIN, actor="kim")
    assert refused.value.message and refused.value.text("de")


def test_language_defaults_to_english_and_can_be_german(con) -> None:
    assert settings.get_program_setting(con, "fx", "language") == "en"
    settings.set_program_setting(con, "fx", "language", "de", scope=ADMIN, actor="kim")
    assert settings.get_program_setting(con, "fx", "language") == "de"
