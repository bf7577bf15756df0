"""CSV downloads written the way a spreadsheet in the reader's language opens them in one step.

German spreadsheets expect `;` between cells and a decimal comma (a `,` separator puts every
row into one column); every language gets UTF-8 with a byte-order mark, without which Excel
reads "≥", umlauts and Persian as mojibake. Numbers keep Latin digits and no thousands
separator in every language, so the cell stays a number; dates read 20.11.2026 in German and
2026-11-20 (ISO, which spreadsheets read as a date in any locale) in English and Persian.
Text cells pass through the CSV-injection guard of `dashboard.privacy`. No Streamlit here.
"""

from __future__ import annotations

import csv
import io
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from dashboard.i18n import normalize, t
from dashboard.i18n.formats import is_empty
from dashboard.privacy import neutralize_csv_cell

BOM = "\ufeff"


@dataclass(frozen=True)
class Dialect:
    """How one language's spreadsheets split cells and read numbers and dates."""

    delimiter: str
    decimal: str
    date_format: str  # strftime pattern; datetimes add " %H:%M"


DIALECTS: dict[str, Dialect] = {
    "de": Dialect(";", ",", "%d.%m.%Y"),
    "en": Dialect(",", ".", "%Y-%m-%d"),
    "fa": Dialect(",", ".", "%Y-%m-%d"),
}


def dialect(lang: str) -> Dialect:
    """Returns the CSV dialect of a language (English for an unknown one)."""
    return DIALECTS[normalize(lang)]


def cell(value: Any, lang: str) -> str:
    """Returns one cell as the language's spreadsheet reads it: '' for missing, '15,17' (de),
    '20.11.2026' (de), yes/no as words; text neutralised against formulas."""
    if is_empty(value):
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return t("common.yes", lang) if value else t("common.no", lang)
    style = dialect(lang)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real | Decimal):
        return _decimal(float(value), style.decimal)
    if isinstance(value, datetime):
        return value.strftime(style.date_format + " %H:%M")
    if isinstance(value, date):
        return value.strftime(style.date_format)
    return neutralize_csv_cell(value)


def _decimal(value: float, mark: str) -> str:
    # at most six decimals, needless zeros dropped, never an exponent (spreadsheets read text)
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return ("0" if text == "-0" else text).replace(".", mark)


def write_csv(
    rows: Iterable[Mapping[str, Any]] | Any, columns: Mapping[str, str], lang: str
) -> bytes:
    """Returns the CSV file (UTF-8 with BOM, CRLF) for `rows` in `lang`'s dialect.

    `columns` maps each row key to its header, already in the reader's language; only those
    keys are written, in that order. `rows` is a list of dicts or a pandas DataFrame.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=dialect(lang).delimiter, lineterminator="\r\n")
    writer.writerow([neutralize_csv_cell(h) for h in columns.values()])
    records = rows.to_dict(orient="records") if hasattr(rows, "to_dict") else rows
    for row in records:
        writer.writerow([cell(row.get(key), lang) for key in columns])
    return (BOM + buffer.getvalue()).encode("utf-8")


def headers(keys: Iterable[str], lang: str, prefix: str = "col.") -> dict[str, str]:
    """Returns {key: text of message `<prefix><key>`} for `write_csv`'s columns."""
    return {key: t(prefix + key, lang) for key in keys}
