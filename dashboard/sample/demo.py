"""The demo program: 25 pseudonymous supporters whose year shows every rule of the rulebook.

Each supporter is one function in cast_*.py named after the situation it shows; the expected
signals, worked out by hand, are in sample_data/demo/SCENARIOS.md.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import cast_clean as clean
from . import cast_supervision as sup
from . import cast_training as train
from .builder import AS_OF, DemoBuilder, Row
from .csvout import write_canonical
from .network import network

DEMO_PROGRAM = "demo"
DEMO_AS_OF = AS_OF
DEMO_SEED = 20261120

CAST: tuple[Callable[[DemoBuilder], None], ...] = (
    clean.p01_steady,
    clean.p02_crisis_handled,
    sup.p03_overloaded,
    sup.p04_stretched,
    sup.p05_at_the_edge,
    sup.p06_burning_out,
    sup.p07_trigger_topic,
    sup.p08_felt_triggered,
    sup.p09_daily_contact,
    sup.p10_friendship,
    sup.p11_depended_on,
    sup.p12_cannot_say_no,
    clean.p13_well_connected,
    sup.p14_fading_benefit,
    sup.p15_intervision_only,
    sup.p16_drifting,
    sup.p17_crisis_alone,
    train.p18_no_plan,
    clean.p19_paused,
    train.p20_open_breach,
    train.p21_complaint,
    clean.p22_left,
    clean.p23_new_match,
    train.p24_newcomer,
    train.p25_unreferred,
)

# Rows are written in a stable, readable order: by these columns.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "supporters": ("supporter_id",),
    "matches": ("match_id",),
    "contacts": ("contact_date", "match_id"),
    "checkins": ("supporter_id", "checkin_date"),
    "proqol": ("supporter_id", "response_date"),
    "trainings": ("supporter_id", "completed_on", "training"),
    "supervision": ("supporter_id", "session_date", "format"),
    "services": ("service_id",),
    "incidents": ("incident_id",),
}


def build_demo(seed: int = DEMO_SEED) -> dict[str, list[Row]]:
    """Returns the demo program's rows per export, identical for the same seed."""
    b = DemoBuilder(seed)
    for scenario in CAST:
        scenario(b)
    network(b)
    tables = {name: sorted(b.rows[name], key=_by(keys)) for name, keys in SORT_KEYS.items()}
    # Contact codes follow the calendar, so C00001 is the oldest contact.
    for n, row in enumerate(tables["contacts"], start=1):
        row["contact_id"] = f"C{n:05d}"
    return tables


def _by(keys: tuple[str, ...]) -> Callable[[Row], tuple[Any, ...]]:
    return lambda row: tuple(row[k] for k in keys)


def write_demo(out_dir: str | Path) -> list[Path]:
    """Writes the demo program as canonical CSVs (one per export) into out_dir; returns them."""
    return write_canonical(build_demo(), out_dir)
