"""Hostile follow-up notes (hypothesis): each one is stored trimmed or refused with a catalog
key, never an exception; an accepted note holds no e-mail address or phone-like digits."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.followups.model import NOTE_MAX, FollowupError, build

HOSTILE = ["kim@example.org", "+49 170 1234567", "0170-123 45 67", "\x1b]0;owned\x07",
           "\u202egnp.exe", '=HYPERLINK("http://x")', "\x00", "Kim Meyer", "\r\n",
           "ü" * 300]  # fmt: skip
NOTES = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=20), max_size=8).map(" ".join),
)
CONTACT = re.compile(r"\S+@\S+\.\S+|\d{6,}")


@settings(max_examples=300, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))  # fmt: skip
@given(note=NOTES)
def test_a_note_is_stored_clean_or_refused_with_a_message_key(note: str) -> None:
    fields = dict(program_id="A", signal_id="S-OVERLOAD", subject_type="supporter",
                  subject_id="P-00001", action="supervision_talk", status="planned",
                  happened_on=date(2026, 11, 20), severity="high")  # fmt: skip
    try:
        stored = build(**fields, note=note).note
    except FollowupError as exc:
        assert exc.key.startswith("followup.err.")
        return
    assert stored is None or (len(stored) <= NOTE_MAX and stored == stored.strip())
    assert stored is None or not CONTACT.search(stored)
