"""Where each contract column's text comes from: a file cell, a value mapping, option columns.

A contract column is read as SQL over the raw cells `c<position>`: the cell itself; the cell
with a value mapping applied (`Video call` -> `video`); or, for a select-many column exported
as one 0/1 column per option (`topics/loneliness`), those options folded into `a|b`. Where a
file has both the list and its option columns, they must agree (a row rule).
"""

from __future__ import annotations

from typing import Any

from schemas import ColumnSpec

from . import rules
from .headers import HeaderMatch
from .rules import Check, ident

# What an option column holds for "chosen" and "not chosen" (Kobo/ODK 1/0, LimeSurvey Y/'').
OPTION_WORDS = rules.TRUE_WORDS + rules.FALSE_WORDS


def cell(position: int) -> str:
    return ident(f"c{position}")


def raw_refs(match: HeaderMatch, specs: dict[str, ColumnSpec]) -> dict[str, str]:
    """Returns contract column -> SQL for its raw text (value mappings and options applied)."""
    refs = {name: cell(pos) for pos, name in match.positions.items()}
    for name, options in match.splits.items():
        refs.setdefault(name, fold_sql(options))
    for name in match.values:
        if name in refs and name in specs:
            refs[name] = mapped_sql(specs[name], refs[name], name)
    return refs


def fold_sql(options: list[tuple[int, str]]) -> str:
    """Returns SQL joining the chosen options' codes with '|' (NULL when none is chosen)."""
    chosen = [f"CASE WHEN {_chosen(cell(p))} THEN '{code}' END" for p, code in options]
    return f"nullif(concat_ws('|', {', '.join(chosen)}), '')"


def _chosen(ref: str) -> str:
    return f"lower(trim({ref})) IN {_words(rules.TRUE_WORDS)}"


def _words(words: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{w}'" for w in words) + ")"


def mapped_sql(spec: ColumnSpec, ref: str, name: str) -> str:
    """Returns SQL for `ref` with the column's value mapping ($vk_/$vv_ lists) applied."""
    keys, vals = f"$vk_{name}", f"$vv_{name}"
    if spec.kind == "enum_list":  # per element, separated by | , ; (labels may hold spaces)
        element = f"coalesce(list_extract({vals}, list_position({keys}, lower(trim(x)))), trim(x))"
        return (
            f"array_to_string(list_transform(string_split_regex({ref}, '[|,;]'), "
            f"x -> {element}), '|')"
        )
    return f"coalesce(list_extract({vals}, list_position({keys}, lower(trim({ref})))), {ref})"


def value_params(match: HeaderMatch) -> dict[str, Any]:
    """Returns the bound lists the value mappings read ($vk_<column>, $vv_<column>)."""
    params: dict[str, Any] = {}
    for name, words in match.values.items():
        pairs = {k.strip().casefold(): v.strip().casefold() for k, v in words.items()}
        params[f"vk_{name}"] = list(pairs) or [""]
        params[f"vv_{name}"] = list(pairs.values()) or [""]
    return params


def option_checks(
    match: HeaderMatch, specs: dict[str, ColumnSpec], refs: dict[str, str], header: list[str]
) -> list[Check]:
    """Returns the row rules of option columns: 1/0 cells, and agreement with the list."""
    found: list[Check] = []
    for name, options in match.splits.items():
        for position, _code in options:
            ref = cell(position)
            bad = f"lower(trim({ref})) NOT IN {_words(OPTION_WORDS)} AND trim({ref}) <> ''"
            found.append(Check("bad_option", name, bad, header[position].strip(), ref, position))
        list_pos = next((p for p, n in match.positions.items() if n == name), None)
        if list_pos is not None:
            listed, folded = (
                _as_set(specs[name], refs[name]),
                _as_set(specs[name], fold_sql(options)),
            )
            condition = f"{listed} <> {folded}"
            found.append(Check("split_mismatch", name, condition, "", refs[name], list_pos))
    return found


def _as_set(spec: ColumnSpec, ref: str) -> str:
    return f"coalesce(list_sort(list_distinct({rules.typed_sql(spec, ref, False)})), [])"
