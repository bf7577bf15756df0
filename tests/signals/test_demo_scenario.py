"""The demo program on its as-of date gives exactly the signals SCENARIOS.md works out by hand,
with the numbers written there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.i18n import say
from dashboard.sample import DEMO_AS_OF, DEMO_PROGRAM, load_demo
from dashboard.signals import SignalResult, evaluate

SCENARIOS = Path(__file__).resolve().parents[2] / "sample_data" / "demo" / "SCENARIOS.md"
ADMIN = Scope.local_operator()


def expected_set() -> set[tuple[str, str, str]]:
    """Returns (subject, signal, severity) from the 'Expected set' block of SCENARIOS.md."""
    text = SCENARIOS.read_text(encoding="utf-8")
    block = re.search(r"## Expected set.*?```text\n(.+?)```", text, re.S)
    assert block, "SCENARIOS.md has no expected-set block"
    return {tuple(line.split()) for line in block.group(1).strip().splitlines()}  # type: ignore[misc]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = db.connect(tmp_path_factory.mktemp("demo") / "store.duckdb")
    assert load_demo(con, scope=ADMIN).committed
    yield con
    con.close()


@pytest.fixture(scope="module")
def signals(demo) -> dict[tuple[str, str], SignalResult]:
    found = evaluate(demo, scope=ADMIN, program_id=DEMO_PROGRAM, as_of=DEMO_AS_OF)
    return {(r.subject_id, r.signal_id): r for r in found}


def test_the_demo_fires_exactly_the_expected_set(signals) -> None:
    got = {(subject, signal, r.severity) for (subject, signal), r in signals.items()}
    assert got == expected_set()


def test_without_a_date_the_demo_uses_its_as_of_default(demo, signals) -> None:
    found = evaluate(demo, scope=ADMIN, program_id=DEMO_PROGRAM)
    assert {(r.subject_id, r.signal_id) for r in found} == set(signals)


# (subject, signal) -> (value, threshold) as SCENARIOS.md works them out
NUMBERS = {
    ("P03", "S-OVERLOAD"): (15.17, 14.0),  # 910 min = 15.17 h; high line 1.75 x 8 h
    ("P04", "S-OVERLOAD"): (9.0, 7.5),  # 540 min = 9 h; medium line 1.25 x 6 h
    ("P05", "S-STRESS"): (4, 4),
    ("P06", "S-STRESS"): (45, 42),  # ProQOL burnout 45
    ("P09", "S-DEPENDENCY"): (3.25, 3.0),  # 13 contacts / 4 weeks
    ("P10", "S-DEPENDENCY"): (0.67, 0.5),  # 4 of 6 outside agreed hours
    ("P15", "S-NO-SUPERVISION"): (72, 56),  # last professional session 2026-09-09
    ("P16", "S-NO-SUPERVISION"): (135, 112),  # 2026-07-08
    ("P16", "S-SILENT"): (108, 56),  # 2026-08-04
    ("P18", "S-NO-GOAL"): (172, 56),  # M036 since 2026-06-01
    ("P24", "S-NO-GOAL"): (66, 56),  # M047 since 2026-09-15
    ("P24", "T-NEWCOMER"): (3, 2),
    ("P25", "T-REFERRAL"): (3, 3),
    ("counselling", "N-UNMET"): (0.4, 0.5),  # referred 2 of 5
    ("housing_support", "N-STALE"): (401, 180),  # SV08 last met 2025-10-15
}


@pytest.mark.parametrize("key", sorted(NUMBERS), ids=lambda k: f"{k[0]}-{k[1]}")
def test_values_and_thresholds_are_the_hand_worked_numbers(signals, key) -> None:
    value, threshold = NUMBERS[key]
    assert (signals[key].value, signals[key].threshold) == (pytest.approx(value), threshold)


@pytest.mark.parametrize(
    ("key", "kind", "ids"),
    [
        (("P08", "T-SPECIALIST"), "contact_ids", ["C01020", "C01151"]),
        (("P17", "S-CRISIS"), "contact_ids", ["C01287"]),
        (("P25", "T-REFERRAL"), "contact_ids", ["C00995", "C01170", "C01266"]),
        (("P07", "S-TRIGGER"), "contact_ids", ["C01254"]),
        (("P11", "S-DEPENDENCY"), "incident_ids", ["I01"]),
        (("P20", "S-INCIDENT"), "incident_ids", ["I03"]),
        (("P18", "T-BASICS"), "match_ids", ["M036", "M037"]),
        (("housing_support", "N-STALE"), "service_ids", ["SV08"]),
    ],
)
def test_evidence_names_the_rows_scenarios_md_names(signals, key, kind, ids) -> None:
    assert signals[key].evidence[kind] == ids


def test_sentences_carry_the_numbers_in_every_language(signals) -> None:
    overload = signals[("P03", "S-OVERLOAD")]
    assert say(overload.message, "en") == (
        "15.17 h of contacts in the last 28 days against 8 h agreed (190%)"
    )
    assert say(overload.message, "de") == (
        "15,17 Std. Kontakte in den letzten 28 Tagen bei 8 Std. vereinbart (190\u00a0%)"
    )
    assert say(overload.message, "fa") == (
        "۱۵٫۱۷ ساعت تماس در ۲۸ روز گذشته در برابر ۸ ساعت توافق‌شده (۱۹۰٪)"
    )
    # 910 minutes against 8 h × 1.75 = 14 h: the value and its line in the sentence's unit
    assert say(overload.measure, "en") == "15.2 h, line 14 h"
    assert say(overload.measure, "de") == "15,2 Std., Grenze 14 Std."
    unmet = signals[("counselling", "N-UNMET")]
    assert "needed in 5 contacts in the last 90 days but referred in only 2 (40%" in say(
        unmet.message, "en"
    )
    assert "in 5 Kontakten gebraucht, aber nur in 2 vermittelt (40\u00a0%" in say(
        unmet.message, "de"
    )
    assert say(unmet.measure, "en") == "40% referred, signal below 50%"
