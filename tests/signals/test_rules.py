"""Each rule against its fixture folder: the hand-worked outcome in expected.toml, both sides of
every default threshold, and supporters who must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.access import Scope
from dashboard.signals import RULES, SignalResult, evaluate

from .conftest import RULE_CASES, expected

_EVALUATED: dict[str, list[SignalResult]] = {}


def _all(rule_db, folder: Path) -> list[SignalResult]:
    """Returns every signal of the folder's program on its as-of date (evaluated once)."""
    if folder.name not in _EVALUATED:
        _EVALUATED[folder.name] = evaluate(
            rule_db,
            scope=Scope.local_operator(),
            program_id=folder.name,
            as_of=expected(folder)["as_of"],
        )
    return _EVALUATED[folder.name]


def _results(rule_db, folder: Path) -> tuple[dict, list[SignalResult]]:
    spec = expected(folder)
    return spec, [r for r in _all(rule_db, folder) if r.signal_id == spec["rule"]]


def test_every_rule_has_a_fixture() -> None:
    covered = {expected(p)["rule"] for p in RULE_CASES}
    assert covered == set(RULES)


@pytest.mark.parametrize("folder", RULE_CASES, ids=lambda p: p.name)
def test_rule_fires_exactly_for_the_hand_worked_subjects(rule_db, folder: Path) -> None:
    spec, results = _results(rule_db, folder)
    assert sorted(r.subject_id for r in results) == sorted(f["subject"] for f in spec["fires"])
    assert not {r.subject_id for r in results} & set(spec.get("quiet", []))


@pytest.mark.parametrize("folder", RULE_CASES, ids=lambda p: p.name)
def test_rule_reports_severity_value_threshold_and_evidence(rule_db, folder: Path) -> None:
    spec, results = _results(rule_db, folder)
    by_subject = {r.subject_id: r for r in results}
    for want in spec["fires"]:
        got = by_subject[want["subject"]].model_dump()
        assert got["severity"] == want["severity"], want["subject"]
        assert got["action"] == RULES[spec["rule"]].action
        assert got["subject_type"] == RULES[spec["rule"]].subject_type
        for field in ("value", "threshold"):
            if field in want:
                assert got[field] == pytest.approx(want[field]), (want["subject"], field)
        for field in ("message", "message_de", "since", "window_days"):
            if field in want:
                assert got[field] == want[field], (want["subject"], field)
        for kind, ids in want.get("evidence", {}).items():
            assert got["evidence"][kind] == ids, (want["subject"], kind)


@pytest.mark.parametrize("folder", RULE_CASES, ids=lambda p: p.name)
def test_every_signal_reads_as_a_sentence_in_both_languages(rule_db, folder: Path) -> None:
    for r in _all(rule_db, folder):
        for text in (r.message, r.message_de):
            assert text and not text[0].islower(), (r.signal_id, text)
            assert "None" not in text and "{" not in text and "  " not in text, text
        assert "." not in _numbers(r.message_de), (r.signal_id, r.message_de)


def _numbers(text: str) -> str:
    """Returns the decimal numbers in a German sentence (dates 01.06.2026 are not numbers)."""
    import re

    return " ".join(re.findall(r"(?<![\d.])\d+\.\d+(?![\d.])", text))
