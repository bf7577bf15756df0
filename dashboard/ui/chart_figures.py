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

_CHANNELS = ("y", "x", "color", "text", "yOffset")


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


def _fields(encoding: dict[str, Any]) -> dict[str, str]:
    """Returns {field: title} of the encoded, not aggregated fields, in channel order."""
    found: dict[str, str] = {}
    for channel in _CHANNELS:
        enc = encoding.get(channel)
        if not isinstance(enc, dict) or "field" not in enc or "aggregate" in enc:
            continue
        title = enc.get("title") or (enc.get("axis") or {}).get("title") or enc["field"]
        found.setdefault(enc["field"], str(title))
    return found


def _table(rows: list[dict[str, Any]], fields: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    present = [f for f in fields if f in frame.columns]
    out = frame[present].copy()
    for column in present:
        out[column] = [_day(v) for v in out[column]]
    return out.rename(columns={f: fields[f] for f in present}).drop_duplicates()


def _day(cell: Any) -> Any:
    """Returns an ISO timestamp string as its date (charts carry dates as text)."""
    if isinstance(cell, str) and len(cell) >= 10 and cell[4:5] == "-" and cell[7:8] == "-":
        try:
            return date.fromisoformat(cell[:10])
        except ValueError:
            return cell
    return cell
