"""Every importer message in English and German, keyed by error or notice code.

Placeholders: {column}, {value}, {detail}. Cell-level templates keep {value} until the SQL
that finds the error fills it in (see checks.py), so a million errors never pass through Python.
"""

from __future__ import annotations

REDACTED = "REDACTED"

ERRORS: dict[str, tuple[str, str]] = {
    # whole-file problems (exit 2)
    "empty_file": (
        "The file is empty.",
        "Die Datei ist leer.",
    ),
    "binary": (
        "This is not a CSV text file (it contains binary data). Save it as CSV and try again.",
        "Das ist keine CSV-Textdatei (sie enthält Binärdaten). Bitte als CSV speichern.",
    ),
    "encoding": (
        "The file is neither UTF-8 nor Windows-1252 text. Save it as CSV (UTF-8).",
        "Die Datei ist weder UTF-8- noch Windows-1252-Text. Bitte als CSV (UTF-8) speichern.",
    ),
    "unknown_column": (
        "Column '{value}' is not in the data contract (closest: {detail}); the file was "
        "refused. Map or drop it in a mapping, or remove it: unknown columns let names in.",
        "Die Spalte '{value}' gehört nicht zum Datenvertrag (am ähnlichsten: {detail}); die "
        "Datei wurde abgelehnt. Zuordnen, verwerfen oder entfernen: über unbekannte Spalten "
        "gelangen Namen in die Daten.",
    ),
    "missing_column": (
        "Required column '{column}' is missing from the header of this {detail} file.",
        "Die Pflichtspalte '{column}' fehlt in der Kopfzeile dieser {detail}-Datei.",
    ),
    "duplicate_column": (
        "Column '{column}' appears more than once in the header.",
        "Die Spalte '{column}' kommt in der Kopfzeile mehrfach vor.",
    ),
    "unnamed_column": (
        "Column {detail} has values but no header; name it or delete it.",
        "Spalte {detail} enthält Werte, hat aber keine Überschrift; benennen oder löschen.",
    ),
    "unrecognised_file": (
        "The header does not match any export of the data contract (closest: {detail}); "
        "its unknown columns are listed below.",
        "Die Kopfzeile passt zu keinem Export des Datenvertrags (am ähnlichsten: {detail}); "
        "die unbekannten Spalten stehen unten.",
    ),
    "no_header": (
        "Line 1 holds no column names.",
        "Zeile 1 enthält keine Spaltennamen.",
    ),
    "date_order_unknown": (
        "{column}: the day/month order of the dates cannot be told from the file ({detail}). "
        "Say which it is: choose the date order in the mapping step of the Import page, or "
        'give "date_order": "dmy" (day first) or "mdy" (month first) in --mapping.',
        "{column}: die Reihenfolge von Tag und Monat lässt sich aus der Datei nicht erkennen "
        "({detail}). Bitte angeben: im Zuordnungsschritt der Import-Seite die Datumsreihenfolge "
        'wählen oder "date_order": "dmy" (Tag zuerst) bzw. "mdy" (Monat zuerst) '
        "in --mapping angeben.",
    ),
    "ambiguous_file": (
        "The header fits several exports ({detail}); name the file after one of them, "
        "e.g. {column}.csv.",
        "Die Kopfzeile passt zu mehreren Exporten ({detail}); bitte die Datei nach einem "
        "davon benennen, z. B. {column}.csv.",
    ),
    "malformed_csv": (
        "The file could not be read as CSV: {detail}",
        "Die Datei konnte nicht als CSV gelesen werden: {detail}",
    ),
    "concurrent_import": (
        "Another import into this program finished at the same moment; nothing was "
        "committed. Please upload again.",
        "Ein anderer Import in dieses Programm wurde im selben Moment abgeschlossen; nichts "
        "wurde übernommen. Bitte erneut hochladen.",
    ),
    # cell and row problems (exit 1)
    "extra_cells": (
        "The row has more cells than the header has columns.",
        "Die Zeile hat mehr Zellen, als die Kopfzeile Spalten hat.",
    ),
    "required": (
        "{column}: a value is required.",
        "{column}: ein Wert ist erforderlich.",
    ),
    "not_a_date": (
        "{column}: '{value}' is not a date (expected YYYY-MM-DD, DD.MM.YYYY or the day/month "
        "order of this column, a year from 1900 to 2099).",
        "{column}: '{value}' ist kein Datum (erwartet JJJJ-MM-TT, TT.MM.JJJJ oder die "
        "Tag/Monat-Reihenfolge dieser Spalte, ein Jahr von 1900 bis 2099).",
    ),
    "not_an_integer": (
        "{column}: '{value}' is not a whole number.",
        "{column}: '{value}' ist keine ganze Zahl.",
    ),
    "not_a_number": (
        "{column}: '{value}' is not a number.",
        "{column}: '{value}' ist keine Zahl.",
    ),
    "not_a_boolean": (
        "{column}: '{value}' is not yes/no (expected true/false, yes/no, ja/nein, 1/0 or x).",
        "{column}: '{value}' ist kein Ja/Nein-Wert (erwartet true/false, yes/no, ja/nein, "
        "1/0 oder x).",
    ),
    "out_of_range": (
        "{column}: '{value}' is outside the allowed range {detail}.",
        "{column}: '{value}' liegt außerhalb des erlaubten Bereichs {detail}.",
    ),
    "not_in_vocabulary": (
        "{column}: '{value}' is not an allowed code (allowed: {detail}).",
        "{column}: '{value}' ist kein erlaubter Code (erlaubt: {detail}).",
    ),
    "bad_list_element": (
        "{column}: list element '{value}' is not an allowed code (allowed: {detail}).",
        "{column}: Listenelement '{value}' ist kein erlaubter Code (erlaubt: {detail}).",
    ),
    "identifier": (
        "{column}: the value looks like a name, e-mail address or phone number "
        "(it contains '@', a space or 6+ digits in a row) and was not accepted.",
        "{column}: der Wert sieht wie ein Name, eine E-Mail-Adresse oder Telefonnummer aus "
        "(enthält '@', ein Leerzeichen oder 6+ Ziffern in Folge) und wurde abgelehnt.",
    ),
    "bad_code": (
        "{column}: '{value}' is not a valid code (2-32 letters, digits, '_' or '-').",
        "{column}: '{value}' ist kein gültiger Code (2-32 Buchstaben, Ziffern, '_' oder '-').",
    ),
    "bad_key": (
        "{column}: '{value}' is not a valid record id (1-64 letters, digits, '_', '-', '.' "
        "or ':').",
        "{column}: '{value}' ist keine gültige Datensatz-ID (1-64 Buchstaben, Ziffern, '_', "
        "'-', '.' oder ':').",
    ),
    "bad_option": (
        "{column}: option column '{detail}' holds '{value}' (expected 1/0, yes/no or empty).",
        "{column}: die Optionsspalte '{detail}' enthält '{value}' (erwartet 1/0, ja/nein "
        "oder leer).",
    ),
    "split_mismatch": (
        "{column}: the list '{value}' and its option columns (q/option) disagree.",
        "{column}: die Liste '{value}' und ihre Optionsspalten (Frage/Option) widersprechen sich.",
    ),
    "date_order": (
        "{column}: '{value}' is before {detail}.",
        "{column}: '{value}' liegt vor {detail}.",
    ),
    "duplicate_key": (
        "{column}: key '{value}' appears more than once in this upload (first at {detail}); "
        "this row was not used.",
        "{column}: der Schlüssel '{value}' kommt in diesem Upload mehrfach vor (zuerst in "
        "{detail}); diese Zeile wurde nicht übernommen.",
    ),
    "missing_reference": (
        "{column}: '{value}' is not in {detail}, neither in this upload nor in the database.",
        "{column}: '{value}' fehlt in {detail}, weder in diesem Upload noch in der Datenbank.",
    ),
    "rejected_reference": (
        "{column}: '{value}' refers to a row of {detail} that was rejected in this upload.",
        "{column}: '{value}' verweist auf eine Zeile in {detail}, die in diesem Upload "
        "abgelehnt wurde.",
    ),
}

