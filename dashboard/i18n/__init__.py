"""Message catalogs (German, English) and locale-aware formatting of dates and numbers.

Catalogs are flat JSON files `<lang>.json` mapping a dotted key to a text with optional
`{name}` placeholders. No Streamlit here: the UI picks the language, this module only
looks texts up and formats values, so charts, the agenda and tests can use it too.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

LANGS: tuple[str, ...] = ("de", "en")
DEFAULT_LANG = "en"
_FOLDER = Path(__file__).parent
_MONTHS_EN = ("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec").split()


@cache
def catalog(lang: str) -> dict[str, str]:
    """Returns the catalog of `lang` (a copy is not made: do not mutate it)."""
    with (_FOLDER / f"{lang}.json").open(encoding="utf-8") as fh:
        data: dict[str, str] = json.load(fh)
    return data


def t(key: str, lang: str, **kwargs: Any) -> str:
    """Returns the text for `key` in `lang`, placeholders filled from kwargs.

    A key missing from `lang` falls back to English, then to the key itself, so a gap
    shows up as a visible key instead of an exception (a test keeps both catalogs complete).
    """
    text = catalog(normalize(lang)).get(key) or catalog(DEFAULT_LANG).get(key) or key
    return text.format(**kwargs) if kwargs else text


def has(key: str, lang: str) -> bool:
    """Returns whether `lang`'s catalog holds `key`."""
    return key in catalog(normalize(lang))


def normalize(lang: str | None) -> str:
    """Returns a supported language for a code like 'de', 'de-AT' or None (English)."""
    code = (lang or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGS else DEFAULT_LANG


def lang_from_locale(locale: str | None) -> str:
    """Returns the language a browser locale (e.g. 'de-DE', from navigator.language) asks for."""
    return normalize(locale)


def vocab(kind: str, code: str | None, lang: str) -> str:
    """Returns the label of a vocabulary code (topic, service type, …), or the code itself."""
    if code is None:
        return ""
    key = f"vocab.{kind}.{code}"
    return t(key, lang) if has(key, lang) or has(key, DEFAULT_LANG) else str(code)


def fmt_date(value: date | datetime | None, lang: str) -> str:
    """Returns a date as the locale writes it: 20.11.2026 (de), 20 Nov 2026 (en); '' for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if normalize(lang) == "de":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def fmt_number(value: float | int | None, lang: str, digits: int = 1) -> str:
    """Returns a number with the locale's separators (1.234,5 de; 1,234.5 en); '' for None/NaN.

    Trailing zeros of the fraction are dropped, so 8.0 reads as 8.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:,.{digits}f}" if digits > 0 else f"{round(value):,}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if normalize(lang) == "de":
        text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return text


def fmt_percent(share: float | None, lang: str) -> str:
    """Returns a share 0..1 as a whole percentage ('81 %' de, '81%' en); '' for None."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    number = fmt_number(share * 100, lang, digits=0)
    return f"{number}\u00a0%" if normalize(lang) == "de" else f"{number}%"


def d3_date_format(lang: str) -> str:
    """Returns the d3 time format charts use on date axes for the locale."""
    return "%d.%m.%Y" if normalize(lang) == "de" else "%d %b %Y"
