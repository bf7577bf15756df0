"""What every page needs, set once per run by the entry file: cursor, scope, language, version."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import streamlit as st

from dashboard.access import Scope
from dashboard.i18n import t as _t

_KEY = "_page_context"


@dataclass(frozen=True)
class PageContext:
    """The session's cursor, the signed-in scope, the language and the data version."""

    cur: duckdb.DuckDBPyConnection
    scope: Scope
    lang: str
    version: str
    db_path: str

    def t(self, key: str, **kwargs: object) -> str:
        """Returns the catalog text for `key` in this session's language."""
        return _t(key, self.lang, **kwargs)

    @property
    def cache_key(self) -> tuple:
        """Returns what cached data depends on besides its arguments."""
        programs = None if self.scope.programs is None else tuple(sorted(self.scope.programs))
        return (self.db_path, self.version, self.scope.user, self.scope.role, programs)


def set_context(ctx: PageContext) -> None:
    """Stores the context for the page that runs next (entry file only)."""
    st.session_state[_KEY] = ctx


def get() -> PageContext:
    """Returns the context the entry file set for this run."""
    return st.session_state[_KEY]
