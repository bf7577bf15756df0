"""A DuckDB cursor that writes down every statement sent through it (tests count them)."""

from __future__ import annotations

from typing import Any


class CountingCursor:
    """Wraps a cursor; `statements` lists each SQL text executed through it or its cursors."""

    def __init__(self, cur: Any, statements: list[str] | None = None) -> None:
        self._cur = cur
        self.statements: list[str] = [] if statements is None else statements

    def execute(self, query: str, *args: Any, **kwargs: Any) -> Any:
        self.statements.append(query)
        return self._cur.execute(query, *args, **kwargs)

    def executemany(self, query: str, *args: Any, **kwargs: Any) -> Any:
        self.statements.append(query)
        return self._cur.executemany(query, *args, **kwargs)

    def sql(self, query: str, *args: Any, **kwargs: Any) -> Any:
        self.statements.append(query)
        return self._cur.sql(query, *args, **kwargs)

    def cursor(self) -> CountingCursor:
        return CountingCursor(self._cur.cursor(), self.statements)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)
