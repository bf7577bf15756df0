"""The demo shows what SCENARIOS.md says it shows: hand-worked figures and the expected signals.

The expected set is read from sample_data/demo/SCENARIOS.md, where it was worked out by hand
from the scenario code and the rulebook, so the document and the data cannot drift apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.sample import DEMO_AS_OF, DEMO_PROGRAM, load_demo
from dashboard.sample import load as load_module
from dashboard.signals import evaluate

from .conftest import DEMO_DIR, table_contents

CLEAN = {"P01", "P02", "P13", "P19", "P22", "P23"}
# Contact minutes in the last 28 days (2026-10-24 .. 2026-11-20), from SCENARIOS.md.
MINUTES_28_DAYS = {
    "P01": 4 * 60 + 4 * 45,
    "P03": 13 * 70,
    "P04": 4 * 75 + 4 * 60,
    "P09": 13 * 30,
    "P10": 6 * 45,
    "P13": 8 * 60,
    "P19": 0,
    "P23": 4 * 60 + 3 * 45,
    "P24": 4 * 45 + 4 * 45 + 4 * 30,
}


def expected_signals() -> set[tuple[str, str, str]]:
    text = (DEMO_DIR / "SCENARIOS.md").read_text(encoding="utf-8")
    block = re.search(r"## Expected set.*?```text\n(.+?)```", text, re.S)
    assert block, "SCENARIOS.md lost its expected-set block"
    return {tuple(line.split()) for line in block.group(1).strip().splitlines()}  # type: ignore[misc]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """The demo loaded once for this module's read-only tests."""
    con = db.connect(tmp_path_factory.mktemp("demo") / "store.duckdb")
    report = load_demo(con, scope=Scope.local_operator())
    assert report.committed and report.exit_code == 0, [e.as_dict() for e in report.errors[:5]]
    yield con
    con.close()


def test_load_demo_imports_every_file_as_a_demo_program_with_its_as_of_date(
    demo: duckdb.DuckDBPyConnection,
) -> None:
    counts = {n: len(rows) for n, rows in table_contents(demo).items()}
    lines = {n: len(open(DEMO_DIR / f"{n}.csv").readlines()) - 1 for n in counts}
    assert counts == lines
    assert demo.execute("SELECT program_id, is_demo FROM programs").fetchall() == [("demo", True)]
    imports = demo.execute("SELECT program_id, is_demo, imported_by FROM imports").fetchall()
    assert imports == [("demo", True, "demo")]
    value = demo.execute(
        "SELECT value FROM settings WHERE program_id = 'demo' AND key = 'as_of_default'"
    ).fetchone()
    assert value is not None and json.loads(value[0]) == "2026-11-20"


@pytest.mark.parametrize("supporter, minutes", sorted(MINUTES_28_DAYS.items()))
def test_contact_minutes_in_the_last_28_days_are_the_hand_worked_ones(
    demo: duckdb.DuckDBPyConnection, supporter: str, minutes: int
) -> None:
    row = demo.execute(
        "SELECT coalesce(sum(c.duration_min), 0) FROM contacts c JOIN matches m USING (match_id)"
        " WHERE m.supporter_id = ? AND c.contact_date BETWEEN ? AND ?",
        [supporter, date(2026, 10, 24), DEMO_AS_OF],
    ).fetchone()
    assert row == (minutes,)


def test_referral_needs_of_the_last_90_days_are_the_hand_worked_ones(
    demo: duckdb.DuckDBPyConnection,
) -> None:
    rows = demo.execute(
        "SELECT need, count(*), count(*) FILTER (list_contains(referral_made, need))"
        " FROM (SELECT unnest(referral_needed) AS need, referral_made FROM contacts"
        "       WHERE contact_date BETWEEN ? AND ?) GROUP BY need ORDER BY need",
        [date(2026, 8, 23), DEMO_AS_OF],
    ).fetchall()
    assert rows == [
        ("counselling", 5, 2), ("crisis_line", 2, 2), ("housing_support", 1, 1),
        ("legal_asylum", 4, 4), ("psychotherapy", 1, 1), ("sexual_health_clinic", 1, 1),
    ]  # fmt: skip


def test_the_signals_on_the_as_of_date_are_the_expected_set(
    demo: duckdb.DuckDBPyConnection, operator: Scope
) -> None:
    results = evaluate(demo, scope=operator, program_id=DEMO_PROGRAM, as_of=DEMO_AS_OF)
    got = {(r.subject_id, r.signal_id, r.severity) for r in results}
    assert got == expected_signals()
    assert not {r.subject_id for r in results} & CLEAN


def test_every_rule_occurs_and_several_supporters_stay_clean() -> None:
    from dashboard.signals import RULES

    assert {signal for _, signal, _ in expected_signals()} == set(RULES)
    flagged = {subject for subject, _, _ in expected_signals() if subject.startswith("P")}
    assert {f"P{n:02d}" for n in range(1, 26)} - flagged == CLEAN


def test_without_the_committed_folder_the_demo_is_written_fresh_and_is_the_same(
    fresh_store: Callable[[str], duckdb.DuckDBPyConnection],
    operator: Scope,
    demo: duckdb.DuckDBPyConnection,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(load_module, "DEMO_DIR", tmp_path / "not-there")
    con = fresh_store("fresh")
    assert load_demo(con, scope=operator).committed
    assert table_contents(con) == table_contents(demo)
