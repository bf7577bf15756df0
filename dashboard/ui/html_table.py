"""Real HTML tables for what the pages list: caption, column headers with scope, row headers.

Streamlit's st.dataframe is a canvas: a screen reader finds no rows in it, and long text is
cut at the column edge. These tables are plain HTML that wraps long text and, on a narrow
screen (a phone), turns every row into a card of "header: value" lines, so nothing is cut off.
Every header and cell is escaped with html.escape: the data is untrusted.
No Streamlit here; dashboard.ui.widgets.table draws the string this module builds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape
from typing import Any

import numpy as np
import pandas as pd

from dashboard.i18n import direction, value
from dashboard.i18n.formats import localise_digits

# Colours on white keep a contrast of at least 4.5:1 (WCAG 2.1 AA); the caption is read by
# screen readers and hidden on screen, where the heading above the table says the same.
CSS = """
.dash-table-wrap{overflow-x:auto;margin:0 0 1rem 0}
table.dash-table{border-collapse:collapse;width:100%;font-size:0.9rem;line-height:1.35}
table.dash-table caption{position:absolute;width:1px;height:1px;overflow:hidden;
  clip:rect(0 0 0 0);white-space:nowrap}
table.dash-table th,table.dash-table td{border-bottom:1px solid #d0d0d8;padding:0.35rem 0.5rem;
  text-align:start;vertical-align:top;overflow-wrap:break-word;color:#1f1f29}
table.dash-table thead th{background:#f0f0f5;font-weight:600}
table.dash-table td.dash-wide{min-width:16rem}
@media (max-width:640px){
  table.dash-table thead{position:absolute;width:1px;height:1px;overflow:hidden;
    clip:rect(0 0 0 0)}
  table.dash-table tr{display:block;border:1px solid #d0d0d8;border-radius:0.4rem;
    margin-bottom:0.6rem;padding:0.2rem 0}
  table.dash-table th,table.dash-table td{display:block;border:0;padding:0.15rem 0.6rem}
  table.dash-table td.dash-wide{min-width:0}
  table.dash-table [data-label]::before{content:attr(data-label) ": ";font-weight:600}
}
"""


def cell_text(cell: Any, lang: str) -> str:
    """Returns one cell as the language writes it: '—' for empty, dates and numbers localised,
    lists joined with commas."""
    if isinstance(cell, (list, tuple, np.ndarray)):
        return ", ".join(cell_text(item, lang) for item in cell)
    if isinstance(cell, np.generic):
        cell = cell.item()
    if isinstance(cell, datetime) and not pd.isna(cell):
        return _moment(cell, lang)
    return value(cell, lang)


def _moment(cell: datetime, lang: str) -> str:
    """Returns a date with its time of day ('20.11.2026 14:05'); midnight as the date alone."""
    day = value(cell.date(), lang)
    if (cell.hour, cell.minute) == (0, 0):
        return day
    return f"{day} {localise_digits(cell.strftime('%H:%M'), lang)}"


def build(
    frame: pd.DataFrame,
    *,
    caption: str,
    lang: str,
    row_header: str | None = None,
    wide: Iterable[str] = (),
) -> str:
    """Returns `frame` as an escaped HTML table: its columns as headers (scope="col"), the
    column `row_header` (if given) as each row's header (scope="row"), `wide` columns given
    room for long sentences."""
    columns = [str(c) for c in frame.columns]
    wide_set = set(wide)
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    rows = "".join(
        _row(columns, row, lang, row_header, wide_set)
        for row in frame.itertuples(index=False, name=None)
    )
    return (
        # a wide table scrolls sideways: the region takes keyboard focus so it can be scrolled
        # without a mouse (axe: scrollable-region-focusable), and is named by the caption
        f'<div class="dash-table-wrap" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f'<table class="dash-table" dir="{direction(lang)}">'
        f"<caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _row(
    columns: Sequence[str], row: Sequence[Any], lang: str, header: str | None, wide: set[str]
) -> str:
    cells = []
    for column, cell in zip(columns, row, strict=True):
        tag, scope = ("th", ' scope="row"') if column == header else ("td", "")
        css = ' class="dash-wide"' if column in wide else ""
        label = escape(column, quote=True)
        text = escape(cell_text(cell, lang))
        cells.append(f'<{tag}{scope}{css} data-label="{label}">{text}</{tag}>')
    return f"<tr>{''.join(cells)}</tr>"


def page(tables: Iterable[str]) -> str:
    """Returns the style sheet followed by `tables` (one st.html call per table group)."""
    return f"<style>{CSS}</style>" + "".join(tables)
