"""The importer's texts about .xlsx / .ods workbooks, in English and German (see messages.py)."""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    "not_a_workbook": (
        "The file is named like a spreadsheet (.xlsx/.ods) but is not one. Open it in Excel or "
        "LibreOffice and save it again, or export it as CSV.",
        "Die Datei heißt wie eine Tabelle (.xlsx/.ods), ist aber keine. Bitte in Excel oder "
        "LibreOffice öffnen und neu speichern, oder als CSV exportieren.",
    ),
    "damaged_workbook": (
        "The workbook is damaged or incomplete and was not read ({detail}). Save it again "
        "or export it as CSV.",
        "Die Arbeitsmappe ist beschädigt oder unvollständig und wurde nicht gelesen ({detail}). "
        "Bitte neu speichern oder als CSV exportieren.",
    ),
    "workbook_too_large": (
        "The workbook would expand to more than an export can hold ({detail}) and was not "
        "opened. Export only the data sheet, or as CSV.",
        "Die Arbeitsmappe würde entpackt größer, als ein Export sein kann ({detail}), und "
        "wurde nicht geöffnet. Bitte nur das Datenblatt oder als CSV exportieren.",
    ),
    "workbook_formula": (
        "Sheet '{detail}' contains formulas. Import values only: copy the sheet and use "
        "Paste Special → Values, or save it as CSV.",
        "Das Blatt '{detail}' enthält Formeln. Bitte nur Werte importieren: Blatt kopieren "
        "und „Inhalte einfügen → Werte“ wählen, oder als CSV speichern.",
    ),
    "workbook_merged": (
        "Sheet '{detail}' contains merged cells, which leave the rows they span empty. "
        "Unmerge them so every row holds its own values.",
        "Das Blatt '{detail}' enthält verbundene Zellen; die überspannten Zeilen wären leer. "
        "Bitte die Verbindung aufheben, damit jede Zeile ihre eigenen Werte hat.",
    ),
    "no_visible_sheet": (
        "The workbook has no visible sheet to read (hidden sheets are never imported).",
        "Die Arbeitsmappe hat kein sichtbares Blatt (ausgeblendete Blätter werden nie importiert).",
    ),
}

NOTICES: dict[str, tuple[str, str]] = {
    "sheet": (
        "Read sheet '{detail}' (other and hidden sheets are not read).",
        "Blatt '{detail}' gelesen (andere und ausgeblendete Blätter nicht).",
    ),
}
