"""Follow-ups on signals: what the professionals did about a signal, and whether it still holds.

model.py      vocabularies, the validated record, the note guard
store.py      add / list / remove, scoped and audited; subject export, erasure, retention
lifecycle.py  handled until it reopens (severity rises, value moves past the margin, review due)
"""

from dashboard.followups.model import ACTIONS, NOTE_MAX, STATUSES, Followup, FollowupError, build

__all__ = ["ACTIONS", "NOTE_MAX", "STATUSES", "Followup", "FollowupError", "build"]
