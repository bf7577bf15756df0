"""Which language a program's pages default to, when someone stored one (Settings page).

dashboard.settings owns the `language` program setting and its default ('en'); the UI only
follows it when it was set on purpose, otherwise the browser's locale decides.
"""

from __future__ import annotations

import json

import duckdb

from dashboard.i18n import LANGS

LANGUAGE_KEY = "language"


def stored_language(con: duckdb.DuckDBPyConnection, program_id: str | None) -> str | None:
    """Returns the language stored for the program (its own row over the '*' row), or None."""
    row = con.execute(
        "SELECT value FROM settings WHERE key = $key AND program_id IN ('*', $program)"
        " ORDER BY program_id = $program DESC LIMIT 1",
        {"key": LANGUAGE_KEY, "program": program_id or "*"},
    ).fetchone()
    if row is None:
        return None
    value = json.loads(row[0])
    return value if value in LANGS else None


def account_language(con: duckdb.DuckDBPyConnection, username: str) -> str | None:
    """Returns the language the account chose last (any session, any browser), or None."""
    row = con.execute("SELECT language FROM users WHERE username = ?", [username]).fetchone()
    return row[0] if row and row[0] in LANGS else None


def set_account_language(con: duckdb.DuckDBPyConnection, username: str, lang: str) -> None:
    """Stores the account's language choice (a preference, not audited)."""
    con.execute("UPDATE users SET language = ? WHERE username = ?", [lang, username])
