"""Charts say one thing each: shares on a readable range, months on a month axis, strain apart
from resources, colours with AA contrast that never carry meaning alone, legends below."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from test_charts import FRAMES

from dashboard import charts

MONTHS = [date(2026, m, 28 if m == 2 else 30) for m in range(1, 7)]


def _coverage(shares: list[float]) -> pd.DataFrame:
    figures = ["basics_share", "supervision_share", "checkin_share"]
    rows = [
        {"as_of": d, "figure": f, "share": shares[(i + j) % len(shares)]}
        for i, d in enumerate(MONTHS)
        for j, f in enumerate(figures)
    ]
    return pd.DataFrame(rows)


def _contrast(colour: str, background: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(colour), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_high_shares_get_a_range_near_them_named_in_the_axis_title() -> None:
    spec = charts.coverage_trends(_coverage([0.95, 0.97, 1.0]), "en").to_dict()
    y = spec["encoding"]["y"]
    assert y["scale"]["domain"] == [0.9, 1.0]  # 0.95 - 0.05 = 0.90, rounded down to a tenth
    assert y["title"] == "Share (axis starts at 90%)"


def test_low_shares_keep_the_axis_from_zero() -> None:
    spec = charts.coverage_trends(_coverage([0.2, 0.6, 0.9]), "de").to_dict()
    assert spec["encoding"]["y"]["scale"]["domain"] == [0.0, 1.0]
    assert spec["encoding"]["y"]["title"] == "Anteil"


def test_coverage_months_are_calendar_months_with_a_tick_each() -> None:
    spec = charts.coverage_trends(_coverage([0.5]), "de").to_dict()
    x = spec["encoding"]["x"]
    assert x["timeUnit"] == "yearmonth"
    assert x["axis"]["tickCount"] == {"interval": "month", "step": 1}
    assert x["axis"]["format"] == "%m.%Y" and x["axis"]["title"] == "Monat"


def _measures(spec: dict) -> set[str]:
    return {row["measure"] for row in next(iter(spec["datasets"].values()))}


def test_strain_and_resources_are_separate_charts_saying_which_way_is_good() -> None:
    frame = pd.DataFrame(
        {
            "checkin_date": [MONTHS[0]] * 5,
            "measure": ["stress", "felt_triggered", "can_say_no", "role_clarity", "benefit"],
            "value": [4, 3, 2, 5, 4],
        }
    )
    strain = charts.checkin_strain(frame, "en").to_dict()
    resources = charts.checkin_resources(frame, "en").to_dict()
    assert _measures(strain) == {"stress", "felt_triggered"}
    assert _measures(resources) == {"can_say_no", "role_clarity", "benefit"}
    assert "higher is worse" in strain["title"]
    assert "höher ist besser" in charts.checkin_resources(frame, "de").to_dict()["title"]


def test_palette_passes_wcag_aa_on_white() -> None:
    assert min(_contrast(c) for c in charts.PALETTE) >= 4.5


def _series_encodings(spec: dict) -> list[dict]:
    """Every encoding (layers included) that colours marks by a data field."""
    found = []
    for view in [spec, *spec.get("layer", [])]:
        encoding = view.get("encoding", {})
        if "field" in encoding.get("color", {}):
            found.append(encoding)
    return found


@pytest.mark.parametrize("name", ["checkin_strain", "proqol_bands", "coverage_trends"])
def test_series_colours_come_from_the_palette_with_a_second_cue_and_a_bottom_legend(
    name: str,
) -> None:
    spec = getattr(charts, name)(FRAMES[name], "en").to_dict()
    (encoding,) = _series_encodings(spec)
    colour = encoding["color"]
    assert set(colour["scale"]["range"]) <= set(charts.PALETTE)
    assert colour["legend"]["orient"] == "bottom"
    cues = {"shape", "strokeDash", "fillOpacity"} & set(encoding)
    assert cues and all(encoding[c]["field"] == colour["field"] for c in cues)


def test_needed_and_referred_bars_carry_their_kind_as_text() -> None:
    spec = charts.referrals(FRAMES["referrals"], "de").to_dict()
    bars, labels = spec["layer"]
    assert "color" not in bars["encoding"]  # one hue; fill and words tell the kinds apart
    assert bars["encoding"]["fillOpacity"]["scale"]["range"] == [1.0, 0.15]
    assert labels["encoding"]["text"]["field"] == "kind"
    kinds = {row["kind"] for row in next(iter(spec["datasets"].values()))}
    assert kinds == {"Gebraucht", "Vermittelt"}
