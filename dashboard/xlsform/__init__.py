"""Ready-made XLSForms for KoboToolbox / ODK, built from the contract (see build.py)."""

from __future__ import annotations

from dashboard.xlsx import write_xlsx

from .build import FORMS, LANGUAGES, Form, build_form

__all__ = ["FORMS", "LANGUAGES", "Form", "build_form", "form_xlsx"]


def form_xlsx(export: str, langs: list[str]) -> bytes:
    """Returns the XLSForm of `export` as an .xlsx file (sheets survey, choices, settings)."""
    return write_xlsx(dict(build_form(export, langs).sheets))
