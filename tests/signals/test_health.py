"""Program-health figures against a small hand-worked program (fixtures/signals/health)."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from dashboard import health
from dashboard.access import AccessDenied, Scope

from .conftest import FIXTURES, load

FOLDER = FIXTURES / "health"
WANT = tomllib.loads((FOLDER / "health.toml").read_text(encoding="utf-8"))
AS_OF = WANT["as_of"]
ADMIN = Scope.local_operator()


@pytest.fixture
def hcon(con):
    load(con, FOLDER, "hp")
    return con


def _kw() -> dict:
    return {"scope": ADMIN, "program_id": "hp", "as_of": AS_OF}


def test_coverage_of_active_supporters(hcon) -> None:
    got = health.coverage(hcon, **_kw())
    assert {k: got[k] for k in ("active", "with_basics", "supervised", "checked_in")} == {
        k: WANT[k] for k in ("active", "with_basics", "supervised", "checked_in")
    }
    assert (got["basics_share"], got["supervision_share"], got["checkin_share"]) == (0.5, 0.5, 1)


def test_load_distribution_hours_per_active_supporter(hcon) -> None:
    got = health.load_distribution(hcon, **_kw())
    assert {p["supporter_id"]: p["hours"] for p in got["supporters"]} == {
        "H1": WANT["load"]["H1"],
        "H2": WANT["load"]["H2"],
    }
    for key in ("median_hours", "total_hours", "over_capacity"):
        assert got[key] == WANT["load"][key]
    assert got["window_days"] == 28


def test_matches_with_goal_and_scope(hcon) -> None:
    got = health.goals(hcon, **_kw())
    assert {k: got[k] for k in WANT["goals"]} == WANT["goals"]
    assert got["goal_share"] == pytest.approx(1 / 3, abs=1e-4)


def test_referral_completion_by_service_type(hcon) -> None:
    got = {
        r["service_type"]: [r["needed"], r["referred"]]
        for r in health.referral_completion(hcon, **_kw())
    }
    assert got == WANT["referrals"]


def test_open_incidents(hcon) -> None:
    got = health.open_incidents(hcon, **_kw())
    assert got["incident_ids"] == WANT["incidents"]["ids"]
    assert got["total"] == 3
    assert got["without_supporter"] == WANT["incidents"]["without_supporter"]


def test_monthly_trend_ends_on_as_of_and_agrees_with_the_point_figures(hcon) -> None:
    trend = health.monthly_trend(hcon, **_kw(), months=3)
    assert [p["as_of"] for p in trend] == [date(2026, 4, 30), date(2026, 5, 31), AS_OF]
    assert [p["month"] for p in trend] == ["2026-04", "2026-05", "2026-06"]
    last = trend[-1]
    assert (last["active"], last["with_basics"], last["open_incidents"]) == (2, 1, 3)
    assert last["total_hours"] == WANT["load"]["total_hours"]
    assert last["referral_share"] == pytest.approx(2 / 5, abs=1e-4)
    # 05-31: contacts 05-04..05-31 -> only C5 (H4, who was still a member) -> 1 active
    assert trend[1]["active"] == 1 and trend[1]["with_basics"] == 0


def test_month_ends_step_back_over_year_and_short_months() -> None:
    assert health.month_ends(date(2026, 3, 15), 4) == [
        date(2025, 12, 31),
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 15),
    ]


def test_health_needs_access_to_the_program(hcon) -> None:
    other = Scope(user="kim", role="coordinator", programs=frozenset({"else"}))
    with pytest.raises(AccessDenied):
        health.overview(hcon, scope=other, program_id="hp", as_of=AS_OF)
