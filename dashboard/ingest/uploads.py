"""What the importer takes in: named files as bytes, from an upload widget or from disk."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Read as a workbook (.xlsx, .ods) rather than as CSV text.
WORKBOOK_SUFFIXES = (".xlsx", ".ods")
# What a folder import picks up (named files are read whatever their suffix).
EXPORT_SUFFIXES = (".csv", ".txt", ".tsv", *WORKBOOK_SUFFIXES)


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the user sees and its bytes.

    `path` is set when the bytes came from disk, so a large UTF-8 file can be read by DuckDB
    in place instead of being copied to a temporary file first.
    """

    name: str
    data: bytes = field(repr=False)
    path: Path | None = None

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> Upload:
        """Returns the file at `path` as an Upload named by its file name."""
        target = Path(path)
        return cls(name=target.name, data=target.read_bytes(), path=target)

    @property
    def is_workbook(self) -> bool:
        """True when the file is read as a spreadsheet workbook, by its name."""
        return self.name.lower().endswith(WORKBOOK_SUFFIXES)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Returns the files named in `paths`, a folder standing for its exports (sorted):
    .csv, .txt and .tsv text files, .xlsx and .ods workbooks.

    Raises FileNotFoundError for a path that does not exist.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if _is_export(p)))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(str(path))
    return files


def _is_export(path: Path) -> bool:
    # "~$name.xlsx" is Excel's lock file of an open workbook, ".name" a hidden file
    return path.suffix.lower() in EXPORT_SUFFIXES and not path.name.startswith(("~$", "."))
