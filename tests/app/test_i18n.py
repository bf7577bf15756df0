"""Both catalogs hold the same keys, every key the UI uses exists, formats follow the locale."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from dashboard import i18n
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

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = [
    ROOT / "dashboard" / "streamlit_app.py",
    ROOT / "dashboard" / "charts.py",
    ROOT / "dashboard" / "agenda.py",
    *sorted((ROOT / "dashboard" / "app_pages").glob("*.py")),
    *sorted((ROOT / "dashboard" / "ui").glob("*.py")),
]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_german_and_english_catalogs_have_the_same_keys() -> None:
    assert set(i18n.catalog("de")) == set(i18n.catalog("en"))


def test_translations_keep_the_placeholders_of_the_english_text() -> None:
    en, de = i18n.catalog("en"), i18n.catalog("de")
    differing = {
        k for k in en if set(PLACEHOLDER.findall(en[k])) != set(PLACEHOLDER.findall(de[k]))
    }
    assert differing == set()


def test_no_text_is_left_empty() -> None:
    for lang in i18n.LANGS:
        assert [k for k, v in i18n.catalog(lang).items() if not v.strip()] == []


def _literal_keys() -> set[str]:
    """Every string literal in the UI code that has the shape of a catalog key."""
    namespaces = {key.split(".")[0] for key in i18n.catalog("en")}
    found = set()
    for path in UI_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if (
                    re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", text)
                    and text.split(".")[0] in namespaces
                    and not text.endswith((".py", "_"))  # page files; f-string stems
                ):
                    found.add(text)
    return found


def test_every_key_the_pages_use_is_in_both_catalogs() -> None:
    used = _literal_keys()
    assert len(used) > 150  # the scan really found the pages' keys
    for lang in i18n.LANGS:
        assert sorted(used - set(i18n.catalog(lang))) == [], lang


def test_a_misspelt_key_would_be_caught_by_the_scan(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text('ctx.t("attention.titel")\n', encoding="utf-8")
    UI_SOURCES.append(page)
    try:
        assert "attention.titel" in _literal_keys() - set(i18n.catalog("en"))
    finally:
        UI_SOURCES.remove(page)


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
    built += [f"settings.language_{o}" for o in ("browser", "de", "en")]
    for lang in i18n.LANGS:
        assert [k for k in built if not i18n.has(k, lang)] == []


def test_browser_locale_picks_the_language() -> None:
    assert i18n.lang_from_locale("de-DE") == "de"
    assert i18n.lang_from_locale("de-AT") == "de"
    assert i18n.lang_from_locale("en-US") == "en"
    assert i18n.lang_from_locale("fa-IR") == "en"  # no Persian catalog yet: English
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


def test_placeholders_are_filled_and_missing_keys_stay_visible() -> None:
    assert i18n.t("import.removed", "de", id=7) == "Import 7 entfernt."
    assert i18n.t("no.such.key", "de") == "no.such.key"
