"""Program-setting help and refusals are catalog messages, rendered in en, de and fa."""

from __future__ import annotations

import pytest

from dashboard import db, settings
from dashboard.access import Scope
from dashboard.cli import main
from dashboard.i18n import render
from schemas import EXPORTS

ADMIN = Scope.local_operator()


@pytest.fixture()
def con():
    connection = db.connect(":memory:")
    yield connection
    connection.close()


def test_a_value_out_of_range_reads_in_persian_with_persian_digits(con) -> None:
    with pytest.raises(settings.SettingError) as refused:
        settings.set_threshold(con, "fx", "S-SILENT.days", 3, scope=ADMIN, actor="kim")
    assert refused.value.text("fa") == "S-SILENT.days باید بین ۷ و ۷۳۰ باشد (واردشده: ۳)."
    assert (
        refused.value.text("de") == "S-SILENT.days muss zwischen 7 und 730 liegen (angegeben: 3)."
    )


def test_an_invalid_program_setting_names_what_is_allowed_in_the_language(con) -> None:
    with pytest.raises(settings.SettingError) as refused:
        settings.set_program_setting(con, "fx", "smtp_port", "many", scope=ADMIN)
    assert refused.value.text("en") == "smtp_port: 'many' is not a valid value (1 – 65535)."
    assert refused.value.text("fa") == "smtp_port: «many» مقدار معتبری نیست (۱ تا ۶۵۵۳۵)."


def test_the_program_language_may_be_persian(con) -> None:
    assert settings.set_program_setting(con, "fx", "language", "fa", scope=ADMIN) == "fa"


def test_every_program_setting_has_help_in_three_languages() -> None:
    for key in settings.PROGRAM_SETTINGS:
        texts = {lang: settings.program_setting_help(key, lang) for lang in ("en", "de", "fa")}
        assert len(set(texts.values())) == 3, (key, texts)  # none falls back to English


def test_import_and_settings_commands_take_lang_fa(tmp_path, capsys) -> None:
    store = str(tmp_path / "s.duckdb")
    upload = tmp_path / "supporters.csv"
    upload.write_text("supporter_id,joined_on,capacity_hours_month\nS1,2025-01-01,5\n")
    assert main(["import", "--db", store, "--program", "fx", "--lang", "fa", str(upload)]) == 0
    assert "واردکردن 1: ۱ ردیف ثبت شد (کد خروج ۰)." in capsys.readouterr().err
    code = main(["settings", "--db", store, "--program", "fx", "--lang", "fa", "--set", "x.y=1"])
    assert code == 2
    assert "error: تنظیم ناشناخته «x.y»" in capsys.readouterr().err


def test_schema_catalog_agrees_with_the_registry() -> None:
    # the registry keeps English and German for forms and docs; the catalogs must not drift
    for name, spec in EXPORTS.items():
        assert render(f"schema.{name}.description", None, "en") == spec.description
        if spec.title_de:
            assert render(f"schema.{name}.title", None, "de") == spec.title_de
        for column in spec.columns:
            if name == "proqol" and column.name.startswith("q"):
                number = int(column.name[1:])
                text = {"en": render("schema.proqol.item", {"n": number}, "en")}
                text["de"] = render("schema.proqol.item", {"n": number}, "de")
            else:
                text = {
                    lang: render(f"schema.{name}.{column.name}", None, lang)
                    for lang in ("en", "de")
                }
            assert (text["en"], text["de"]) == (column.description, column.description_de)
