"""Message ids the code builds at run time (`f"vocab.{kind}.{code}"`), derived from registries.

`pybabel extract` finds only ids written literally; these are the others. Each provider
returns the ids one registry needs (every code of a vocabulary, every rule's title …), so a
new code or rule shows up as a missing catalog entry in `python -m dashboard i18n check`
instead of as a raw id on a page. Add a provider here when you build ids from data.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator

# "module:function" of every provider; each returns an iterable of message ids
PROVIDERS: tuple[str, ...] = (
    "dashboard.i18n.dynamic:vocabulary_ids",
    "dashboard.settings:program_setting_ids",
    "dashboard.views.dictionary:schema_ids",
    "dashboard.i18n.dynamic:signal_ids",
    "dashboard.i18n.dynamic:language_ids",
)


def dynamic_ids() -> set[str]:
    """Returns every id the registries derive."""
    ids: set[str] = set()
    for spec in PROVIDERS:
        module, name = spec.split(":")
        provider: Callable[[], Iterable[str]] = getattr(importlib.import_module(module), name)
        ids.update(provider())
    return ids


def vocabulary_ids() -> Iterator[str]:
    """Labels of every vocabulary code the pages show: `vocab.<kind>.<code>`."""
    from dashboard.i18n.vocabularies import vocabularies

    for kind, codes in vocabularies().items():
        for code in codes:
            yield f"vocab.{kind}.{code}"


def signal_ids() -> Iterator[str]:
    """Every rule's title and reason, each threshold's label and help, the units, and the
    sentence pieces render() itself uses (separator of clauses, "n more")."""
    from dashboard.signals.registry import RULES
    from dashboard.signals.text import UNITS

    for rule in RULES.values():
        yield rule.title_id
        yield rule.reason_id
        for t in rule.thresholds:
            yield rule.label_id(t.name)
            yield rule.help_id(t.name)
    yield from UNITS.values()
    yield from ("sentence.separator", "sentence.more")


def language_ids() -> Iterator[str]:
    """Names of the languages sentences mention (N-GAP): `language.<code>`."""
    from dashboard.i18n.vocabularies import LANGUAGES

    for code in LANGUAGES:
        yield f"language.{code}"
