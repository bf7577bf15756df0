"""What the importer takes in: named files as bytes, from an upload widget or from disk."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.i18n import N_, Msg, say

INPUT_ERRORS: dict[str, str] = {
    "not_a_file": N_("ingest.input.not_a_file"),
    "unreadable": N_("ingest.input.unreadable"),
    "too_large": N_("ingest.input.too_large"),
}


class InputError(ValueError):
    """A path given to the importer cannot be read as a file; `text(lang)` says why."""

    def __init__(self, code: str, path: Path, detail: object = "") -> None:
        self.code = code
        self.msg = Msg(INPUT_ERRORS[code], {"path": str(path), "detail": detail})
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """Returns the one-line reason in `lang`."""
        return say(self.msg, lang)


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
    def from_path(cls, path: str | os.PathLike[str], max_bytes: int | None = None) -> Upload:
        """Returns the file at `path` as an Upload named by its file name.

        Raises InputError for anything but a readable regular file, and — reading at most
        `max_bytes` + 1 bytes, so a device or a growing file cannot fill memory — for a file
        larger than `max_bytes`.
        """
        target = Path(path)
        if not target.is_file():  # a folder, device, FIFO or socket, also behind a link
            raise InputError("not_a_file", target)
        try:
            with target.open("rb") as handle:
                data = handle.read(-1 if max_bytes is None else max_bytes + 1)
        except OSError as exc:
            raise InputError("unreadable", target, exc.strerror or type(exc).__name__) from exc
        if max_bytes is not None and len(data) > max_bytes:
            raise InputError("too_large", target, max_bytes // 1_048_576)
        return cls(name=target.name, data=data, path=target)

    @property
    def is_workbook(self) -> bool:
        """True when the file is read as a spreadsheet workbook, by its name."""
        return self.name.lower().endswith(WORKBOOK_SUFFIXES)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Returns the files named in `paths`, a folder standing for its exports (sorted):
    .csv, .txt and .tsv text files, .xlsx and .ods workbooks — regular files only (a folder
    named `x.csv` is skipped).

    Raises FileNotFoundError for a path that does not exist.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if _is_export(p) and p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(str(path))
    return files


def _is_export(path: Path) -> bool:
    # "~$name.xlsx" is Excel's lock file of an open workbook, ".name" a hidden file
    return path.suffix.lower() in EXPORT_SUFFIXES and not path.name.startswith(("~$", "."))
