"""The lifecycle edges of tests/fixtures/followups/lifecycle.toml, and a dismissed signal that
disappears from the data (demo program)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from dashboard.followups import board, lifecycle, store
from dashboard.followups.record import record
from dashboard.signals import evaluate

from .conftest import OPERATOR

FIXTURE = Path(__file__).parents[1] / "fixtures" / "followups" / "lifecycle.toml"
CASES = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))["case"]
AS_OF = date(2026, 11, 20)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_lifecycle_edges(case: dict) -> None:
    followup = case.get("followup")
    if followup is not None:
        followup = {"review_on": None, **followup}
    got = lifecycle.standing(case["signal"], followup, AS_OF, case.get("margin", 0.2))
    assert (got.state, got.reason) == (case["expected"], case.get("reason"))


def _agenda(con, day: date) -> list[dict]:
    found = [s.model_dump() for s in evaluate(con, scope=OPERATOR, program_id="demo", as_of=day)]
    return board.annotate(con, "demo", found, day, scope=OPERATOR)


def test_a_dismissed_signal_that_disappears_leaves_every_group(demo_con) -> None:
    """P12's expired training (T-EXPIRED) is dismissed, then a renewed training is imported:
    the signal no longer fires, so it is in no group; the follow-up itself stays listed."""
    record(
        demo_con, scope=OPERATOR, program_id="demo", signal_id="T-EXPIRED", subject_id="P12",
        action="training_booked", status="dismissed",
    )  # fmt: skip
    before = [r for r in _agenda(demo_con, AS_OF) if r["subject_id"] == "P12"]
    assert {r["signal_id"]: r["group"] for r in before}["T-EXPIRED"] == "handled"
    expired = demo_con.execute(
        "SELECT training FROM trainings WHERE program_id = 'demo' AND supporter_id = 'P12' "
        "AND valid_until < ?",
        [AS_OF],
    ).fetchone()[0]
    demo_con.execute(
        "INSERT INTO trainings (program_id, supporter_id, training, completed_on, valid_until, "
        "import_id) VALUES ('demo', 'P12', ?, '2026-11-10', '2028-11-10', 1)",
        [expired],
    )
    after = [r for r in _agenda(demo_con, AS_OF) if r["subject_id"] == "P12"]
    assert "T-EXPIRED" not in {r["signal_id"] for r in after}
    assert [r["signal_id"] for r in store.list_for(demo_con, "demo", scope=OPERATOR)] == [
        "T-EXPIRED"
    ]


def test_done_dated_after_as_of_does_not_count_yet_but_planned_does(demo_con) -> None:
    later = date(2026, 11, 27)
    record(
        demo_con, scope=OPERATOR, program_id="demo", signal_id="S-OVERLOAD", subject_id="P03",
        action="load_reduced", status="done", on=later,
    )  # fmt: skip
    record(
        demo_con, scope=OPERATOR, program_id="demo", signal_id="S-OVERLOAD", subject_id="P04",
        action="supervision_talk", status="planned", on=later,
    )  # fmt: skip
    states = {r["subject_id"]: r["state"] for r in _agenda(demo_con, AS_OF)
              if r["signal_id"] == "S-OVERLOAD"}  # fmt: skip
    assert states == {"P03": "open", "P04": "planned"}
