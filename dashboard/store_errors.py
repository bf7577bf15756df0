"""Why the store cannot be opened, in words a user can act on (file and server stores)."""

from __future__ import annotations

from pathlib import Path

from dashboard.i18n import N_

KEY_ENV = "DASHBOARD_DB_KEY"
_MESSAGES = {  # StoreUnavailable.reason -> message
    "locked": N_("store.locked"),
    "key_missing": N_("store.key_missing"),
    "key_wrong": N_("store.key_wrong"),
    "key_unexpected": N_("store.key_unexpected"),
    "unreadable": N_("store.unreadable"),
}


class StoreUnavailable(Exception):
    """The store file cannot be opened; `reason` says why in words a user can act on.

    locked: another process (most likely the running app) holds the file;
    key_missing / key_wrong / key_unexpected: $DASHBOARD_DB_KEY does not fit the file;
    unreadable: any other refusal (permissions, not a DuckDB file).
    """

    def __init__(self, reason: str, path: Path | str, pid: str = "?") -> None:
        super().__init__(f"{reason}: {path}")
        self.reason, self.path, self.pid = reason, path, pid

    def message(self, lang: str = "en") -> str:
        """Returns the one-line explanation with the likely cause and what to do, en or de."""
        from dashboard.i18n import t

        return t(_MESSAGES[self.reason], lang, path=str(self.path), pid=self.pid, env=KEY_ENV)
