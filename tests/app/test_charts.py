"""Every chart has a title and labelled axes in the user's language."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from dashboard import charts

WEEKS = [date(2026, 10, 5) + timedelta(weeks=i) for i in range(4)]
FRAMES = {
    "load_vs_capacity": pd.DataFrame(
        {
            "week": WEEKS,
            "hours": [2.0, 0.0, 5.5, 3.0],
            "contacts": [2, 0, 4, 3],
            "capacity_week": [1.85] * 4,
        }
    ),
    "checkin_strain": pd.DataFrame(
        {
            "checkin_date": [WEEKS[0], WEEKS[0], WEEKS[2]],
            "measure": ["stress", "benefit", "stress"],
            "value": [2, 4, 5],
        }
    ),
    "checkin_resources": pd.DataFrame(
        {
            "checkin_date": [WEEKS[0], WEEKS[0], WEEKS[2]],
            "measure": ["stress", "benefit", "stress"],
            "value": [2, 4, 5],
        }
    ),
    "proqol_bands": pd.DataFrame(
        {
            "response_date": [WEEKS[0], WEEKS[3]],
            "subscale": ["burnout", "burnout"],
            "score": [30, 43],
            "band": ["moderate", "high"],
        }
    ),
    "load_distribution": pd.DataFrame({"hours": [1.0, 4.5, 12.0]}),
    "coverage_trends": pd.DataFrame(
        {"as_of": WEEKS[:2], "figure": ["basics_training", "basics_training"], "share": [0.5, 0.6]}
    ),
    "referrals": pd.DataFrame(
        {"service_type": ["legal_asylum", "psychotherapy"], "needed": [9, 4], "referred": [3, 4]}
    ),
    "need_matrix": pd.DataFrame(
        {
            "service_type": ["legal_asylum", "psychotherapy"],
            "language": ["fa", "de"],
            "needs": [5, 2],
            "services": [0, 1],
            "gap": [True, False],
        }
    ),
}


def _titles(spec: dict) -> list[str]:
    """Every axis/legend title anywhere in a Vega-Lite spec."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title" and isinstance(value, str):
                found.append(value)
            elif key == "axis" and isinstance(value, dict) and isinstance(value.get("title"), str):
                found.append(value["title"])
            else:
                found.extend(_titles(value))
    elif isinstance(spec, list):
        for item in spec:
            found.extend(_titles(item))
    return found


@pytest.mark.parametrize("name", sorted(FRAMES))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_chart_has_a_title_and_axis_titles(name: str, lang: str) -> None:
    spec = getattr(charts, name)(FRAMES[name], lang).to_dict()
    title = spec["title"] if isinstance(spec["title"], str) else spec["title"]["text"]
    assert isinstance(title, str) and title
    assert len(_titles(spec)) >= 3  # chart title + at least x and y


def test_titles_are_translated() -> None:
    de = charts.load_vs_capacity(FRAMES["load_vs_capacity"], "de").to_dict()
    en = charts.load_vs_capacity(FRAMES["load_vs_capacity"], "en").to_dict()
    assert de["title"] == "Kontaktstunden pro Woche und vereinbarte Kapazität"
    assert en["title"] == "Weekly contact hours vs. agreed capacity"
    assert "Stunden pro Woche" in _titles(de)


def test_a_gap_is_marked_by_text_not_only_by_colour() -> None:
    spec = charts.need_matrix(FRAMES["need_matrix"], "en").to_dict()
    values = next(iter(spec["datasets"].values()))
    marks = {v["service_type"]: v["mark"] for v in values}
    assert marks == {"legal_asylum": "✖", "psychotherapy": "1"}
    assert spec["title"]["subtitle"][0].startswith("✖ = gap")
