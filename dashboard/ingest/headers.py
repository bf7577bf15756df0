"""Which export a header row belongs to, and which file column holds which contract column.

Source-agnostic: it sees only the header cells (a CSV's first line or a sheet's first row).
A cell is, in this order: named by a mapping; a contract column; identifying tool metadata
(dropped unread); harmless tool metadata (dropped with a notice); a select-many option
column (`topics/loneliness`, `topics[loneliness]`); a contract column behind a group prefix
(`group/`, `group.`, `group-`), a German alias, a LimeSurvey code (`supporterid`, `PQ[q01]`,
`PQ_q01`); or unknown, which refuses the file because unknown columns are where names creep in.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from schemas import EXPORTS

from . import tool_columns
from .mapping import Mapping

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATORS = re.compile(r"[\s\-]+")
_GROUP = re.compile(r"[/.\-]")
_ARRAY = re.compile(r"^(?P<head>.+)\[(?P<tail>[^\]]+)\]$")  # LimeSurvey Q[SQ]
_SUBQUESTION = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9]*)_(?P<tail>[A-Za-z0-9]+)$")  # Q_SQ


def normalise(cell: str) -> str:
    """Returns the header cell as a lookup key: lower case, umlauts folded, blanks as '_'.

    NFC first, because macOS writes ü as u + combining diaeresis.
    """
    text = unicodedata.normalize("NFC", cell).strip().casefold().translate(_FOLD)
    return _SEPARATORS.sub("_", text).strip("_")


def _compact(text: str) -> str:
    return normalise(text).replace("_", "")


@dataclass
class HeaderMatch:
    """How one header row maps onto one export (and what does not fit)."""

    export: str
    positions: dict[int, str] = field(default_factory=dict)  # file column -> contract column
    splits: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # list -> options
    tool_columns: list[str] = field(default_factory=list)
    identifying: list[str] = field(default_factory=list)  # dropped unread
    identifying_tools: list[tuple[tool_columns.Tool, ...]] = field(default_factory=list)
    seen_tools: set[str] = field(default_factory=set)  # tools whose harmless columns occur
    mapped: list[str] = field(default_factory=list)  # "file header -> column" or "-> dropped"
    group_prefixed: int = 0
    aliases: list[str] = field(default_factory=list)  # "datum -> contact_date"
    empty_positions: list[int] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> {word: code}
    date_order: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.unknown or self.duplicates or self.missing)

    @property
    def present(self) -> set[str]:
        """Contract columns the file holds, as a column or as select-many option columns."""
        return set(self.positions.values()) | set(self.splits)

    def closest(self, cell: str) -> str:
        """Returns the contract column of this export whose name is closest to `cell`."""
        names = [c.name for c in EXPORTS[self.export].columns]
        found = difflib.get_close_matches(normalise(cell), names, n=1, cutoff=0.0)
        return found[0] if found else names[0]


@cache
def lookup(export: str) -> dict[str, str]:
    """Returns normalised header text -> contract column for `export` (names before aliases)."""
    table: dict[str, str] = {}
    for column in EXPORTS[export].columns:
        for alias in column.aliases_de:
            table.setdefault(normalise(alias), column.name)
    table.update({normalise(c.name): c.name for c in EXPORTS[export].columns})
    return table


@cache
def _compacts(export: str) -> dict[str, str]:
    """LimeSurvey codes cannot hold '_': `supporterid` -> supporter_id, where unambiguous."""
    seen: dict[str, list[str]] = {}
    for key, column in lookup(export).items():
        names = seen.setdefault(key.replace("_", ""), [])
        if column not in names:
            names.append(column)
    return {key: names[0] for key, names in seen.items() if len(names) == 1}


def _column(export: str, text: str) -> str | None:
    names = lookup(export)
    return names.get(normalise(text)) or _compacts(export).get(_compact(text))


def _resolve(export: str, cell: str) -> tuple[str, str] | None:
    """Returns (contract column, the part of `cell` that named it), trying group prefixes,
    LimeSurvey's `Q[SQ]` and `Q_SQ`; None when nothing fits."""
    candidates = [cell]
    array = _ARRAY.match(cell)
    if array:
        candidates.append(array["tail"])
    candidates += [cell[m.end() :] for m in _GROUP.finditer(cell)]
    limesurvey = _SUBQUESTION.match(cell)  # codes hold letters and digits only
    if limesurvey:
        candidates.append(limesurvey["tail"])
    for text in candidates:
        column = _column(export, text)
        if column:
            return column, text
    return None


