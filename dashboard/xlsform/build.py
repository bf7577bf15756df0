"""An XLSForm (survey, choices, settings) for one export, built from the contract in schemas/.

Field names are the contract's column names and choice names its vocabulary codes, so what
KoboToolbox or ODK exports ("XML values and headers") imports with no mapping. Types and
constraints follow each column: codes with the code pattern, numbers with their range, dates in
their order, yes/no as `true`/`false`. A single record key (contact_id, incident_id) is not
asked: the form generates it once per submission, letters only, so it never looks like a phone
number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemas import EXPORTS, ColumnSpec, ExportSpec

from .fields import FIELDS, MESSAGES, PROQOL_ITEM
from .values import ORDER, VALUES, YES_NO

FORMS = ("checkins", "contacts", "proqol", "trainings", "supervision", "incidents")
LANGUAGES = {"en": "English", "de": "German", "fa": "Persian", "ar": "Arabic", "tr": "Turkish"}
CODE_CONSTRAINT = "regex(., '^[A-Za-z0-9_-]{2,32}$') and not(regex(., '[0-9]{6}'))"
KEY_CONSTRAINT = "regex(., '^[A-Za-z0-9_.:-]{1,64}$')"
_REFERENCE = re.compile(r"\s*\(->[^)]*\)")
_PROQOL_ITEM = re.compile(r"q(\d\d)")


@dataclass
class Form:
    """The three sheets as rows (header first) and the labels that fell back to English."""

    sheets: dict[str, list[list[str]]]
    fallbacks: list[str] = field(default_factory=list)  # "fa: topics", "Language: 159 codes…"


def _column(lang: str) -> str:
    return f"{LANGUAGES[lang]} ({lang})"


def build_form(export: str, langs: list[str]) -> Form:
    """Returns the XLSForm of `export` with labels in `langs` (codes of LANGUAGES)."""
    if export not in FORMS:
        raise ValueError(f"no form for {export!r}; forms: {', '.join(FORMS)}")
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown or not langs:
        raise ValueError(f"languages must be among {', '.join(LANGUAGES)}")
    spec, form = EXPORTS[export], Form({})
    survey = [_survey_header(langs)]
    survey += [_question(spec, column, langs, form) for column in spec.columns]
    form.sheets["survey"] = survey
    form.sheets["choices"] = _choices(spec, langs, form)
    default = "en" if "en" in langs else langs[0]
    form.sheets["settings"] = [
        ["form_title", "form_id", "version", "default_language"],
        [f"Peer support dashboard: {export}", f"peer_dashboard_{export}", "1", _column(default)],
    ]
    return form


def _survey_header(langs: list[str]) -> list[str]:
    per_lang = ["label", "required_message", "constraint_message"]
    head = ["type", "name"]
    for kind in per_lang:
        head += [f"{kind}::{_column(lang)}" for lang in langs]
    return head + ["required", "constraint", "calculation", "appearance"]


def _question(spec: ExportSpec, column: ColumnSpec, langs: list[str], form: Form) -> list[str]:
    kind, constraint, message, calculation, appearance = _shape(spec, column)
    labels = [] if kind == "calculate" else [_label(column, lang, form) for lang in langs]
    required = [MESSAGES["required"][lang] if column.required else "" for lang in langs]
    messages = [message.get(lang, "") for lang in langs]
    needed = "yes" if column.required and kind != "calculate" else ""
    return [
        kind, column.name, *(labels or [""] * len(langs)),
        *(required if needed else [""] * len(langs)), *messages,
        needed, constraint, calculation, appearance,
    ]  # fmt: skip


def _shape(spec: ExportSpec, c: ColumnSpec) -> tuple[str, str, dict[str, str], str, str]:
    """Returns type, constraint, constraint messages, calculation, appearance of column `c`."""
    if c.kind in ("code", "key") and spec.primary_key == (c.name,):
        prefix = c.name[0].upper()
        uid = "translate(substr(uuid(), 0, 13), '0123456789-', 'ghijklmnopq')"
        return "calculate", "", {}, f"once(concat('{prefix}-', {uid}))", ""
    if c.kind == "code":
        return "text", CODE_CONSTRAINT, MESSAGES["code"], "", ""
    if c.kind == "key":
        return "text", KEY_CONSTRAINT, MESSAGES["key"], "", ""
    if c.kind in ("integer", "number"):
        return _numeric(c)
    if c.kind == "date":
        return "date", *_date_order(spec, c), "", ""
    if c.kind == "bool":
        return "select_one yes_no", "", {}, "", ""
    many = "select_multiple" if c.kind == "enum_list" else "select_one"
    appearance = "minimal" if len(c.values) > 30 else ""
    return f"{many} {_list_name(c)}", "", {}, "", appearance


def _numeric(c: ColumnSpec) -> tuple[str, str, dict[str, str], str, str]:
    kind = "integer" if c.kind == "integer" else "decimal"
    if c.minimum is None or c.maximum is None:
        return kind, "", {}, "", ""
    low, high = _number(c.minimum), _number(c.maximum)
    messages = {lang: text.format(low=low, high=high) for lang, text in MESSAGES["range"].items()}
    return kind, f". >= {low} and . <= {high}", messages, "", ""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _date_order(spec: ExportSpec, c: ColumnSpec) -> tuple[str, dict[str, str]]:
    earlier = next((e for later, e in spec.date_order if later == c.name), None)
    if earlier is None:
        return "", {}
    messages = {lang: text.format(other=earlier) for lang, text in MESSAGES["date_order"].items()}
    return f"${{{earlier}}} = '' or . >= ${{{earlier}}}", messages


def _list_name(c: ColumnSpec) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", c.vocabulary or c.name).lower()


def _label(c: ColumnSpec, lang: str, form: Form) -> str:
    if lang in ("en", "de"):
        return _REFERENCE.sub("", c.description if lang == "en" else c.description_de)
    item = _PROQOL_ITEM.fullmatch(c.name)
    if item:
        return PROQOL_ITEM[lang].format(n=int(item.group(1)))
    if c.name in FIELDS and lang in FIELDS[c.name]:
        return FIELDS[c.name][lang]
    form.fallbacks.append(f"{lang}: {c.name}")
    return _REFERENCE.sub("", c.description)


def _choices(spec: ExportSpec, langs: list[str], form: Form) -> list[list[str]]:
    rows = [["list_name", "name", *(f"label::{_column(lang)}" for lang in langs)]]
    done: set[str] = set()
    for c in spec.columns:
        if c.kind == "bool" and "yes_no" not in done:
            rows += [["yes_no", code, *_pick(labels, langs)] for code, labels in YES_NO.items()]
            done.add("yes_no")
        elif c.kind in ("enum", "enum_list") and _list_name(c) not in done:
            rows += _vocabulary(c, langs, form)
            done.add(_list_name(c))
    return rows


def _vocabulary(c: ColumnSpec, langs: list[str], form: Form) -> list[list[str]]:
    known = VALUES.get(c.vocabulary or "", {})
    # labelled codes in the order of VALUES (most used languages first), then the rest
    rows = [[_list_name(c), code, *_pick(labels, langs)] for code, labels in known.items()
            if code in c.values]  # fmt: skip
    rest = [code for code in c.values if code not in known]  # shown as the code itself
    rows += [[_list_name(c), code, *([code] * len(langs))] for code in rest]
    if rest:
        form.fallbacks.append(f"{c.vocabulary}: {len(rest)} codes labelled by the code itself")
    return rows


def _pick(labels: tuple[str, ...], langs: list[str]) -> list[str]:
    return [labels[ORDER.index(lang)] for lang in langs]
