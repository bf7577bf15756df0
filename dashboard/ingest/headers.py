"""Which export a header row belongs to, and which file column holds which contract column.

Header cells match case- and space-insensitively, by the contract name or a German alias
(umlauts may be written ä or ae). Export-tool metadata (KoboToolbox) is dropped; any other
unknown column refuses the file, because an unknown column is where names creep in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from schemas import EXPORTS

# KoboToolbox adds these to every export; they describe the submission, not the contract.
TOOL_COLUMNS = frozenset(
    {
        "_id", "_uuid", "_submission_time", "_submitted_by", "_validation_status", "_notes",
        "_status", "_tags", "_index", "__version__", "_parent_index", "_parent_table_name",
        "_xform_id_string", "_attachments", "_geolocation",
    }
)  # fmt: skip
TOOL_PREFIXES = ("meta/", "formhub/")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATORS = re.compile(r"[\s\-]+")


def normalise(cell: str) -> str:
    """Returns the header cell as a lookup key: lower case, umlauts folded, blanks as '_'.

    NFC first, because macOS writes ü as u + combining diaeresis.
    """
    text = unicodedata.normalize("NFC", cell).strip().casefold().translate(_FOLD)
    return _SEPARATORS.sub("_", text).strip("_")


def is_tool_column(cell: str) -> bool:
    """True for export-tool metadata columns (dropped with a notice, never stored)."""
    text = cell.strip().casefold()
    return text in TOOL_COLUMNS or text.startswith(TOOL_PREFIXES)


@dataclass
class HeaderMatch:
    """How one header row maps onto one export (and what does not fit)."""

    export: str
    positions: dict[int, str] = field(default_factory=dict)  # file column -> contract column
    tool_columns: list[str] = field(default_factory=list)
    group_prefixed: int = 0
    aliases: list[str] = field(default_factory=list)  # "datum -> contact_date"
    empty_positions: list[int] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.unknown or self.duplicates or self.missing)


@cache
def lookup(export: str) -> dict[str, str]:
    """Returns normalised header text -> contract column for `export` (names before aliases)."""
    table: dict[str, str] = {}
    for column in EXPORTS[export].columns:
        for alias in column.aliases_de:
            table.setdefault(normalise(alias), column.name)
    table.update({normalise(c.name): c.name for c in EXPORTS[export].columns})
    return table


def match_header(header: list[str], export: str) -> HeaderMatch:
    """Returns how `header` maps onto `export`."""
    match, names = HeaderMatch(export), lookup(export)
    for position, cell in enumerate(header):
        if not cell.strip():
            match.empty_positions.append(position)
        elif is_tool_column(cell):
            match.tool_columns.append(cell.strip())
        else:
            _place(match, names, position, cell)
    required = (c.name for c in EXPORTS[export].columns if c.required)
    match.missing = [c for c in required if c not in match.positions.values()]
    return match


def _place(match: HeaderMatch, names: dict[str, str], position: int, cell: str) -> None:
    text = cell.strip()
    if "/" in text:  # KoboToolbox writes group/question
        text, match.group_prefixed = text.rsplit("/", 1)[1], match.group_prefixed + 1
    column = names.get(normalise(text))
    if column is None:
        match.unknown.append(cell.strip())
    elif column in match.positions.values():
        match.duplicates.append(column)
    else:
        match.positions[position] = column
        if normalise(text) != column:
            match.aliases.append(f"{text} -> {column}")


def recognise(header: list[str], file_name: str) -> tuple[HeaderMatch, list[str]]:
    """Returns the best-fitting export's match and the names of equally good rivals.

    The header decides; the file name (supporters.csv, ...) only breaks ties. When no export
    fits, the closest one is returned so its problems can be reported.
    """
    stem = normalise(file_name.rsplit(".", 1)[0])
    matches = [match_header(header, name) for name in EXPORTS]

    def rank(m: HeaderMatch) -> tuple[bool, int, int]:
        return (m.ok, -len(m.unknown) - len(m.missing) - len(m.duplicates), len(m.positions))

    best_rank = max(rank(m) for m in matches)
    best = [m for m in matches if rank(m) == best_rank]
    named = [m for m in best if stem.startswith(m.export)]
    if named:
        return named[0], []
    return best[0], [m.export for m in best[1:]] if best[0].ok else []
