"""What the report says about a whole file: why it was refused, and what was detected.

Refusals (exit 2) come from sniffing and from the header; notices tell the user what the
importer recognised and handled on its own (encoding, delimiter, aliases, tool columns).
"""

from __future__ import annotations

import re

from dashboard.i18n import Clauses, Msg

from . import messages, rules, tool_columns
from .headers import HeaderMatch
from .report import ImportReport, RowError
from .sniff import SeveralProblems, UnusableFile
from .stage import StagedFile

# Refusals that point at a header cell (line 1); the others concern the whole file (line 0).
HEADER_PROBLEMS = (
    "unknown_column", "duplicate_column", "missing_column", "unnamed_column", "date_order_unknown",
)  # fmt: skip


def header_problems(match: HeaderMatch, rivals: list[str]) -> None:
    """Raises UnusableFile when the header fits no export, several, or has bad columns."""
    if rivals:
        names = ", ".join([match.export, *rivals])
        raise UnusableFile("ambiguous_file", detail=names, export=match.export)
    if match.ok:
        return
    problems = [
        UnusableFile("unknown_column", value=cell, detail=match.closest(cell))
        for cell in match.unknown
    ]
    if len(match.unknown) > len(match.present):  # not even close: name every unknown column
        raise SeveralProblems(
            [UnusableFile("unrecognised_file", detail=match.export), *problems], None
        )
    problems += [UnusableFile("duplicate_column", column=c) for c in match.duplicates]
    problems += [
        UnusableFile("missing_column", column=c, detail=match.export) for c in match.missing
    ]
    raise SeveralProblems(problems, match.export)


def refuse(report: ImportReport, name: str, problem: UnusableFile) -> None:
    """Records a refused file: its errors (line 1 for a header cell, else 0), exit 2."""
    report.unusable = True
    problems = problem.problems if isinstance(problem, SeveralProblems) else [problem]
    if isinstance(problem, SeveralProblems) and problem.export:
        report.files[-1].export = problem.export
    for p in problems:
        header_level = p.code in HEADER_PROBLEMS
        value = _shown(p.value)
        column = value if p.code == "unknown_column" else p.column if header_level else ""
        line = 1 if header_level else 0
        more = tuple(p.more.items())
        report.errors.append(RowError(name, line, column, value, p.code, p.detail, more))


def _shown(value: str) -> str:
    if re.search(rules.GUARD_ANY, value):
        return messages.REDACTED
    return value if len(value) <= rules.SHOWN_CHARS else value[: rules.SHOWN_CHARS] + "…"


def add_notices(staged: StagedFile) -> None:
    """Adds to the file's report what was detected and silently handled (in both languages)."""
    sniffed, match, add = staged.sniffed, staged.match, staged.report
    found: list[tuple[str, object]] = []
    if sniffed.transcoded:
        found.append(("encoding", sniffed.encoding))
    if sniffed.delimiter != ",":
        found.append(("delimiter", "tab" if sniffed.delimiter == "\t" else sniffed.delimiter))
    if match.mapped:
        found.append(("mapped", ", ".join(match.mapped)))
    if match.tool_columns:
        found.append(("tool_columns", ", ".join(match.tool_columns)))
    if match.splits:
        found.append(("split_columns", ", ".join(sorted(match.splits))))
    if match.group_prefixed:
        found.append(("group_prefixes", match.group_prefixed))
    if sniffed.hxl:
        found.append(("hxl", ""))
    if match.aliases:
        found.append(("aliases", ", ".join(match.aliases)))
    for code, detail in found:
        count = {"n": detail} if isinstance(detail, int) else {}
        add.notices.append(messages.notice_msg(code, detail, **count))
    if match.identifying:
        _warn_identifying(staged)


def _warn_identifying(staged: StagedFile) -> None:
    """Names the identifying columns (their names only) and where each tool switches them off."""
    match, add = staged.match, staged.report
    tools = tool_columns.switch_off_hints(match.identifying_tools, match.seen_tools)
    names = ", ".join(match.identifying)
    hints = Clauses([Msg(t.switch_off) for t in tools])
    add.warnings.append(messages.notice_msg("identifying", names, hints))


def concurrent(report: ImportReport) -> None:
    """Marks `report` as not committed because another import of the program won (exit 2)."""
    report.unusable, report.committed, report.import_id = True, False, None
    name = report.files[0].file if report.files else ""
    report.errors.insert(0, RowError(name, 0, "", "", "concurrent_import"))
