"""docs/signals.md names every setting and rule, and its generated tables are up to date."""

from __future__ import annotations

from pathlib import Path

from dashboard import settings
from dashboard.signals import RULES
from dashboard.signals.docs import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "signals.md"


def test_doc_names_every_setting() -> None:
    text = DOC.read_text(encoding="utf-8")
    keys = [*settings.PROGRAM_SETTINGS, *settings.threshold_keys()]
    assert [k for k in keys if f"`{k}`" not in text] == []


def test_doc_names_every_rule() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert [r for r in RULES if f"`{r}`" not in text] == []


def test_generated_tables_are_current() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert render(text) == text, "run: python -m dashboard settings --doc docs/signals.md"
