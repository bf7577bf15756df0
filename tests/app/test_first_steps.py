"""The way from an empty or demo store to real use, page by page (AppTest): empty states lead
to the role's next step, admins create programs in the app, limits and keys are explained,
the language is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import add_account, app, open_page, signed_in, texts

from dashboard import db, i18n
from dashboard.ui import connection


def _links(at) -> list[str]:  # noqa: ANN001
    return [link.label for link in at.get("page_link")]


def test_a_visitor_of_an_empty_store_is_led_to_setup(empty_db: Path) -> None:
    at = open_page("attention")
    assert i18n.t("empty.no_program", "en") in texts(at)
    assert _links(at) == [i18n.t("empty.go_setup", "en")]


def test_an_admin_without_a_program_is_led_to_create_one_and_does(empty_db: Path) -> None:
    add_account(empty_db, "chef", "admin")
    at = signed_in("chef").run()
    assert _links(at) == [i18n.t("empty.go_create_program", "en")]
    at.switch_page("app_pages/programs.py").run()
    at.text_input(key="program_create_id").input("berlin")
    at.text_input(key="program_create_name").input("Peer Support Berlin")
    next(b for b in at.button if b.label == "Create program").click().run()
    assert not at.exception, [e.message for e in at.exception]
    at.switch_page("app_pages/attention.py").run()
    assert i18n.t("empty.program_empty", "en") in texts(at)  # created, nothing imported yet
    assert _links(at) == [i18n.t("empty.go_import", "en")]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("coordinator", "empty.go_import"), ("viewer", "empty.ask_coordinator")],
)
def test_a_program_without_data_tells_each_role_its_next_step(
    empty_db: Path, role: str, expected: str
) -> None:
    con = db.connect(empty_db)
    con.execute("INSERT INTO programs (program_id) VALUES ('berlin')")
    con.close()
    add_account(empty_db, "kim", role, programs=("berlin",))
    at = signed_in("kim").run()
    assert i18n.t("empty.program_empty", "en") in texts(at)
    shown = _links(at) + [c.value for c in at.caption]
    assert i18n.t(expected, "en") in shown


def test_a_coordinator_without_programs_is_told_who_can_help(empty_db: Path) -> None:
    add_account(empty_db, "kim", "coordinator")
    at = signed_in("kim").run()
    assert i18n.t("empty.ask_admin", "en") in [c.value for c in at.caption]
    assert _links(at) == []


def test_too_many_files_get_a_message_with_the_limit(demo_db: Path) -> None:
    at = open_page("imports")
    files = [(f"f{i:02}.csv", b"supporter_id\nS1\n", "text/csv") for i in range(31)]
    at.file_uploader[0].set_value(files).run()
    assert not at.exception, [e.message for e in at.exception]
    assert i18n.t("import.too_many_files", "en", n=31, limit=30) in [e.value for e in at.error]


def test_a_wrong_key_shows_a_page_saying_so(
    use_db,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    path: Path = use_db(None)
    db.connect(path, key="the-right-key-0123456789").close()
    monkeypatch.setenv(db.KEY_ENV, "not-the-key-at-all-000")
    at = app().run()
    assert not at.exception
    assert [t.value for t in at.title] == [i18n.t("store.app_title", "en")]
    assert "DASHBOARD_DB_KEY does not open the database" in at.error[0].value
    monkeypatch.delenv(db.KEY_ENV)
    at = app(locale="de-DE").run()
    assert "ist verschlüsselt; setzen Sie DASHBOARD_DB_KEY" in at.error[0].value


def test_the_url_sets_the_language_and_keeps_it(demo_db: Path) -> None:
    at = app(locale="en-GB")
    at.query_params["lang"] = "de"
    at.run()
    assert at.title[0].value == i18n.t("attention.title", "de")
    at.switch_page("app_pages/program.py").run()
    assert at.title[0].value == i18n.t("program.title", "de")
    assert at.query_params["lang"] in ("de", ["de"])  # a reload of this address stays German


def test_an_account_keeps_its_language_across_sessions(demo_db: Path) -> None:
    add_account(demo_db, "chef", "admin")
    at = signed_in("chef", locale="en-GB").run()
    at.segmented_control(key="w_lang").set_value("de").run()
    assert at.title[0].value == i18n.t("attention.title", "de")
    connection.release_all()
    later = signed_in("chef", locale="en-GB").run()  # another browser, English by default
    assert later.title[0].value == i18n.t("attention.title", "de")
