"""What an import tells its caller: typed error records and per-file reports (errors are data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dashboard.i18n import Msg, say
from dashboard.i18n.message import to_json

from .messages import error_text


@dataclass(frozen=True)
class RowError:
    """One problem with one cell (or one file), as the user sees it in their file.

    `line` is the 1-based line number in the uploaded file (the header is line 1);
    0 when the problem concerns the whole file. `value` is redacted for identifier-guard
    errors so a name or phone number never travels further than the upload itself.
    The reason is not stored as text: `text(lang)` renders `code` with column, value,
    `detail` (a string, number or Msg) and `more` (named extras such as a limit).
    """

    file: str
    line: int
    column: str
    value: str
    code: str
    detail: Any = ""
    more: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str) -> str:
        """Returns the reason in `lang` ('en', 'de', 'fa')."""
        return error_text(self.code, lang, self.column, self.value, self.detail, **dict(self.more))

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """Returns the error as plain JSON types, with its reason rendered in `lang`."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "value": self.value,
            "code": self.code,
            "detail": to_json(self.detail),
            **{k: to_json(v) for k, v in self.more},
            "message": self.text(lang),
        }


@dataclass
class FileReport:
    """What one uploaded file was recognised as and how many of its rows are usable."""

    file: str
    export: str | None  # None when the file could not be recognised
    rows_read: int = 0
    rows_valid: int = 0
    rows_rejected: int = 0
    notices: list[Msg] = field(default_factory=list)
    warnings: list[Msg] = field(default_factory=list)  # e.g. identifying columns dropped
    sha256: str = ""

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """Returns the file's counts with its notices and warnings rendered in `lang`."""
        keys = ("file", "export", "rows_read", "rows_valid", "rows_rejected", "sha256")
        return {k: getattr(self, k) for k in keys} | {
            "notices": [say(m, lang) for m in self.notices],
            "warnings": [say(m, lang) for m in self.warnings],
        }


@dataclass
class ImportReport:
    """The outcome of one upload: committed completely, partially (accept_valid) or not at all."""

    program_id: str
    committed: bool
    files: list[FileReport]
    errors: list[RowError]
    import_id: int | None = None
    unusable: bool = False  # a file could not be read or recognised at all (exit 2)
    accept_valid: bool = False

    @property
    def exit_code(self) -> int:
        """0 = all committed; 1 = rows rejected; 2 = unusable input."""
        if self.unusable:
            return 2
        return 1 if self.errors else 0

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        """Returns the CLI's --report document, texts in `lang`."""
        return {
            "committed": self.committed,
            "import_id": self.import_id,
            "program_id": self.program_id,
            "files": [f.as_dict(lang) for f in self.files],
            "errors": [e.as_dict(lang) for e in self.errors],
        }
