"""Cached calls into the data layer, invalidated by the data version (imports, settings).

`cached(fn, *args)` runs `fn(cursor, *args, scope=scope)` once per distinct arguments,
database, user and data version; a new import changes the version and so the cache key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from dashboard.ui import context

R = TypeVar("R")


@st.cache_data(show_spinner=False, max_entries=512)
def _run(name: str, key: tuple, args: tuple, kwargs: tuple, _fn: Callable, _ctx: Any) -> Any:
    return _fn(_ctx.cur, *args, scope=_ctx.scope, **dict(kwargs))


def cached(fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Returns fn(cur, *args, scope=scope, **kwargs), from the cache when the data is unchanged."""
    ctx = context.get()
    name = f"{fn.__module__}.{fn.__qualname__}"
    return _run(name, ctx.cache_key, args, tuple(sorted(kwargs.items())), fn, ctx)


def clear() -> None:
    """Drops every cached result (after a change that the version token might not see)."""
    _run.clear()