def _split(export: str, cell: str) -> tuple[str, str] | None:
    """Returns (list column, option code) for a select-many option column, else None."""
    array = _ARRAY.match(cell)
    pairs = [(array["head"], array["tail"])] if array else []
    pairs += [(cell[: m.start()], cell[m.end() :]) for m in _GROUP.finditer(cell)]
    for head, tail in reversed(pairs):
        found = _resolve(export, head) if head else None
        if found:
            spec = EXPORTS[export].column(found[0])
            option = tail.strip().casefold()
            if spec.kind == "enum_list" and option in spec.values:
                return spec.name, option
    return None


def match_header(header: list[str], export: str, mapping: Mapping | None = None) -> HeaderMatch:
    """Returns how `header` maps onto `export` (with `mapping` applied first)."""
    match, names = HeaderMatch(export), lookup(export)
    if mapping is not None:
        match.values, match.date_order = dict(mapping.values), mapping.date_order
    for position, raw in enumerate(header):
        cell = raw.strip()
        named, target = mapping.target(cell) if mapping else (False, None)
        if not cell:
            match.empty_positions.append(position)
        elif named:
            _mapped(match, position, cell, target)
        elif normalise(cell) in names and names[normalise(cell)] == normalise(cell):
            _place(match, position, names[normalise(cell)])
        elif tools := tool_columns.identifying_tools(cell):
            match.identifying.append(cell)
            match.identifying_tools.append(tools)
        elif (writers := tool_columns.harmless_tools(cell)) is not None:
            match.tool_columns.append(cell)
            match.seen_tools.update(t.name for t in writers)
        else:
            _recognise(match, export, position, cell)
    required = (c.name for c in EXPORTS[export].columns if c.required)
    match.missing = [c for c in required if c not in match.present]
    return match


def _mapped(match: HeaderMatch, position: int, cell: str, target: str | None) -> None:
    if target is None:
        match.mapped.append(f"{cell} -> –")
        return
    columns = {c.name for c in EXPORTS[match.export].columns}
    if target in columns:
        match.mapped.append(f"{cell} -> {target}")
        _place(match, position, target)
    else:
        match.unknown.append(cell)


def _recognise(match: HeaderMatch, export: str, position: int, cell: str) -> None:
    split = _split(export, cell)
    if split:
        column, option = split
        match.splits.setdefault(column, []).append((position, option))
        return
    found = _resolve(export, cell)
    if found is None:
        match.unknown.append(cell)
        return
    column, text = found
    if text != cell:
        match.group_prefixed += 1
    if normalise(text) != column:
        match.aliases.append(f"{text} -> {column}")
    _place(match, position, column)


def _place(match: HeaderMatch, position: int, column: str) -> None:
    if column in match.positions.values():
        match.duplicates.append(column)
    else:
        match.positions[position] = column


def recognise(
    header: list[str], file_name: str, mapping: Mapping | None = None
) -> tuple[HeaderMatch, list[str]]:
    """Returns the best-fitting export's match and the names of equally good rivals.

    The header decides (a mapping naming its export and columns decides alone); the file name
    (supporters.csv, ...) only breaks ties. When no export fits, the closest one is returned
    so its problems can be reported.
    """
    stem = normalise(file_name.rsplit(".", 1)[0])
    pinned = mapping.export if mapping is not None and mapping.columns else None  # else: any
    exports = [pinned] if pinned else list(EXPORTS)
    matches = [match_header(header, name, mapping) for name in exports]

    def rank(m: HeaderMatch) -> tuple[bool, int, int]:
        found = len(m.positions) + len(m.splits)
        return (m.ok, -len(m.unknown) - len(m.missing) - len(m.duplicates), found)

    best_rank = max(rank(m) for m in matches)
    best = [m for m in matches if rank(m) == best_rank]
    named = [m for m in best if stem.startswith(m.export)]
    if named:
        return named[0], []
    return best[0], [m.export for m in best[1:]] if best[0].ok else []
