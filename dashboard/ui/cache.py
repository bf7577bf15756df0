"""Page data computed once per store version and shared by every session that may see it.

`cached(fn, *args)` returns `fn(cursor, *args, scope=...)`:
- a function with a `program_id` parameter depends only on that program, its other arguments
  (as-of date, language, supporter) and the store version, so one result serves every
  session. The caller's scope is checked on every access, before anything is returned, and
  the function runs with a read scope of that one program only, so nothing computed for one
  program can carry another program's data;
- any other function (program list, import history) depends on which programs the scope
  reaches: it is keyed by role and programs, never shared across different reaches;
- `per_user` is for the few reads that depend on the user themself (their last meeting).
The store version is the process's write count (dashboard.store_version) plus a token read
from the store once per count, so a rerun after no write issues no SQL at all.
"""

from __future__ import annotations

import functools
import inspect
import time
from collections.abc import Callable
from typing import Any, TypeVar

import duckdb

from dashboard import store_postgres, store_version
from dashboard.access import Scope
from dashboard.memo import SharedMemo
from dashboard.ui import connection, context
from dashboard.views.common import data_version

R = TypeVar("R")
SHARED_USER = "shared-cache"  # the scope's user while computing a shared result
_RESULTS = SharedMemo()
_VERSIONS = SharedMemo(max_entries=64)
SERVER_POLL_SECONDS = 5.0


def version(cur: duckdb.DuckDBPyConnection) -> str:
    """Returns the store version: this process's write count and the store's own token,
    which is read once per write count (the first session to ask reads it for all).

    A server store is written by other app processes too, whose writes this process does not
    count: there the token is read again at most every SERVER_POLL_SECONDS, so another
    process's import shows here within that time.
    """
    writes = store_version.writes()
    target = connection.database_path()
    tick = int(time.monotonic() // SERVER_POLL_SECONDS) if store_postgres.is_url(target) else 0
    key = (target, writes, tick)
    return f"{writes}:{_VERSIONS.get(key, lambda: data_version(cur))}"


def cached(fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Returns fn(cur, *args, scope=..., **kwargs), shared while the store is unchanged."""
    ctx = context.get()
    program = _program_of(fn, args, kwargs)
    if program is None:
        reader = Scope(user=SHARED_USER, role=ctx.scope.role, programs=ctx.scope.programs)
        owner: tuple = ("reach", ctx.scope.role, ctx.scope.programs)
    else:
        ctx.scope.require(program)  # AccessDenied before any cached result is handed out
        reader = Scope(user=SHARED_USER, role="viewer", programs=frozenset({program}))
        owner = ("program", program)
    key = (ctx.db_path, ctx.version, _name(fn), owner, args, tuple(sorted(kwargs.items())))
    return _RESULTS.get(key, lambda: fn(ctx.cur, *args, scope=reader, **kwargs))


def per_user(fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Returns fn(cur, *args, scope=<this session's scope>, **kwargs) for data that depends on
    who asks (the day this user last met), shared only by that user's sessions."""
    ctx = context.get()
    key = (
        ctx.db_path,
        ctx.version,
        _name(fn),
        ("user", ctx.scope),
        args,
        tuple(sorted(kwargs.items())),
    )
    return _RESULTS.get(key, lambda: fn(ctx.cur, *args, scope=ctx.scope, **kwargs))


def by_version(fn: Callable[..., R], cur: duckdb.DuckDBPyConnection, *args: Any) -> R:
    """Returns fn(cur, *args) once per store version, for reads before a page context exists
    (the sign-in gate's account and timeout lookups, the stored language)."""
    key = (connection.database_path(), version(cur), _name(fn), args)
    return _RESULTS.get(key, lambda: fn(cur, *args))


def clear() -> None:
    """Drops every shared result and marks the store changed (after a write the app made)."""
    store_version.bump()
    _RESULTS.clear()
    _VERSIONS.clear()


def _name(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@functools.cache
def _program_position(fn: Callable) -> int | None:
    """Returns where `program_id` sits among fn's arguments after the cursor, if it has one."""
    names = list(inspect.signature(fn).parameters)[1:]
    return names.index("program_id") if "program_id" in names else None


def _program_of(fn: Callable, args: tuple, kwargs: dict) -> str | None:
    if "program_id" in kwargs:
        return kwargs["program_id"]
    position = _program_position(fn)
    return args[position] if position is not None and position < len(args) else None