NOTICES: dict[str, tuple[str, str]] = {
    "encoding": (
        "Read as {detail} and converted to UTF-8.",
        "Als {detail} gelesen und nach UTF-8 umgewandelt.",
    ),
    "delimiter": ("Delimiter '{detail}'.", "Trennzeichen '{detail}'."),
    "tool_columns": (
        "Dropped export-tool metadata columns, never stored: {detail}.",
        "Metadaten-Spalten des Export-Werkzeugs verworfen, nie gespeichert: {detail}.",
    ),
    "group_prefixes": (
        "Removed question-group prefixes from {detail} headers.",
        "Fragegruppen-Präfixe aus {detail} Spaltenüberschriften entfernt.",
    ),
    "hxl": (
        "Dropped the HXL hashtag row under the header (line 2).",
        "Die HXL-Hashtag-Zeile unter der Kopfzeile (Zeile 2) wurde verworfen.",
    ),
    "aliases": (
        "Recognised German or alternative headers: {detail}.",
        "Deutsche oder alternative Spaltenüberschriften erkannt: {detail}.",
    ),
    "empty_columns": (
        "Dropped {detail} empty columns without a header.",
        "{detail} leere Spalten ohne Überschrift verworfen.",
    ),
    "identifying": (
        "Dropped columns that identify people ({detail}) unread: their cells were neither "
        "stored nor shown. Switch them off at the source — {column}.",
        "Spalten, die Personen erkennbar machen ({detail}), ungelesen verworfen: ihre "
        "Zellen wurden weder gespeichert noch angezeigt. Bitte an der Quelle abschalten — "
        "{column}.",
    ),
    "mapped": (
        "Applied the column mapping: {detail}.",
        "Spaltenzuordnung angewendet: {detail}.",
    ),
    "saved_mapping": (
        "Applied the mapping saved for this header on {detail}.",
        "Die für diese Kopfzeile gespeicherte Zuordnung vom {detail} angewendet.",
    ),
    "two_digit_years": (
        "{detail}: two-digit years read as 20YY.",
        "{detail}: zweistellige Jahreszahlen als 20JJ gelesen.",
    ),
    "date_order": (
        "Dates read with {detail}.",
        "Datumsangaben gelesen mit {detail}.",
    ),
    "split_columns": (
        "Folded select-many option columns into {detail}.",
        "Mehrfachauswahl-Spalten zusammengeführt in {detail}.",
    ),
    "no_rows": ("The file has a header but no data rows.", "Die Datei hat keine Datenzeilen."),
    "errors_omitted": (
        "{detail} further errors are not listed here (all rejected rows are counted).",
        "{detail} weitere Fehler sind hier nicht aufgeführt (alle abgelehnten Zeilen "
        "sind gezählt).",
    ),
}


def error_text(code: str, column: str = "", value: str = "", detail: str = "") -> tuple[str, str]:
    """Returns the (English, German) message for error `code`, placeholders filled.

    Size refusals (too_large, too_many_rows) are worded next to their settings in limits.py.
    """
    from .limits import MESSAGES as LIMITS  # limits imports sniff; keep this module a leaf
    from .workbook_messages import ERRORS as WORKBOOK

    return _fill(ERRORS.get(code) or LIMITS.get(code) or WORKBOOK[code], column, value, detail)


def notice_text(code: str, detail: str = "", column: str = "") -> tuple[str, str]:
    """Returns the (English, German) notice for `code`."""
    from .workbook_messages import NOTICES as WORKBOOK

    return _fill(NOTICES.get(code) or WORKBOOK[code], column, "", detail)


def cell_templates(code: str, column: str, detail: str = "") -> tuple[str, str]:
    """Returns the (English, German) templates with {value} left for the SQL to fill in."""
    return _fill(ERRORS[code], column, "{value}", detail)


def _fill(pair: tuple[str, str], column: str, value: str, detail: str) -> tuple[str, str]:
    en, de = pair
    return (
        en.format(column=column, value=value, detail=detail),
        de.format(column=column, value=value, detail=detail),
    )
