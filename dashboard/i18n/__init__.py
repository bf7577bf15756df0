"""Every text the dashboard shows, in German, English and Persian, from gettext catalogs.

Texts are looked up by message id (`attention.title`) in the compiled catalogs under
`locale/` (see catalogs.py; `python -m dashboard i18n` extracts, updates, compiles and checks
them, docs/translating.md explains the work for translators). `render(id, params, lang)` is
the one way to turn an id into text; `say(msg, lang)` does the same for a `Msg`. Numbers,
percentages, dates and lists in parameters are written the way the language writes them.
No Streamlit here: the UI picks the language, this module only renders.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n import formats
from dashboard.i18n.catalogs import table
from dashboard.i18n.message import Clauses, Ids, Items, Label, Labels, Language, Msg, Num, Pct

LANGS: tuple[str, ...] = ("de", "en", "fa")
DEFAULT_LANG = "en"
RTL_LANGS: frozenset[str] = frozenset({"fa"})
LANG_NAMES: dict[str, str] = {"de": "Deutsch", "en": "English", "fa": "فارسی"}
EMPTY = formats.EMPTY

__all__ = [
    "DEFAULT_LANG", "EMPTY", "LANGS", "LANG_NAMES", "RTL_LANGS", "Clauses", "Ids", "Items", "Label",
    "Labels", "Language", "Msg", "Num", "Pct", "direction", "fmt_date", "fmt_number",
    "fmt_percent", "has", "N_", "lang_from_locale", "normalize", "render", "say", "t", "vocab",
]  # fmt: skip

_FORMATTER = string.Formatter()


def normalize(lang: str | None) -> str:
    """Returns a supported language for a code like 'de', 'de-AT', 'fa_IR' or None (English)."""
    code = (lang or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGS else DEFAULT_LANG


def lang_from_locale(locale: str | None) -> str:
    """Returns the language a browser locale (e.g. 'de-DE', from navigator.language) asks for."""
    return normalize(locale)


def direction(lang: str) -> str:
    """Returns 'rtl' for right-to-left languages (Persian), else 'ltr'."""
    return "rtl" if normalize(lang) in RTL_LANGS else "ltr"


def has(message_id: str, lang: str = DEFAULT_LANG) -> bool:
    """Returns whether `lang`'s catalogs hold `message_id` (plain or plural)."""
    tab = table(normalize(lang))
    return message_id in tab.texts or message_id in tab.plurals


def template(message_id: str, lang: str, n: int | None = None) -> str:
    """Returns the raw catalog text of `message_id` (the plural form for `n` if it has one).

    A gap falls back to English, then to the id itself, so it shows as a visible id instead
    of an exception; tests keep every catalog complete.
    """
    for code in (normalize(lang), DEFAULT_LANG):
        tab = table(code)
        forms = tab.plurals.get(message_id)
        if forms is not None:
            index = tab.plural_index(int(n)) if n is not None else len(forms) - 1
            return forms[min(index, len(forms) - 1)]
        text = tab.texts.get(message_id)
        if text is not None:
            return text
    return message_id


def render(
    message_id: str, params: Mapping[str, Any] | None = None, lang: str = DEFAULT_LANG
) -> str:
    """Returns the text of `message_id` in `lang` with `{name}` placeholders filled.

    Parameters are formatted for the language (see `value`); the count of a plural message
    is the parameter `n`.
    """
    lang = normalize(lang)
    params = params or {}
    n = params.get("n")
    text = template(message_id, lang, n if isinstance(n, int) else None)
    if not params:
        return text
    names = {field for _, field, _, _ in _FORMATTER.parse(text) if field}
    return text.format_map({k: value(params.get(k), lang) for k in names})


def say(message: Msg | str | None, lang: str) -> str:
    """Returns a Msg as text in `lang` (a plain string is returned as it is, None as '')."""
    if message is None:
        return ""
    if isinstance(message, str):
        return message
    return render(message.id, message.params, lang)


def N_(message_id: str) -> str:  # noqa: N802 - the gettext convention extractors look for
    """Marks a message id kept in data (a table of pages, columns …) so extraction finds it."""
    return message_id


def t(key: str, lang: str, **kwargs: Any) -> str:
    """Returns the text for `key` in `lang`, placeholders filled from kwargs (see render)."""
    return render(key, kwargs, lang)


def value(param: Any, lang: str) -> str:
    """Returns one message parameter as the language writes it."""
    if formats.is_empty(param):
        return EMPTY
    if isinstance(param, str):
        return param
    if isinstance(param, bool):
        return render("common.yes", None, lang) if param else render("common.no", None, lang)
    if isinstance(param, int):
        return formats.number(param, lang, 0)
    if isinstance(param, float):
        return formats.number(param, lang, 2)
    if isinstance(param, date):
        return formats.day(param, lang)
    if isinstance(param, Msg):
        return say(param, lang)
    if isinstance(param, Num):
        return formats.number(param.value, lang, param.digits)
    if isinstance(param, Pct):
        return formats.percent(param.share, lang, param.above)
    if isinstance(param, Label):
        return vocab(param.kind, param.code, lang)
    if isinstance(param, Labels):
        return formats.prose_list([vocab(param.kind, c, lang) for c in param.codes], lang)
    if isinstance(param, Language):
        return language(param.code, lang)
    if isinstance(param, Ids):
        return _ids(param, lang)
    if isinstance(param, Items):
        return formats.prose_list([value(p, lang) for p in param.parts], lang)
    if isinstance(param, Clauses):
        text = render("sentence.separator", None, lang).join(say(p, lang) for p in param.parts)
        return text[:1].upper() + text[1:]
    return str(param)


def vocab(kind: str, code: str | None, lang: str) -> str:
    """Returns the label of code `code` of vocabulary `kind` (topic, service …) in `lang`.

    One label per code: the id is `vocab.<kind>.<code>`; an unknown code is shown as it is.
    """
    if formats.is_empty(code):
        return EMPTY
    key = f"vocab.{kind}.{code}"
    return render(key, None, lang) if has(key, lang) or has(key) else str(code)


def language(code: str, lang: str) -> str:
    """Returns 'Persian (fa)' / 'Persisch (fa)' / 'فارسی (fa)'; the quoted code if unknown."""
    key = f"language.{code}"
    if not has(key):
        return f"'{code}'"
    return f"{render(key, None, lang)} ({code})"


def _ids(ids: Ids, lang: str) -> str:
    if len(ids.values) <= ids.limit:
        return formats.prose_list(list(ids.values), lang)
    more = render("sentence.more", {"n": len(ids.values) - ids.limit}, lang)
    return formats.prose_list([*ids.values[: ids.limit], more], lang)


def fmt_date(value: date | None, lang: str) -> str:
    """Returns a date in the language's one format ('—' for none)."""
    return formats.day(value, normalize(lang))


def fmt_number(value: float | int | None, lang: str, digits: int = 1) -> str:
    """Returns a number with the language's separators and digits ('—' for none/NaN)."""
    return formats.number(value, normalize(lang), digits)


def fmt_percent(share: float | None, lang: str) -> str:
    """Returns a share 0..1 as a whole percentage in the language's style ('—' for none)."""
    return formats.percent(share, normalize(lang))


def d3_date_format(lang: str) -> str:
    """Returns the d3 time format charts use on date axes for the language."""
    return formats.d3_date_format(normalize(lang))
