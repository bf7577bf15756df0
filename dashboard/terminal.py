"""Terminal output that data cannot take over: control characters are shown, not obeyed.

A header cell, file name or pseudonym may hold ANSI/OSC escape sequences (retitle the window,
rewrite what is on screen, plant a hyperlink) or bidi overrides that reorder text. The CLI
writes everything through `EscapingStream`, which turns each such character into a visible
`\\x1b` / `\\u202e` and keeps only line breaks and tabs.
"""

from __future__ import annotations

import re
from typing import TextIO

# C0 and C1 controls (but \t and \n), DEL, and the Unicode bidi embeddings/overrides/isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CRLF = re.compile(r"\r(?=\n)")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str, *, keep_newlines: bool = True) -> str:
    """Returns `text` with every control character written out; \\r\\n stays a line end."""
    text = _CRLF.sub("", text)
    escaped = _CONTROL.sub(_visible, text)
    return escaped if keep_newlines else escaped.replace("\n", "\\n")


class EscapingStream:
    """Wraps a text stream so that whatever is written to it is passed through `escape`."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(escape(text))
        return len(text)

    def __getattr__(self, name: str) -> object:  # flush, fileno, isatty, encoding, ...
        return getattr(self._inner, name)
