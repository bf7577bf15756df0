"""One process-wide, bounded result cache that every session shares, computing each key once.

Sessions asking for the same key at the same moment wait for one computation instead of
running the same queries side by side. Results are shared objects: callers must not change
them (the page code builds new frames from them; Arrow tables cannot be changed at all).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

MAX_ENTRIES = 2048  # every supporter page of a 500-supporter program, several as-of dates


class SharedMemo:
    """A least-recently-used map from hashable keys to computed results, safe across threads."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """Returns the result stored under key, computing it once (other callers wait)."""
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            gate = self._pending.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                if key in self._results:  # another session computed it while we waited
                    return self._results[key]
            try:
                result = compute()
                self._store(key, result)
            finally:
                with self._lock:
                    self._pending.pop(key, None)
            return result

    def _store(self, key: Hashable, result: Any) -> None:
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.max_entries:
                self._results.popitem(last=False)

    def clear(self) -> None:
        """Forgets every result."""
        with self._lock:
            self._results.clear()

    def __len__(self) -> int:
        return len(self._results)
