"""Follow-up health figures on the demo (as of 20 Nov 2026), worked out by hand.

High signals then (since): S-OVERLOAD P03 (26 Oct), S-STRESS P05 (4 Nov), S-STRESS P06
(2 Nov), S-CRISIS P17 (16 Nov), S-INCIDENT P20 (28 Oct), N-UNMET counselling (9 Sep), N-GAP
legal_asylum/tr (21 Oct), N-GAP psychotherapy/ar (18 Oct). Old enough to judge (first day on
or before 6 Nov): all but P17 = 7.
"""

from __future__ import annotations

from datetime import date

from dashboard import health
from dashboard.followups.record import record

from .conftest import OPERATOR

AS_OF = date(2026, 11, 20)


def _follow(con, signal: str, subject: str, status: str, on: str, review: str | None = None):  # noqa: ANN001, ANN202
    record(
        con, scope=OPERATOR, program_id="demo", signal_id=signal, subject_id=subject,
        action="supervision_talk", status=status, on=date.fromisoformat(on), as_of=AS_OF,
        review=date.fromisoformat(review) if review else None,
    )  # fmt: skip


def _figures(con, day: date = AS_OF) -> dict:  # noqa: ANN001
    return health.followup_figures(con, scope=OPERATOR, program_id="demo", as_of=day)


def test_without_followups_nothing_is_followed(demo_con) -> None:
    got = _figures(demo_con)
    assert (got["median_days_to_first"], got["high_judged"], got["high_within_14"]) == (None, 7, 0)
    assert got["reopened"] == 0


def test_figures_from_four_followups(demo_con) -> None:
    _follow(demo_con, "S-STRESS", "P05", "done", "2026-11-10")  # 6 days: in time
    _follow(demo_con, "S-OVERLOAD", "P03", "done", "2026-11-20")  # 25 days: late
    _follow(demo_con, "S-CRISIS", "P17", "planned", "2026-11-18")  # 2 days: young but in time
    _follow(demo_con, "S-STRESS", "P06", "done", "2026-11-15", review="2026-11-19")  # 13 days
    got = _figures(demo_con)
    assert got["median_days_to_first"] == 9.5  # of 2, 6, 13, 25
    assert (got["high_judged"], got["high_followed"], got["high_within_14"]) == (8, 3, 0.375)
    assert got["reopened"] == 1  # P06: review date 19 Nov has passed


def test_the_trend_replays_each_month_end(demo_con) -> None:
    _follow(demo_con, "S-STRESS", "P05", "done", "2026-11-10")
    trend = health.followup_trend(
        demo_con, scope=OPERATOR, program_id="demo", as_of=AS_OF, months=2
    )
    assert [t["month"] for t in trend] == ["2026-10", "2026-11"]
    assert trend[0]["median_days_to_first"] is None  # nothing was followed up by 31 Oct
    assert trend[1]["median_days_to_first"] == 6
