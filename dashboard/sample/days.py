"""The demo's calendar: its as-of date, where random history ends, and monthly meeting days."""

from __future__ import annotations

from datetime import date, timedelta

AS_OF = date(2026, 11, 20)
# History (random) ends here; the last 100 days are explicit scenario code. The longest
# rule window is 90 days, so random rows can never make or break a signal.
HISTORY_END = AS_OF - timedelta(days=100)
# The contacts export covers one year, ending on the as-of date.
YEAR_START = AS_OF - timedelta(days=364)


def ago(days: int) -> date:
    """Returns the date `days` before the demo's as-of date (ago(0) is the as-of date)."""
    return AS_OF - timedelta(days=days)


def month_days(first: date, last: date, day: int) -> list[date]:
    """Returns day `day` of every month whose such day lies in first..last."""
    out, year, month = [], first.year, first.month
    while date(year, month, day) <= last:
        if date(year, month, day) >= first:
            out.append(date(year, month, day))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def nth_weekdays(first: date, last: date, *, weekday: int, nth: int) -> list[date]:
    """Returns the nth `weekday` (0 = Monday) of every month, within first..last."""
    out, year, month = [], first.year, first.month
    while date(year, month, 1) <= last:
        start = date(year, month, 1)
        day = start + timedelta(days=(weekday - start.weekday()) % 7 + 7 * (nth - 1))
        if first <= day <= last:
            out.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
