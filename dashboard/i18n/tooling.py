"""Extract, update, compile and check the gettext catalogs (used by `python -m dashboard i18n`).

- extract: message ids written literally in the code (`t("…")`, `render("…")`, `ctx.t("…")`,
  `Msg("…")`, `N_("…")`) plus the ids the registries derive (vocabulary codes, rules,
  settings; see dynamic.py) into one template per domain, `pot/<domain>.pot`.
- update: brings every `locale/<lang>/LC_MESSAGES/<domain>.po` in line with its template
  (new ids added empty, removed ids dropped, no fuzzy guessing), sorted by id.
- compile: writes the `.mo` next to each `.po`.
- check: lists what a release must not have: ids used but missing from a catalog, catalog
  ids nothing uses, fuzzy or empty entries, placeholders that differ from English, and
  `.mo` files older than their `.po`.
"""

from __future__ import annotations

import contextlib
import io
import string
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from dashboard.i18n.catalogs import DOMAINS, LOCALE_DIR, POT_DIR, domain_of

PACKAGE = Path(__file__).resolve().parents[1]
KEYWORDS = {"t": (1,), "render": (1,), "N_": (1,), "Msg": (1,), "_": (1,)}
LANGS = ("de", "en", "fa")
_FORMATTER = string.Formatter()
_FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # dates in headers would make every run a diff


def extracted_ids() -> dict[str, list[tuple[str, int]]]:
    """Returns the literal message ids in the package's code, each with where it occurs."""
    found: dict[str, list[tuple[str, int]]] = {}
    method_map = [("i18n/**.py", "ignore"), ("**.py", "python")]
    # Babel notes every f-string id on stderr; those are built at run time on purpose and
    # are derived by the providers of dynamic.py, so the notes are not passed on.
    with contextlib.redirect_stderr(io.StringIO()):
        for filename, lineno, message, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map, keywords=KEYWORDS, comment_tags=(), strip_comment_tags=True
        ):
            if isinstance(message, str) and _looks_like_id(message):
                found.setdefault(message, []).append((f"dashboard/{filename}", lineno))
    return found


def used_ids() -> dict[str, list[tuple[str, int]]]:
    """Returns every message id the dashboard can show: extracted plus registry-derived."""
    from dashboard.i18n.dynamic import dynamic_ids

    ids = extracted_ids()
    for message_id in dynamic_ids():
        ids.setdefault(message_id, [])
    return ids


def _looks_like_id(text: str) -> bool:
    return "." in text and " " not in text and text == text.strip()


def templates(ids: dict[str, list[tuple[str, int]]] | None = None) -> dict[str, Catalog]:
    """Returns one template catalog per domain holding the used ids."""
    ids = used_ids() if ids is None else ids
    pots = {d: Catalog(project="dashboard", domain=d, header_comment="") for d in DOMAINS}
    for message_id in sorted(ids):
        plural = _is_plural(message_id)
        msgid = (message_id, message_id) if plural else message_id
        pots[domain_of(message_id)].add(msgid, locations=sorted(set(ids[message_id])))
    return pots


def _is_plural(message_id: str) -> bool:
    """A message is plural when the English catalog says so (its source of truth)."""
    po = LOCALE_DIR / "en" / "LC_MESSAGES" / f"{domain_of(message_id)}.po"
    return message_id in _plural_ids(po)


_PLURAL_CACHE: dict[Path, set[str]] = {}


def _plural_ids(po: Path) -> set[str]:
    if po not in _PLURAL_CACHE:
        _PLURAL_CACHE[po] = (
            {m.id[0] for m in read(po) if isinstance(m.id, tuple)} if po.exists() else set()
        )
    return _PLURAL_CACHE[po]


def read(po: Path, locale: str | None = None) -> Catalog:
    with po.open("rb") as fh:
        return read_po(fh, locale=locale)


