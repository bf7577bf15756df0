"""Altair charts drawn from Vega-Lite specs that are built and validated once per data.

`st.altair_chart` turns the chart into a spec on every rerun of every session: Altair
validates the whole spec against the Vega-Lite JSON schema and the data is serialised to
Arrow each time. Here the finished spec (data included, as Arrow bytes) is kept in a shared
cache keyed by the chart function, the language and a digest of the (small, pre-aggregated)
frame, and handed to `st.vega_lite_chart`, which is what `st.altair_chart` does after its
conversion. Under each chart, its plotted figures as a table (ui/chart_figures.py) are the
chart's text alternative.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

# Streamlit's own Altair → spec conversion (theme off, data as Arrow): the very spec that
# st.altair_chart would send, so cached and uncached charts look the same.
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from dashboard.i18n import t
from dashboard.memo import SharedMemo
from dashboard.ui import chart_figures, widgets

_SPECS = SharedMemo(max_entries=1024)


def altair_chart(build: Callable[[pd.DataFrame, str], Any], frame: pd.DataFrame, lang: str) -> None:
    """Draws build(frame, lang) like st.altair_chart, from a cached spec when the same chart of
    the same data in the same language was drawn before (by any session)."""
    digest = _digest(frame)
    if digest is None:  # a column pandas cannot hash (lists): draw without the cache
        chart = build(frame, lang)
        st.altair_chart(chart)
        _figures(chart_figures.figures(chart), lang)
        return
    key = (build.__module__, build.__qualname__, lang, digest)
    spec, plotted = _SPECS.get(key, lambda: _spec_and_figures(build(frame, lang)))
    st.vega_lite_chart(spec=copy.deepcopy(spec))  # Streamlit moves the data out of the spec
    _figures(plotted, lang)


def _spec_and_figures(chart: Any) -> tuple[dict, pd.DataFrame]:
    return _convert_altair_to_vega_lite_spec(chart), chart_figures.figures(chart)


def _figures(plotted: pd.DataFrame, lang: str) -> None:
    """Draws the chart's text alternative: its plotted figures as a table, folded away."""
    if plotted.empty:
        return
    label = t("ui.chart_figures", lang)
    with st.expander(label, expanded=False, icon=":material/table:"):
        widgets.table(plotted, caption=label)


def _digest(frame: pd.DataFrame) -> str | None:
    """Returns a digest of the frame's columns, types and values (row order included)."""
    try:
        rows = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
    except TypeError:
        return None
    header = repr([(str(c), str(t)) for c, t in frame.dtypes.items()]).encode()
    return hashlib.sha256(header + rows).hexdigest()


def clear() -> None:
    """Forgets every cached spec."""
    _SPECS.clear()
