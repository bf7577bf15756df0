"""Settings a demo visitor changes: kept in the browser session only, never in the store.

The Settings page writes here instead of dashboard.settings when the scope is anonymous;
the pages pass the overrides to the signal engine, which validates them like stored values.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import duckdb
import streamlit as st

from dashboard import settings

_KEY = "_session_thresholds"  # program id -> {threshold key: value}


def thresholds(program_id: str) -> dict[str, int | float]:
    """Returns this session's threshold overrides for the program (empty for accounts)."""
    return dict(st.session_state.get(_KEY, {}).get(program_id, {}))


def signal_kwargs(program_id: str) -> dict[str, Any]:
    """Returns the keyword arguments that make views.attention.signals_for use the overrides."""
    found = thresholds(program_id)
    return {"overrides": tuple(sorted(found.items()))} if found else {}


def set_threshold(
    con: duckdb.DuckDBPyConnection, program_id: str, key: str, value: int | float
) -> None:
    """Checks `value` like a stored setting (bounds, order; SettingError) and keeps it."""
    settings.threshold_values(con, program_id, overrides={**thresholds(program_id), key: value})
    st.session_state.setdefault(_KEY, {}).setdefault(program_id, {})[key] = value


def reset(program_id: str, keys: list[str]) -> None:
    """Drops this session's overrides of `keys`."""
    mine = st.session_state.get(_KEY, {}).get(program_id, {})
    for key in keys:
        mine.pop(key, None)


def applied(views: list[settings.ThresholdView], program_id: str) -> list[settings.ThresholdView]:
    """Returns the threshold views with this session's overrides as their values."""
    found = thresholds(program_id)
    return [dataclasses.replace(v, value=found.get(v.key, v.value)) for v in views]
