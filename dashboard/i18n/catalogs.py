"""The compiled gettext catalogs (`locale/<lang>/LC_MESSAGES/<domain>.mo`), read once per process.

Message ids are keys ("attention.title", "signal.S-OVERLOAD.message"); every language,
English included, has a catalog that maps them to text. The catalogs are split into domains
by the id's first segment (see `domain_of`) so translators and reviewers get files of a size
they can work through; at run time all domains of a language form one lookup table.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.mofile import read_mo

LOCALE_DIR = Path(__file__).parent / "locale"
POT_DIR = Path(__file__).parent / "pot"

# first segment of a message id -> catalog domain (file name); everything else is "ui"
_DOMAIN_BY_PREFIX: dict[str, str] = {
    "signal": "signals",
    "rule": "signals",
    "sentence": "signals",
    "vocab": "vocab",
    "language": "vocab",
    "ingest": "ingest",
    "workbook": "ingest",
    "auth": "auth",
    "setting": "settings",
    "schema": "schema",
    "xlsform": "forms",
    "cli": "cli",
}
DOMAINS: tuple[str, ...] = ("ui", *sorted(set(_DOMAIN_BY_PREFIX.values())))


def domain_of(message_id: str) -> str:
    """Returns the catalog domain a message id belongs to."""
    return _DOMAIN_BY_PREFIX.get(message_id.split(".", 1)[0], "ui")


@dataclass(frozen=True)
class Table:
    """One language's messages: plain texts, plural texts and the plural-form function."""

    texts: dict[str, str]
    plurals: dict[str, tuple[str, ...]]
    plural_index: Callable[[int], int]


@cache
def table(lang: str) -> Table:
    """Returns the merged catalog of `lang` (all domains); empty when it has none."""
    texts: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    plural_expr = "(n != 1)"
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    for mo in sorted(folder.glob("*.mo")) if folder.is_dir() else ():
        with mo.open("rb") as fh:
            catalog = read_mo(fh)
        plural_expr = catalog.plural_expr or plural_expr
        for message in catalog:
            if not message.id or not message.string:
                continue
            if isinstance(message.id, tuple | list):
                forms = tuple(message.string)
                if all(forms):
                    plurals[message.id[0]] = forms
            else:
                texts[message.id] = message.string
    return Table(texts, plurals, gettext.c2py(plural_expr))
