"""Every page renders in German, English and Persian on the demo, in plain words; first start."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_helpers import PAGES, add_account, app, frames, open_page, signed_in, texts

from dashboard import db, i18n
from dashboard.i18n.vocabularies import vocabularies
from dashboard.ui import connection, direction

TITLES = {
    "attention": "attention.title",
    "supporter": "supporter.title",
    "program": "program.title",
    "network": "network.title",
    "imports": "import.title",
    "data_dictionary": "dictionary.title",
    "settings": "settings.title",
}


SUPERVISION_PAGES = ("attention", "supporter", "program", "network")
# what pandas or Python print for a missing value; a page says "—" or leaves the cell blank
MISSING = re.compile(r"\b(None|nan|NaN|NaT|<NA>)\b")
# vocabulary codes that are not also plain words (legal_asylum, self_help_group …)
SNAKE_CODES = sorted({c for codes in vocabularies().values() for c in codes if "_" in c})


def everything_shown(at) -> str:  # noqa: ANN001 - an AppTest
    """Returns the visible texts plus every header and cell of the tables, one string."""
    cells = [
        " | ".join(map(str, [*frame.columns, *frame.astype(str).to_numpy().ravel()]))
        for frame in frames(at)
    ]
    return "\n".join([texts(at), *cells])


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_the_demo_in_plain_words(demo_db: Path, page: str, lang: str) -> None:
    at = open_page(page, locale=f"{lang}-IR" if lang == "fa" else f"{lang}-DE")
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == i18n.t(TITLES[page], lang)
    shown = everything_shown(at)
    assert i18n.t("demo.badge", lang) in shown  # demo data is labelled on every page
    assert "seeker_id" not in texts(at)  # (the data dictionary's tables name the column)
    assert MISSING.findall(shown) == []
    if page in SUPERVISION_PAGES:
        assert [c for c in SNAKE_CODES if re.search(rf"\b{c}\b", shown)] == []


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_database(empty_db: Path, page: str) -> None:
    at = open_page(page)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == i18n.t(TITLES[page], "en")
    assert i18n.t("demo.badge", "en") not in texts(at)


def test_pages_that_need_a_program_say_how_to_get_one(empty_db: Path) -> None:
    at = open_page("attention")
    assert i18n.t("empty.no_program", "en") in texts(at)


def test_first_start_loads_the_demo_which_one_click_removes(use_db) -> None:  # noqa: ANN001
    path: Path = use_db(None)  # a database file that does not exist yet
    at = app().run()
    assert not at.exception
    assert "Demo data" in texts(at)
    assert at.metric[0].label == "Supporters with signals" and int(at.metric[0].value) > 0
    # A demo visitor cannot remove it (nothing they do is stored); the banner leads to setup.
    assert not [b for b in at.button if b.key == "remove_demo"]
    assert [link.label for link in at.get("page_link")] == [i18n.t("empty.go_setup", "en")]

    connection.release_all()
    add_account(path, "chef", "admin")
    at = signed_in("chef").run()
    at.button(key="remove_demo").click().run()
    assert not at.exception
    assert "Demo data" not in texts(at)
    assert i18n.t("setup.first_steps", "en") in texts(at)  # the next steps, demo step done
    at.switch_page("app_pages/attention.py").run()
    assert i18n.t("empty.no_program", "en") in texts(at)
    assert "Demo data" not in texts(at)  # a later run does not bring the demo back

    connection.release_all()
    con = db.connect(path)
    assert con.execute("SELECT count(*) FROM supporters").fetchone() == (0,)
    removals = con.execute("SELECT count(*) FROM audit_log WHERE action = 'removal'").fetchone()
    assert removals == (1,)


def test_browser_locale_picks_german_and_the_switch_overrides_it(demo_db: Path) -> None:
    at = app(locale="de-AT").run()
    assert at.title[0].value == "Wer braucht Aufmerksamkeit"
    at.button_group(key="w_lang").set_value("en").run()
    assert at.title[0].value == "Who needs attention"
    at.run()  # the choice sticks
    assert at.title[0].value == "Who needs attention"


def test_german_page_formats_dates_the_german_way(demo_db: Path) -> None:
    at = open_page("attention", locale="de-DE")
    assert "Stichtag 20.11.2026" in texts(at)


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("page", ["admin", "programs", "setup"])
def test_admin_pages_render_in_plain_words(demo_db: Path, page: str, lang: str) -> None:
    add_account(demo_db, "chef", "admin")
    at = signed_in("chef", locale=f"{lang}-DE").run()
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert MISSING.findall(everything_shown(at)) == []


def test_the_address_asks_for_persian_and_the_page_reads_right_to_left(demo_db: Path) -> None:
    at = app(locale="de-DE")
    at.query_params["lang"] = "fa"
    at.run()
    assert at.title[0].value == "چه کسی به توجه نیاز دارد"
    assert direction.RTL_CSS in [m.value for m in at.markdown]
    assert "آستانه" in everything_shown(at)  # the table's "value vs. threshold" is Persian too
    assert at.button_group(key="w_lang").value == "fa"


def test_a_persian_browser_gets_persian_and_the_switch_names_each_language_in_itself(
    demo_db: Path,
) -> None:
    at = app(locale="fa-IR").run()
    assert at.title[0].value == i18n.t("attention.title", "fa")
    switch = at.button_group(key="w_lang")
    assert [switch.format_func(o) for o in i18n.LANGS] == ["Deutsch", "English", "فارسی"]
    switch.set_value("de").run()
    assert at.title[0].value == "Wer braucht Aufmerksamkeit"
    assert not [m for m in at.markdown if "direction: rtl" in m.value]  # German reads LTR


def test_counts_take_the_plural_their_number_needs() -> None:
    assert i18n.t("import.errors_found", "en", n=1).startswith("1 problem found.")
    assert i18n.t("import.errors_found", "en", n=3).startswith("3 problems found.")
    assert i18n.t("import.not_committed", "de", n=1) == "Nichts gespeichert: 1 Problem."
    assert i18n.t("import.not_committed", "de", n=2) == "Nichts gespeichert: 2 Probleme."
    assert i18n.t("import.not_committed", "fa", n=2) == "چیزی ذخیره نشد: ۲ مشکل."
