"""The pages' queries on the demo, checked against figures worked out by hand in
sample_data/demo/SCENARIOS.md (as of 2026-11-20)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import AccessDenied, Scope
from dashboard.views import network, program, supporter

AS_OF = date(2026, 11, 20)
ALL = Scope.local_operator()


@pytest.fixture
def con(demo_template: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    copy = tmp_path / "views.duckdb"
    copy.write_bytes(demo_template.read_bytes())
    connection = db.connect(copy)
    yield connection
    connection.close()


def test_weekly_load_of_the_overloaded_supporter(con: duckdb.DuckDBPyConnection) -> None:
    # P03: 13 contacts of 70 min; by ISO week (Monday): 10-26 … 11-01 has 10-26, 10-27, 10-28,
    # 11-01 (4); each of the next three weeks has 3.
    frame = supporter.weekly_load(con, "demo", "P03", AS_OF, scope=ALL).tail(4)
    assert [d.isoformat() for d in frame["week"].dt.date] == [
        "2026-10-26",
        "2026-11-02",
        "2026-11-09",
        "2026-11-16",
    ]
    assert frame["contacts"].tolist() == [4, 3, 3, 3]
    assert frame["hours"].round(2).tolist() == [4.67, 3.5, 3.5, 3.5]
    assert frame["capacity_week"].round(3).unique().tolist() == [1.846]  # 8 h × 12 / 52


def test_matches_never_carry_the_seeker(con: duckdb.DuckDBPyConnection) -> None:
    frame = supporter.matches(con, "demo", "P03", AS_OF, scope=ALL)
    assert "seeker_id" not in frame.columns
    open_now = frame[frame["ended_on"].isna()]
    assert sorted(open_now["match_id"]) == ["M008", "M009", "M010"]
    assert dict(zip(open_now["match_id"], open_now["contacts_28d"], strict=True)) == {
        "M008": 5,
        "M009": 4,
        "M010": 4,
    }


def test_referrals_by_service_type(con: duckdb.DuckDBPyConnection) -> None:
    frame = network.referrals_by_type(con, "demo", AS_OF, scope=ALL)
    got = {r.service_type: (r.needed, r.referred) for r in frame.itertuples()}
    assert got == {
        "counselling": (5, 2),
        "legal_asylum": (4, 4),
        "crisis_line": (2, 2),
        "psychotherapy": (1, 1),
        "housing_support": (1, 1),
        "sexual_health_clinic": (1, 1),
    }


def test_need_matrix_marks_exactly_the_two_language_gaps(con: duckdb.DuckDBPyConnection) -> None:
    frame = network.need_matrix(con, "demo", AS_OF, scope=ALL)
    gaps = sorted(f"{r.service_type}/{r.language}" for r in frame.itertuples() if r.gap)
    assert gaps == ["legal_asylum/tr", "psychotherapy/ar"]
    counselling_fa = frame[(frame.service_type == "counselling") & (frame.language == "fa")]
    assert counselling_fa["needs"].tolist() == [5]


def test_stale_partnership_that_is_needed_comes_first(con: duckdb.DuckDBPyConnection) -> None:
    frame = network.partnerships(con, "demo", AS_OF, scope=ALL)
    first = frame.iloc[0]
    assert (first.service_id, bool(first.stale), bool(first.needed)) == ("SV08", True, True)
    assert int(first.days_since) == 401
    stale = set(frame.loc[frame["stale"], "service_id"])
    assert stale == {"SV08", "SV05", "SV09", "SV15", "SV16"}


def test_queries_refuse_a_program_out_of_scope(con: duckdb.DuckDBPyConnection) -> None:
    other = Scope(user="c", role="coordinator", programs=frozenset({"elsewhere"}))
    with pytest.raises(AccessDenied):
        supporter.weekly_load(con, "demo", "P03", AS_OF, scope=other)
    with pytest.raises(AccessDenied):
        network.need_matrix(con, "demo", AS_OF, scope=other)


def test_program_download_hides_small_counts_and_the_share_that_would_reveal_them() -> None:
    rows = [
        {"figure": "basics_share", "count": 22, "of": 23, "share": 0.9565},
        {"figure": "over_capacity", "count": 2, "of": 23, "share": 0.087},
        {"figure": "goal_share", "count": 0, "of": 5, "share": 0.0},
    ]
    out = program.downloadable(rows)
    assert out[0] == rows[0]
    assert out[1] == {"figure": "over_capacity", "count": "<8", "of": 23, "share": None}
    assert out[2] == {"figure": "goal_share", "count": 0, "of": "<8", "share": None}
