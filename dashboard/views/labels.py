"""How codes read on a page: a service-type subject by its label, language codes by name.

Vocabulary codes have labels in the catalogs (`dashboard.i18n.vocab`); these are the few
composite or optional cases the pages share. Language names come from the `language.*`
catalog entries; a code without one is shown as it is (short and unambiguous).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dashboard.i18n import EMPTY, has, language, vocab


def language_name(code: str, lang: str) -> str:
    """Returns 'Persian (fa)' in `lang` when the catalog names the code, else the code."""
    return language(code, lang) if has(f"language.{code}") else code


def languages(codes: Iterable[str] | None, lang: str) -> str:
    """Returns language codes as a comma-separated list of names; '—' for none."""
    names = [language_name(str(c), lang) for c in (codes if codes is not None else ())]
    return ", ".join(names) or EMPTY


def subject(row: dict[str, Any], lang: str) -> str:
    """Returns who or what a signal is about: a pseudonym as it is, a service type by its label
    (with the language for a gap in one language: 'Asylum legal advice · Turkish (tr)')."""
    text = str(row["subject_id"])
    if row["subject_type"] != "service":
        return text
    service, _, code = text.partition("/")
    label = vocab("service", service, lang)
    return f"{label} · {language_name(code, lang)}" if code else label
