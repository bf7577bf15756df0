"""The figures a chart plots, as a table: the text alternative drawn next to every chart.

A chart is a picture to a screen reader. Its Vega-Lite spec already says which fields it
plots and under which (translated) titles, so the table is read from the spec itself: one
column per encoded field (x, y, colour …) with the axis or legend title as its header, one
row per plotted data point. Aggregated channels (a mean line, a count) are left out: the
rows underneath them are in the table. No Streamlit here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import altair as alt
import pandas as pd

from dashboard.i18n import Pct

_CHANNELS = ("x", "y", "color", "text", "yOffset")


def figures(chart: alt.TopLevelMixin) -> pd.DataFrame:
    """Returns the plotted rows of the chart's richest layer, columns named by their titles
    (empty when the chart plots no field)."""
    spec = chart.to_dict(validate=False)
    datasets = spec.get("datasets", {})
    best = pd.DataFrame()
    for layer in [spec, *spec.get("layer", [])]:
        fields = _fields(layer.get("encoding", {}))
        name = (layer.get("data") or spec.get("data") or {}).get("name")
        rows = datasets.get(name, []) if name else []
        if fields and rows and len(fields) > len(best.columns):
            best = _table(rows, fields)
    return best


def _fields(encoding: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """Returns {field: (title, is a share)} of the encoded, not aggregated fields: what the
    figures are about (dates, categories) first, the measured quantities after them."""
    found: dict[str, tuple[str, bool]] = {}
    encs = [encoding.get(channel) for channel in _CHANNELS]
    encs = [e for e in encs if isinstance(e, dict) and "field" in e and "aggregate" not in e]
    for enc in sorted(encs, key=lambda e: e.get("type") == "quantitative"):
        axis = enc.get("axis") or {}
        title = enc.get("title") or axis.get("title") or enc["field"]
        share = enc.get("type") == "quantitative" and str(axis.get("format", "")).endswith("%")
        found.setdefault(enc["field"], (str(title), share))
    return found


def _table(rows: list[dict[str, Any]], fields: dict[str, tuple[str, bool]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    present = [f for f in fields if f in frame.columns]
    out = frame[present].copy()
    for column in present:
        share = fields[column][1]
        out[column] = [Pct(v) if share else _day(v) for v in out[column]]
    return out.rename(columns={f: fields[f][0] for f in present}).drop_duplicates()


def _day(cell: Any) -> Any:
    """Returns an ISO timestamp string as its date (charts carry dates as text)."""
    if isinstance(cell, str) and len(cell) >= 10 and cell[4:5] == "-" and cell[7:8] == "-":
        try:
            return date.fromisoformat(cell[:10])
        except ValueError:
            return cell
    return cell
