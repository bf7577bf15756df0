"""Sign-in gate. PLACEHOLDER: the security engineer replaces this file with real sign-in.

Until then every visitor is the local operator (all programs), which is only acceptable
for the embedded demo on one's own machine.
"""

from __future__ import annotations

import duckdb

from dashboard.access import Scope


def require_scope(con: duckdb.DuckDBPyConnection) -> Scope | None:
    """Returns the signed-in user's scope, or None after drawing the sign-in form."""
    return Scope.local_operator()
