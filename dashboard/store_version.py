"""A process-wide count of committed writes: the cheap half of the version page caches use.

DuckDB lets one process write a database file, and that process is the app: every import,
setting, follow-up or account change goes through `transaction()` or `audit.record`, which
call `bump()`. Caches key their results by `writes()` (plus a token read from the store once
per count, see dashboard.ui.cache.version), so a rerun that follows no write asks the store
nothing. A store that other processes write as well must bump on its own signal (or poll).
"""

from __future__ import annotations

import threading

_lock = threading.Lock()
_writes = 0


def bump() -> None:
    """Marks the store changed: every cached result computed before is stale from now on."""
    global _writes
    with _lock:
        _writes += 1


def writes() -> int:
    """Returns how many writes this process has committed (or started) since it began."""
    return _writes
