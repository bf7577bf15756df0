"""RULES: every rule module under dashboard/signals/rules, keyed by rule id.

Adding a signal = adding one module there that declares `RULE`; nothing else to register.
"""

from __future__ import annotations

import importlib
import pkgutil

from dashboard.signals import rules as _rules_pkg
from dashboard.signals.model import Rule

ACTIONS: tuple[str, ...] = ("supervision", "training", "networking")


def _discover() -> dict[str, Rule]:
    found: list[Rule] = []
    for info in pkgutil.iter_modules(_rules_pkg.__path__):
        module = importlib.import_module(f"{_rules_pkg.__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise TypeError(f"{module.__name__} declares no RULE")
        found.append(rule)
    ids = [r.id for r in found]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"rule ids declared twice: {sorted(duplicates)}")
    found.sort(key=lambda r: (ACTIONS.index(r.action), r.id))
    return {r.id: r for r in found}


RULES: dict[str, Rule] = _discover()
