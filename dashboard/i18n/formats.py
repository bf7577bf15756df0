"""Numbers, percentages, dates and lists as each language writes them (Babel, CLDR data).

One date format per language: 20.11.2026 (de), 20 Nov 2026 (en), ۲۰ نوامبر ۲۰۲۶ (fa).
Persian text gets Persian digits (Babel keeps Latin digits and only localises separators);
charts keep Latin digits on their axes (see `d3_date_format`). Empty values read '—'.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

EMPTY = "—"
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_DATE_PATTERNS = {"de": "dd.MM.y", "en": "d MMM y", "fa": "d MMM y"}


def localise_digits(text: str, lang: str) -> str:
    """Returns text with Persian digits for 'fa' (pseudonyms are not passed through this)."""
    return text.translate(_PERSIAN_DIGITS) if lang == "fa" else text


def is_empty(value: object) -> bool:
    """Returns whether a value is missing (None, NaN, NaT, pandas NA)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT and pd.NA compare unequal to themselves
    except (TypeError, ValueError):
        return False


def number(value: float | int | None, lang: str, digits: int = 2) -> str:
    """Returns 14.5 / 1,234 (en), 14,5 / 1.234 (de), ۱۴٫۵ (fa); needless zeros dropped."""
    if is_empty(value) or (isinstance(value, float) and math.isinf(value)):
        return EMPTY
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    rounded = round(float(value), digits) if digits > 0 else round(float(value))  # type: ignore[arg-type]
    text = format_decimal(rounded, format=pattern, locale=lang, numbering_system="default")
    return localise_digits(text, lang)


def percent(share: float | None, lang: str, above: float | None = None) -> str:
    """Returns a share as a whole percentage ('81 %' de, '81%' en, '۸۱٪' fa).

    With `above` (a share the value is known to exceed), one or two decimals are kept when
    the whole number would not show it: 1.7502 above 1.75 reads '175.02%', not '175%'.
    """
    if is_empty(share):
        return EMPTY
    value = float(share)  # type: ignore[arg-type]
    digits = 0
    for digits in (0, 1, 2):
        if above is None or round(value * 100, digits) > above * 100:
            break
    text = format_percent(
        round(value, digits + 2),
        locale=lang,
        decimal_quantization=False,
        numbering_system="default",
    )
    return localise_digits(text, lang).replace("%", "٪") if lang == "fa" else text


@lru_cache(maxsize=8192)  # the same few hundred dates recur in thousands of sentences
def day(value: date | None, lang: str) -> str:
    """Returns a date in the language's one format; '—' for none."""
    if is_empty(value):
        return EMPTY
    if isinstance(value, datetime):
        value = value.date()
    text = format_date(value, _DATE_PATTERNS.get(lang, "d MMM y"), locale=lang)
    return localise_digits(text, lang)


def prose_list(items: Sequence[str], lang: str) -> str:
    """Returns items joined as prose: 'a, b and c' / 'a, b und c' / 'a، b و c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return format_list(items, locale=lang)


def d3_date_format(lang: str) -> str:
    """Returns the d3 time format chart axes use for the language (Latin digits)."""
    return "%d.%m.%Y" if lang == "de" else "%d %b %Y"
