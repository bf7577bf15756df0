"""The data dictionary offers the ready-made XLSForms, in the label languages chosen."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from app_helpers import open_page
from pyxform.xls2json_backends import xlsx_to_dict

from dashboard.views import dictionary
from dashboard.xlsform import FORMS


def test_every_form_is_offered_and_follows_the_chosen_languages(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: dict[str, bytes] = {}  # what the page hands its download buttons, per export

    def recording(export: str, langs: list[str]) -> bytes:
        served[export] = real(export, langs)
        return served[export]

    real = dictionary.xlsform
    monkeypatch.setattr(dictionary, "xlsform", recording)
    at = open_page("data_dictionary", locale="de-DE")
    forms = [b for b in at.get("download_button") if b.proto.label.startswith("Formular")]
    assert sorted(b.proto.label for b in forms) == sorted(f"Formular {e} (.xlsx)" for e in FORMS)

    at.multiselect(key="form_langs").set_value(["en", "fa"]).run()
    assert not at.exception
    form = xlsx_to_dict(io.BytesIO(served["contacts"]))
    survey = form["survey"]
    assert {k for k in form["survey_header"][0] if k.startswith("label::")} == {
        "label::English (en)", "label::Persian (fa)"
    }  # fmt: skip
    assert [row["name"] for row in survey][:3] == ["contact_id", "match_id", "contact_date"]


def test_no_language_chosen_disables_the_form_downloads(demo_db: Path) -> None:
    at = open_page("data_dictionary")
    at.multiselect(key="form_langs").set_value([]).run()
    forms = [b for b in at.get("download_button") if b.proto.label.endswith("form (.xlsx)")]
    assert len(forms) == len(FORMS) and all(b.proto.disabled for b in forms)
