"""The day/month order of each date column: given by a mapping, or read off the values.

A day above 12 decides (`13/02/2024` is day first, `02/13/2024` month first), and so does a
dotted date (`02.03.2025`: always day first). A column whose slashed dates all have day and
month of 12 or less, and no dotted date, cannot be decided and is refused with a request for
the order: a guessed order would store every such date wrong without a trace. ISO dates and
timestamps need no order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.i18n import N_, Msg

from . import messages
from .rules import AMBIGUOUS, DAY_FIRST, MONTH_FIRST, TWO_DIGIT_YEAR
from .sniff import SeveralProblems, UnusableFile

if TYPE_CHECKING:
    from .stage import StagedFile

ORDER_NAMES = {
    "dmy": N_("ingest.date_order.dmy"),
    "mdy": N_("ingest.date_order.mdy"),
    "ymd": N_("ingest.date_order.ymd"),
}


def start(staged: StagedFile) -> None:
    """Sets the order a mapping gives for every date column (before the staging pass)."""
    if staged.match.date_order:
        staged.date_orders = {
            c.name: staged.match.date_order for c in staged.columns if c.kind == "date"
        }


def decide(staged: StagedFile) -> bool:
    """Settles each date column's order from the staging pass's evidence.

    Returns True when a column must be read again in another order. Raises UnusableFile
    (date_order_unknown) for columns that cannot be decided; adds notices for what was read.
    """
    given, problems, changed = staged.match.date_order, [], False
    for column, bits in staged.evidence.items():
        order = given or _from_evidence(bits)
        if order is None:
            both = bits & DAY_FIRST and bits & MONTH_FIRST
            reason = N_("ingest.date_order.mixed") if both else N_("ingest.date_order.all_low")
            detail = Msg(reason)
            problems.append(UnusableFile("date_order_unknown", column=column, detail=detail))
            continue
        changed |= order != staged.order(column)
        staged.date_orders[column] = order
    if problems:
        raise SeveralProblems(problems, staged.match.export)
    _notices(staged)
    return changed


def _from_evidence(bits: int) -> str | None:
    if bits & DAY_FIRST and bits & MONTH_FIRST:
        return None
    if bits & MONTH_FIRST:
        return "mdy"
    if bits & AMBIGUOUS and not bits & DAY_FIRST:
        return None
    return "dmy"


def _notices(staged: StagedFile) -> None:
    ordered = [
        c for c, bits in staged.evidence.items() if bits & (DAY_FIRST | MONTH_FIRST | AMBIGUOUS)
    ]
    short = [c for c, bits in staged.evidence.items() if bits & TWO_DIGIT_YEAR]
    for order, name in ORDER_NAMES.items():  # one notice per order: "dates of a, b read …"
        columns = [c for c in ordered if staged.order(c) == order]
        if columns:
            notice = messages.notice_msg("date_order", Msg(name), ", ".join(columns))
            staged.report.notices.append(notice)
    if short:
        staged.report.notices.append(messages.notice_msg("two_digit_years", ", ".join(short)))
