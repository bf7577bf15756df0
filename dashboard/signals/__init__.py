"""The signal engine: which supporters need supervision or training, where the program needs
professional partners — each signal with its evidence (see RULEBOOK.md and docs/signals.md).

No Streamlit here; pages and the CLI call `evaluate`.
"""

from dashboard.signals.engine import UnknownProgram, evaluate, known_programs, require_program
from dashboard.signals.model import Finding, Rule, SignalResult, Threshold
from dashboard.signals.registry import ACTIONS, RULES

__all__ = [
    "ACTIONS",
    "RULES",
    "Finding",
    "Rule",
    "SignalResult",
    "Threshold",
    "UnknownProgram",
    "evaluate",
    "known_programs",
    "require_program",
]
