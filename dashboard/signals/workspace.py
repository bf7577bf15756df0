"""Where one evaluation keeps its base relations, and how they are built in parallel.

On a writable database the evaluation attaches a private in-memory catalog (a fresh name per
evaluation, detached afterwards) and opens two cursors on it: independent base relations are
built at the same time, one per cursor, while each cursor still reads the program's tables.
A read-only database cannot attach one (DuckDB refuses in-memory catalogs there), so the
evaluation falls back to temporary tables on a single cursor.
"""

from __future__ import annotations

import queue
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

BUILDERS = 2  # cursors building base relations at once (the machines have two cores)


@dataclass(frozen=True)
class Workspace:
    """The cursors of one evaluation; `temp` = one cursor with temporary tables."""

    cursors: tuple[duckdb.DuckDBPyConnection, ...]
    temp: bool

    @property
    def main(self) -> duckdb.DuckDBPyConnection:
        """Returns the cursor the rules run on."""
        return self.cursors[0]


@contextmanager
def open_workspace(con: duckdb.DuckDBPyConnection) -> Iterator[Workspace]:
    """Yields a workspace on `con`'s database; closes its cursors and catalog afterwards."""
    store, schema = con.execute("SELECT current_database(), current_schema()").fetchone() or (
        "memory",
        "main",
    )
    name = f"signals_{secrets.token_hex(8)}"  # generated here: never outside input
    try:
        con.execute(f"ATTACH ':memory:' AS {name}")
    except duckdb.Error:  # read-only database: no in-memory catalog can be launched
        cur = _cursor(con, _quote(store), None)
        try:
            yield Workspace((cur,), temp=True)
        finally:
            cur.close()
        return
    tables = f"{_quote(store)}.{_quote(schema)}"  # PostgreSQL keeps them in public, not main
    cursors = tuple(_cursor(con, name, tables) for _ in range(BUILDERS))
    try:
        yield Workspace(cursors, temp=False)
    finally:
        for cur in cursors:
            cur.close()
        con.execute(f"DETACH {name}")


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _cursor(
    con: duckdb.DuckDBPyConnection, home: str, store: str | None
) -> duckdb.DuckDBPyConnection:
    """Returns a new cursor creating its tables in `home` and reading the program from `store`
    (a catalog.schema)."""
    cur = con.cursor()
    cur.execute(f"USE {home}")
    if store is not None:  # unqualified names: the evaluation's relations first, then the store
        cur.execute("SET search_path = ?", [f"{home}.main,{store}"])
    return cur


def build(
    workspace: Workspace,
    order: Sequence[str],
    depends: Mapping[str, frozenset[str]],
    create: Callable[[duckdb.DuckDBPyConnection, str], None],
) -> None:
    """Creates every relation of `order` with `create(cursor, name)` once its `depends` exist.

    `order` lists a relation after the ones it depends on. With several cursors each free one
    takes the first relation whose inputs are ready, so `order` should start with the longest
    chain of dependent relations.
    """
    if len(workspace.cursors) == 1:
        for name in order:
            create(workspace.main, name)
    else:
        _build_parallel(workspace.cursors, order, depends, create)


def _build_parallel(
    cursors: Sequence[duckdb.DuckDBPyConnection],
    order: Sequence[str],
    depends: Mapping[str, frozenset[str]],
    create: Callable[[duckdb.DuckDBPyConnection, str], None],
) -> None:
    free: queue.SimpleQueue[duckdb.DuckDBPyConnection] = queue.SimpleQueue()
    for cur in cursors:
        free.put(cur)

    def run(name: str) -> str:
        cur = free.get()  # never waits: no more relations run than there are cursors
        try:
            create(cur, name)
        finally:
            free.put(cur)
        return name

    done: set[str] = set()
    todo = list(order)
    running: dict[Future[str], str] = {}
    with ThreadPoolExecutor(len(cursors), thread_name_prefix="signals-base") as pool:
        while todo or running:
            ready = [name for name in todo if depends.get(name, frozenset()) <= done]
            if not ready and not running:
                raise ValueError(f"base relations wait for each other: {todo}")
            for name in ready[: len(cursors) - len(running)]:
                todo.remove(name)
                running[pool.submit(run, name)] = name
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                done.add(future.result())  # raises the creation's error, if any
                del running[future]
