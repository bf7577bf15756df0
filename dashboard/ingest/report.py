"""What an import tells its caller: typed error records and per-file reports (errors are data)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class RowError:
    """One problem with one cell (or one file), as the user sees it in their file.

    `line` is the 1-based line number in the uploaded file (the header is line 1);
    0 when the problem concerns the whole file. `value` is redacted for identifier-guard
    errors so a name or phone number never travels further than the upload itself.
    """

    file: str
    line: int
    column: str
    value: str
    code: str
    message: str  # English
    message_de: str  # German

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FileReport:
    """What one uploaded file was recognised as and how many of its rows are usable."""

    file: str
    export: str | None  # None when the file could not be recognised
    rows_read: int = 0
    rows_valid: int = 0
    rows_rejected: int = 0
    notices: list[str] = field(default_factory=list)  # English
    notices_de: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # English; e.g. identifying columns
    warnings_de: list[str] = field(default_factory=list)
    sha256: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


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

    def as_json(self) -> dict[str, Any]:
        """Returns the CLI's --report document."""
        return {
            "committed": self.committed,
            "import_id": self.import_id,
            "program_id": self.program_id,
            "files": [
                {k: v for k, v in f.as_dict().items() if not k.endswith("_de")} for f in self.files
            ],
            "errors": [e.as_dict() for e in self.errors],
        }
