"""Checking a file costs work linear in its size in every dimension: rows, columns (headerless
ones inside the header, empty ones at its end) and field length. Each example checks a file
and the same file grown 4x in one dimension and compares the CPU time of the two checks: a
linear check needs about 4x, a quadratic one 16x. Ratios of the same run, never absolute times.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import Upload, validate_uploads

GROWTH = 4
LIMIT = 8.0  # between linear (4) and quadratic (16), with room for a noisy shared machine
BASE = {"rows": 5_000, "columns": 60, "trailing": 1_000, "field": 2_000}  # columns: 480 < 500


def _file(dimension: str, size: int) -> bytes:
    """A supporters file, valid but for its size in `dimension`; its other dimensions small."""
    rows, inner, trailing, topics = 200, 0, 0, 1
    if dimension == "rows":
        rows = size
    elif dimension == "columns":
        inner = size
    elif dimension == "trailing":
        trailing = size
    else:
        topics = size // 9  # "religion|" is nine characters a repetition
    gap, tail = "," * inner, "," * trailing
    header = f"supporter_id,{gap}joined_on,capacity_hours_month,trigger_topics{tail}"
    cell = "|".join(["religion"] * topics)
    lines = [f"S-{n:05d},{gap}2024-01-05,6,{cell}{tail}" for n in range(rows)]
    return "\n".join([header, *lines, ""]).encode()


def _cost(data: bytes) -> float:
    """Returns the least CPU time of three checks of `data` (all threads of this process)."""
    con = db.connect(":memory:")
    upload = [Upload("supporters.csv", data)]
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        report = validate_uploads(con, "A", upload, scope=Scope.local_operator())
        best = min(best, time.process_time() - start)
        assert report.errors == [] and not report.unusable
    con.close()
    return best


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dimension=st.sampled_from(sorted(BASE)), scale=st.sampled_from([1, 2]))
def test_checking_cost_grows_linearly_in_every_dimension(dimension: str, scale: int) -> None:
    size = BASE[dimension] * scale
    small, large = _cost(_file(dimension, size)), _cost(_file(dimension, GROWTH * size))
    ratio = large / small
    assert ratio < LIMIT, f"{dimension} x{GROWTH}: {ratio:.1f}x the work"


def test_the_grown_files_are_what_they_claim() -> None:
    """The shapes above really grow: more rows, more columns, longer fields."""
    assert _file("rows", 40).count(b"\n") == 41
    assert _file("columns", 30).split(b"\n")[0].count(b",") == 33
    assert _file("trailing", 30).split(b"\n")[1].endswith(b"," * 30)
    assert len(_file("field", 4000).split(b"\n")[1]) > 4000
