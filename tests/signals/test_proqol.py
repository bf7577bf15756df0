"""ProQOL 5 scoring against hand-scored responses: reversed items, band edges, missing items."""

from __future__ import annotations

import tomllib

import pytest

from dashboard import proqol
from dashboard.access import Scope

from .conftest import FIXTURES, load

FOLDER = FIXTURES / "proqol_scoring"
SUBSCALES = ("compassion_satisfaction", "burnout", "secondary_traumatic_stress")


@pytest.fixture
def scored(con) -> dict:
    load(con, FOLDER, "pq")
    rows = proqol.scores(con, scope=Scope.local_operator(), program_id="pq")
    return {r["response_date"]: r for r in rows}


def _cases() -> list[dict]:
    """Returns the hand-scored responses (scores.toml next to proqol.csv)."""
    return tomllib.loads((FOLDER / "scores.toml").read_text(encoding="utf-8"))["response"]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["date"]))
def test_scores_and_bands_match_hand_scoring(scored, case) -> None:
    got = scored[case["date"]]
    want = [case.get("cs"), case.get("bo"), case.get("sts")]
    assert [got[s] for s in SUBSCALES] == want
    assert [got[f"{s}_band"] for s in SUBSCALES] == case["bands"]
    assert got["missing_items"] == case.get("missing", [])


def test_every_response_is_scored_once(scored) -> None:
    assert len(scored) == len(_cases())


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (10, "low"),
        (22, "low"),
        (23, "moderate"),
        (41, "moderate"),
        (42, "high"),
        (50, "high"),
        (None, "not_scored"),
    ],
)
def test_python_band_matches_the_published_cut_offs(score, band) -> None:
    assert proqol.band(score) == band


def test_as_of_leaves_later_responses_out(con) -> None:
    load(con, FOLDER, "pq")
    rows = proqol.scores(
        con, scope=Scope.local_operator(), program_id="pq", as_of=_cases()[2]["date"]
    )
    assert len(rows) == 3


def test_credit_names_the_instrument_owner() -> None:
    assert proqol.CREDIT == "ProQOL by The Center for Victims of Torture, ProQOL.org"