def write(catalog: Catalog, path: Path) -> None:
    """Writes a catalog as .po/.pot in the one layout the repository keeps (sorted by id)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.fuzzy = False
    catalog.project, catalog.version = "dashboard", "1"
    catalog.msgid_bugs_address = ""
    catalog.language_team = "dashboard translators"
    catalog.last_translator = "dashboard translators"
    catalog.revision_date = catalog.creation_date = _FIXED_DATE
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False)
    path.write_bytes(buffer.getvalue())


def extract() -> list[Path]:
    """Writes pot/<domain>.pot for every domain; returns the files written."""
    written = []
    for domain, pot in templates().items():
        path = POT_DIR / f"{domain}.pot"
        write(pot, path)
        written.append(path)
    return written


def update(langs: Iterable[str] = LANGS) -> list[Path]:
    """Aligns every catalog with its template (add new ids empty, drop unused ones)."""
    written = []
    for domain in DOMAINS:
        pot = read(POT_DIR / f"{domain}.pot")
        for lang in langs:
            path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
            catalog = read(path, lang) if path.exists() else Catalog(locale=lang, domain=domain)
            catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
            catalog.obsolete.clear()
            catalog.header_comment = f"# Dashboard messages, domain {domain!r}, language {lang!r}."
            write(catalog, path)
            written.append(path)
    return written


def compile_all(langs: Iterable[str] = LANGS) -> list[Path]:
    """Writes the .mo of every .po; returns the files written."""
    written = []
    for lang in langs:
        for po in sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po")):
            mo = po.with_suffix(".mo")
            mo.write_bytes(mo_bytes(po))
            written.append(mo)
    return written


def mo_bytes(po: Path) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read(po), use_fuzzy=False)
    return buffer.getvalue()


def _compiled_from(mo: Path, catalog: Catalog) -> bool:
    """Returns whether `mo` holds exactly the translated entries of `catalog` (compared by
    content, not bytes: Babel versions lay out the same .mo differently)."""
    if not mo.exists():
        return False
    with mo.open("rb") as fh:
        compiled = read_mo(fh)

    def entries(cat: Catalog) -> dict:
        found = {}
        for m in cat:
            key = m.id[0] if isinstance(m.id, tuple | list) else m.id
            forms = tuple(m.string) if isinstance(m.string, tuple | list) else (m.string,)
            if key and all(forms) and not m.fuzzy:
                found[key] = forms
        return found

    return entries(compiled) == entries(catalog)


def placeholders(text: str) -> set[str]:
    try:
        return {field for _, field, _, _ in _FORMATTER.parse(text) if field}
    except ValueError:
        return {"<malformed braces>"}


def check(langs: Iterable[str] = LANGS) -> list[str]:
    """Returns every problem of the catalogs as one line each (empty when all is well)."""
    problems: list[str] = []
    used = used_ids()
    english: dict[str, tuple[str, ...]] = {}
    for lang in ("en", *[lang for lang in langs if lang != "en"]):
        seen: set[str] = set()
        for domain in DOMAINS:
            po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
            if not po.exists():
                problems.append(f"{lang}/{domain}.po: missing")
                continue
            catalog = read(po, lang)
            for message in catalog:
                if not message.id:
                    continue
                problems.extend(_check_message(lang, domain, message, used, english))
                seen.add(message.id[0] if isinstance(message.id, tuple) else message.id)
            if not _compiled_from(po.with_suffix(".mo"), catalog):
                problems.append(f"{lang}/{domain}.mo: not compiled from the current .po")
        for message_id in sorted(set(used) - seen):
            where = ", ".join(f"{f}:{n}" for f, n in used[message_id][:2]) or "registry"
            problems.append(f"{lang}: {message_id} used ({where}) but not in the catalog")
    return problems


def _check_message(
    lang: str, domain: str, message: Message, used: dict, english: dict[str, tuple[str, ...]]
) -> list[str]:
    message_id = message.id[0] if isinstance(message.id, tuple) else message.id
    forms = tuple(message.string) if isinstance(message.string, tuple | list) else (message.string,)
    where = f"{lang}/{domain}.po: {message_id}"
    problems = []
    if domain_of(message_id) != domain:
        problems.append(f"{where}: belongs to domain {domain_of(message_id)}")
    if message_id not in used:
        problems.append(f"{where}: in the catalog but used nowhere")
    if message.fuzzy:
        problems.append(f"{where}: fuzzy")
    if not all(forms):
        problems.append(f"{where}: not translated")
    if lang == "en":
        english[message_id] = forms
    elif message_id in english and all(forms):
        want = set().union(*(placeholders(f) for f in english[message_id]))
        for form in forms:
            got = placeholders(form)
            if got - want or (want - got - {"n"}):
                problems.append(f"{where}: placeholders {sorted(got)}, English {sorted(want)}")
                break
    return problems
