"""Each rule against its fixture folder: the hand-worked outcome in expected.toml, both sides of
every default threshold, and supporters who must not fire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.access import Scope
from dashboard.i18n import say
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
        result = by_subject[want["subject"]]
        got = result.model_dump()
        got["message"], got["message_de"] = say(result.message, "en"), say(result.message, "de")
        got["measure"] = say(result.measure, "en")
        assert got["severity"] == want["severity"], want["subject"]
        assert got["action"] == RULES[spec["rule"]].action
        assert got["subject_type"] == RULES[spec["rule"]].subject_type
        for field in ("value", "threshold"):
            if field in want:
                assert got[field] == pytest.approx(want[field]), (want["subject"], field)
        for field in ("message", "message_de", "measure", "since", "window_days"):
            if field in want:
                assert got[field] == want[field], (want["subject"], field)
        for kind, ids in want.get("evidence", {}).items():
            assert got["evidence"][kind] == ids, (want["subject"], kind)


@pytest.mark.parametrize("folder", RULE_CASES, ids=lambda p: p.name)
def test_every_signal_reads_as_a_sentence_in_every_language(rule_db, folder: Path) -> None:
    for r in _all(rule_db, folder):
        for lang in ("en", "de", "fa"):
            text = say(r.message, lang)
            assert text and not text[0].islower(), (r.signal_id, text)
            assert "None" not in text and "{" not in text and "  " not in text, text
            assert r.message.id not in text and "signal." not in text, text
            assert "None" not in say(r.measure, lang) and "{" not in say(r.measure, lang)
        assert "." not in _numbers(say(r.message, "de")), (r.signal_id, say(r.message, "de"))


# rules whose sentences name no vocabulary label (those labels get Persian from the vocab
# catalog, which is translated separately)
PERSIAN_CASES = [
    p for p in RULE_CASES if p.name in {
        "s_asked", "s_boundary", "s_crisis", "s_dependency", "s_imbalance", "s_no_goal",
        "s_no_supervision", "s_overload", "s_silent", "s_stress", "t_basics",
        "t_confidentiality", "t_newcomer", "t_specialist", "n_selfhelp",
    }
]  # fmt: skip


@pytest.mark.parametrize("folder", PERSIAN_CASES, ids=lambda p: p.name)
def test_persian_sentences_have_persian_digits_and_no_english(rule_db, folder: Path) -> None:
    _, results = _results(rule_db, folder)
    assert results
    for r in results:
        # a check-in score's measure names the item by its vocabulary label (see above)
        scale = r.measure is not None and r.measure.id.startswith("sentence.measure.scale")
        for msg in (r.message,) if scale else (r.message, r.measure):
            text = say(msg, "fa")
            # record ids (C1, M2 …) stay as they are stored; ProQOL is the instrument's name
            for kind in r.evidence.values():
                for record_id in sorted(kind, key=len, reverse=True):
                    text = text.replace(record_id, "")
            text = text.replace("ProQOL", "")
            assert not re.search(r"[A-Za-z0-9]", text), (r.signal_id, say(msg, "fa"))


def _numbers(text: str) -> str:
    """Returns the decimal numbers in a German sentence (dates 01.06.2026 are not numbers)."""
    return " ".join(re.findall(r"(?<![\d.])\d+\.\d+(?![\d.])", text))
