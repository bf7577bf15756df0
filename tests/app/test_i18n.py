"""Both catalogs hold the same keys, every key the UI uses exists, formats follow the locale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard import i18n
from dashboard.i18n import tooling
from dashboard.views.attention import ACTIONS, SEVERITIES
from dashboard.views.imports import HISTORY_COLUMNS
from schemas import EXPORTS
from schemas.vocabularies import (
    Channel,
    Dimension,
    Facilitator,
    Goal,
    ProcessStage,
    ServiceType,
    SupervisionFormat,
    Training,
)


def test_the_catalogs_are_complete_and_hold_only_used_ids() -> None:
    """Every id the code uses is translated in de, en and fa; nothing unused, nothing fuzzy."""
    assert tooling.check() == []


def test_the_id_scan_finds_the_pages_ids_and_would_catch_a_misspelt_one(tmp_path: Path) -> None:
    used = tooling.extracted_ids()
    assert len(used) > 250  # the scan really found the pages' ids
    assert "attention.title" in used
    assert "attention.titel" not in used
    assert "attention.titel" not in tooling.used_ids()


@pytest.mark.parametrize(
    ("kind", "codes"),
    [
        ("action", ACTIONS),
        ("severity", SEVERITIES),
        ("service", [v.value for v in ServiceType]),
        ("topic", [v.value for v in Goal]),
        ("training", [v.value for v in Training]),
        ("dimension", [v.value for v in Dimension]),
        ("channel", [v.value for v in Channel]),
        ("format", [v.value for v in SupervisionFormat]),
        ("facilitator", [v.value for v in Facilitator]),
        ("stage", [v.value for v in ProcessStage]),
        ("measure", ["stress", "felt_triggered", "can_say_no", "role_clarity", "benefit"]),
        ("subscale", ["compassion_satisfaction", "burnout", "secondary_traumatic_stress"]),
        ("band", ["low", "moderate", "high"]),
    ],
)
def test_every_vocabulary_code_has_a_label_in_both_languages(kind: str, codes: list[str]) -> None:
    for lang in i18n.LANGS:
        assert [c for c in codes if not i18n.has(f"vocab.{kind}.{c}", lang)] == []


def test_keys_built_at_run_time_exist() -> None:
    kinds = {c.kind for spec in EXPORTS.values() for c in spec.columns}
    built = [f"kind.{k}" for k in kinds] + [f"history.{c}" for c in HISTORY_COLUMNS]
    for lang in i18n.LANGS:
        assert [k for k in built if not i18n.has(k, lang)] == []


def test_browser_locale_picks_the_language() -> None:
    assert i18n.lang_from_locale("de-DE") == "de"
    assert i18n.lang_from_locale("de-AT") == "de"
    assert i18n.lang_from_locale("en-US") == "en"
    assert i18n.lang_from_locale("fa-IR") == "fa"
    assert i18n.lang_from_locale("ar-SY") == "en"  # no Arabic catalog yet: English
    assert i18n.lang_from_locale(None) == "en"


def test_dates_and_numbers_follow_the_locale() -> None:
    day = date(2026, 11, 20)
    assert i18n.fmt_date(day, "de") == "20.11.2026"
    assert i18n.fmt_date(day, "en") == "20 Nov 2026"
    assert i18n.fmt_number(1234.5, "de") == "1.234,5"
    assert i18n.fmt_number(1234.5, "en") == "1,234.5"
    assert i18n.fmt_number(8.0, "de") == "8"
    assert i18n.fmt_percent(0.81, "de") == "81\u00a0%"
    assert i18n.fmt_percent(0.81, "en") == "81%"
    assert i18n.fmt_number(1234.5, "fa") == "۱٬۲۳۴٫۵"
    assert i18n.fmt_date(day, "fa") == "۲۰ نوامبر ۲۰۲۶"
    assert i18n.fmt_number(None, "de") == "—"


def test_placeholders_are_filled_and_missing_keys_stay_visible() -> None:
    assert i18n.t("import.removed", "de", id=7) == "Import 7 entfernt."
    assert i18n.t("no.such.key", "de") == "no.such.key"
