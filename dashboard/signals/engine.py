"""evaluate(): run every rule for the programs in scope and return the signals, worst first."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from dashboard import settings as settings_mod
from dashboard.access import Scope
from dashboard.signals import base
from dashboard.signals.model import Number, Rule, SignalResult
from dashboard.signals.registry import RULES
from dashboard.signals.workspace import Workspace, open_workspace


class UnknownProgram(LookupError):
    """The program id is not in the database."""

    def __init__(self, program_id: str) -> None:
        super().__init__(f"unknown program {program_id!r}")
        self.program_id = program_id


def known_programs(con: duckdb.DuckDBPyConnection, *, scope: Scope) -> list[str]:
    """Returns the program ids in the database that `scope` reaches, sorted."""
    rows = con.execute(
        "SELECT program_id FROM programs UNION SELECT DISTINCT program_id FROM supporters"
    ).fetchall()
    return sorted(scope.filter_programs([r[0] for r in rows]))


def require_program(
    con: duckdb.DuckDBPyConnection, program_id: str, *, scope: Scope, write: bool = False
) -> None:
    """Raises AccessDenied unless scope reaches program_id, then UnknownProgram if it is not in
    the database. Access is checked first: whether another program exists is its own business."""
    scope.require(program_id, write=write)
    if program_id not in known_programs(con, scope=scope):
        raise UnknownProgram(program_id)


def evaluate(
    con: duckdb.DuckDBPyConnection,
    *,
    scope: Scope,
    program_id: str | None = None,
    as_of: date | None = None,
    settings: Mapping[str, Any] | None = None,
) -> list[SignalResult]:
    """Returns the signals of the programs in scope (only `program_id` if given), worst first.

    as_of defaults per program to its `as_of_default` setting, else today. `settings` maps
    threshold keys ('S-OVERLOAD.ratio_medium') to values that override the stored ones for
    this call only (validated like a stored change). Raises AccessDenied for a program out of
    scope and UnknownProgram for one not in the database.
    """
    if program_id is not None:
        require_program(con, program_id, scope=scope)
        programs = [program_id]
    else:
        programs = known_programs(con, scope=scope)
    results: list[SignalResult] = []
    # the evaluation's own cursors: its relations never touch the caller's connection
    with open_workspace(con) as workspace:
        for pid in programs:
            day = as_of or settings_mod.as_of_default(con, pid) or date.today()
            values = settings_mod.threshold_values(con, pid, overrides=settings)
            results.extend(evaluate_program(workspace, pid, day, values))
    return sorted(results, key=SignalResult.sort_key)


def evaluate_program(
    workspace: Workspace,
    program_id: str,
    as_of: date,
    values: Mapping[str, Mapping[str, Number]],
    rules: Mapping[str, Rule] = RULES,
) -> list[SignalResult]:
    """Returns the signals of one program on `as_of` with thresholds `values[rule_id][name]`."""
    base.build(workspace, program_id, as_of, _windows(rules, values))
    cur = workspace.main
    out: list[SignalResult] = []
    # One worker runs the rules' SQL in turn on `cur` (DuckDB releases the GIL meanwhile) while
    # this thread turns the previous rule's rows into results: both cores stay busy.
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="signals")
    try:
        with _python_for_bulk():
            pending = [
                (rule, pool.submit(_query, cur, rule, program_id, as_of, values[rule.id]))
                for rule in rules.values()
            ]
            for rule, rows in pending:
                out.extend(_results(rule, rows.result(), program_id, as_of, values[rule.id]))
    finally:
        pool.shutdown(cancel_futures=True)
    return out


_SWITCH_SECONDS = 0.0002
_bulk_lock = threading.Lock()
_bulk_users = 0
_bulk_saved: tuple[float, bool] = (0.005, True)


@contextmanager
def _python_for_bulk() -> Iterator[None]:
    """Tunes the interpreter while evaluations run and restores it when the last one ends.

    - A short thread switch interval: DuckDB's client takes the GIL between the tasks of a
      query (to check for Ctrl-C), so while this thread is busy in Python each task of the
      worker's query waited up to one interval (5 ms by default): the SQL ran several times
      slower than alone.
    - No cyclic garbage collection: the results are thousands of small dicts and lists without
      cycles, and every collection walked all of them again.
    """
    global _bulk_users, _bulk_saved
    with _bulk_lock:
        if _bulk_users == 0:
            _bulk_saved = (sys.getswitchinterval(), gc.isenabled())
            sys.setswitchinterval(min(_bulk_saved[0], _SWITCH_SECONDS))
            gc.disable()
        _bulk_users += 1
    try:
        yield
    finally:
        with _bulk_lock:
            _bulk_users -= 1
            if _bulk_users == 0:
                sys.setswitchinterval(_bulk_saved[0])
                if _bulk_saved[1]:
                    gc.enable()


def _windows(
    rules: Mapping[str, Rule], values: Mapping[str, Mapping[str, Number]]
) -> dict[str, int]:
    """Returns, per base relation with a window, the widest window the rules reading it need."""
    windows: dict[str, int] = {}
    for rule in rules.values():
        for table, name in ((rule.contacts, "window_days"), (base.CHECKINS, rule.checkins)):
            if table and name:
                windows[table] = max(windows.get(table, 1), int(values[rule.id][name]))
    return windows


def _query(
    cur: duckdb.DuckDBPyConnection,
    rule: Rule,
    program_id: str,
    as_of: date,
    thresholds: Mapping[str, Number],
) -> pa.Table:
    params = {**thresholds, "as_of": as_of, "program_id": program_id}
    # Arrow hands over list columns (the evidence ids) far faster than fetchall()
    return cur.execute(rule.sql, base.bind(rule.sql, params)).to_arrow_table()


def _results(
    rule: Rule,
    table: pa.Table,
    program_id: str,
    as_of: date,
    thresholds: Mapping[str, Number],
) -> list[SignalResult]:
    fixed = {
        "program_id": program_id,
        "signal_id": rule.id,
        "action": rule.action,
        "subject_type": rule.subject_type,
    }
    return [
        SignalResult(
            **fixed, subject_id=str(row["subject_id"]), **vars(rule.explain(row, thresholds, as_of))
        )
        for row in table.to_pylist()
    ]
