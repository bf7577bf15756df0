"""The sign-in gate in a real Streamlit run (AppTest): nothing but the sign-in until signed in."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.access import Scope
from dashboard.auth import add_user, update_user
from dashboard.auth.setup import issue_code

APP = str(Path(__file__).parent / "apps" / "gate_app.py")
PASSWORD = "a long enough passphrase"
OIDC_SECRETS = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "dashboard",
    "client_secret": "secret",
    "server_metadata_url": "https://idp.example.org/.well-known/openid-configuration",
}


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = str(tmp_path / "gate.duckdb")
    monkeypatch.setenv("GATE_TEST_DB", path)
    con = db.connect(path)
    con.execute("INSERT INTO programs (program_id) VALUES ('A'), ('B')")
    con.close()
    return path


def _with_users(path: str, *users: tuple[str, str, list[str], str | None]) -> None:
    con = db.connect(path)
    for name, role, programs, password in users:
        add_user(
            con, name, role, scope=Scope.local_operator(), password=password, programs=programs
        )
    con.close()


def _app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=30)


def _scope_text(at: AppTest) -> list[str]:
    return [t.value for t in at.text if t.value.startswith("SCOPE")]


def _audit(path: str, action: str) -> list[tuple[str, dict]]:
    con = db.connect(path)
    rows = con.execute(
        "SELECT actor, detail::VARCHAR FROM audit_log WHERE action = ? ORDER BY audit_id", [action]
    ).fetchall()
    con.close()
    return [(a, json.loads(d)) for a, d in rows]


def test_real_data_without_accounts_shows_only_the_setup_form(store: str) -> None:
    at = _app().run()
    assert not at.exception
    assert _scope_text(at) == []
    assert [t.value for t in at.title] == ["Set up the dashboard"]
    assert [t.key for t in at.text_input] == ["setup_code", "setup_user", "setup_pw1", "setup_pw2"]


def test_the_setup_code_claims_a_store_with_data_and_signs_the_admin_in(store: str) -> None:
    con = db.connect(store)
    code = issue_code(con)
    con.close()
    at = _app().run()
    at.text_input(key="setup_code").input(code)
    at.text_input(key="setup_user").input("ada")
    at.text_input(key="setup_pw1").input(PASSWORD)
    at.text_input(key="setup_pw2").input(PASSWORD)
    at.button[0].click().run()
    assert _scope_text(at) == ["SCOPE ada admin all"]


def test_wrong_then_right_password(store: str) -> None:
    _with_users(store, ("kim", "coordinator", ["A"], PASSWORD))
    at = _app().run()
    assert _scope_text(at) == [] and at.title[0].value == "Sign in"
    at.text_input(key="sign_in_user").input("kim")
    at.text_input(key="sign_in_password").input("not the password")
    at.button[0].click().run()
    assert _scope_text(at) == []
    assert at.error[0].value == "Wrong username or password."
    at.text_input(key="sign_in_user").input("kim")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert _scope_text(at) == ["SCOPE kim coordinator A"]
    assert [a for a, _ in _audit(store, "sign_in")] == ["kim"]
    assert [a for a, _ in _audit(store, "sign_in_failed")] == ["kim"]


def _signed_in(store: str, user: str = "kim") -> AppTest:
    at = _app().run()
    at.text_input(key="sign_in_user").input(user)
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert _scope_text(at), "sign-in should have succeeded"
    return at


def test_inactivity_signs_out(store: str) -> None:
    _with_users(store, ("kim", "viewer", ["B"], PASSWORD))
    at = _signed_in(store)
    at.session_state["_auth"]["last"] = time.time() - 31 * 60
    at.run()
    assert _scope_text(at) == []
    assert "30 minutes without activity" in at.info[0].value
    assert _audit(store, "sign_out") == [("kim", {"reason": "timeout"})]


def test_activity_within_the_timeout_keeps_the_session(store: str) -> None:
    _with_users(store, ("kim", "viewer", ["B"], PASSWORD))
    at = _signed_in(store)
    at.session_state["_auth"]["last"] = time.time() - 29 * 60
    at.run()
    assert _scope_text(at) == ["SCOPE kim viewer B"]


def test_disabling_an_account_ends_its_session_on_the_next_click(store: str) -> None:
    _with_users(store, ("ada", "admin", [], PASSWORD), ("kim", "viewer", ["B"], PASSWORD))
    at = _signed_in(store)
    con = db.connect(store)
    update_user(con, "kim", scope=Scope.local_operator(), disabled=True)
    con.close()
    at.run()
    assert _scope_text(at) == []


def test_sign_out_button(store: str) -> None:
    _with_users(store, ("kim", "viewer", ["B"], PASSWORD))
    at = _signed_in(store)
    at.sidebar.button(key="sign_out").click().run()
    assert _scope_text(at) == []
    assert _audit(store, "sign_out") == [("kim", {"reason": "user"})]


def test_demo_only_database_runs_without_sign_in_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "demo.duckdb")
    monkeypatch.setenv("GATE_TEST_DB", path)
    con = db.connect(path)
    con.execute("INSERT INTO programs (program_id, is_demo) VALUES ('demo', true)")
    con.close()
    at = _app().run()
    assert _scope_text(at) == ["SCOPE demo viewer demo"]  # anonymous: looks, stores nothing
    assert at.warning[0].value.startswith("Demo mode, no sign-in")


def test_oidc_shows_only_the_provider_button_until_signed_in(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(  # the button needs Authlib on the server; pretend it is installed
        importlib.util,
        "find_spec",
        lambda n, *a: object() if n == "authlib" else real_find_spec(n, *a),
    )
    at = _app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": False}
    at.run()
    assert _scope_text(at) == []
    assert [b.label for b in at.button] == ["Sign in with single sign-on"]
    assert len(at.text_input) == 0, "no local password form when OIDC is configured"


def test_oidc_without_authlib_says_how_to_install_it(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == "authlib" else real_find_spec(n, *a)
    )
    at = _app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": False}
    at.run()
    assert _scope_text(at) == [] and len(at.button) == 0
    assert "Authlib" in at.error[0].value


def test_oidc_login_maps_to_the_local_account(store: str) -> None:
    _with_users(store, ("kim@example.org", "coordinator", ["B"], None))
    at = _app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "Kim@Example.org", "email_verified": True}
    at.run()
    assert _scope_text(at) == ["SCOPE kim@example.org coordinator B"]
    at.run()
    assert [a for a, _ in _audit(store, "sign_in")] == ["kim@example.org"], "once per session"


def test_oidc_login_without_account_is_refused_and_audited_once(store: str) -> None:
    _with_users(store, ("ada", "admin", [], PASSWORD))  # set up: no setup form any more
    at = _app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "eve@example.org", "email_verified": True}
    at.run()
    at.run()
    assert _scope_text(at) == []
    assert "no active account" in at.error[0].value
    assert [d["reason"] for _, d in _audit(store, "sign_in_failed")] == ["no_account"]


def test_oidc_first_run_binds_the_signed_in_identity_with_the_setup_code(store: str) -> None:
    con = db.connect(store)
    code = issue_code(con)
    con.close()
    at = _app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "eve@example.org", "email_verified": True}
    at.run()
    assert [t.key for t in at.text_input] == ["setup_code"]  # no password: the IdP vouches
    at.text_input(key="setup_code").input(code)
    at.button[0].click().run()
    assert _scope_text(at) == ["SCOPE eve@example.org admin all"]
    con = db.connect(store)
    assert con.execute("SELECT password_hash FROM users").fetchall() == [(None,)]
    con.close()


def test_oidc_unverified_email_is_refused(store: str) -> None:
    _with_users(store, ("kim@example.org", "coordinator", ["B"], None))
    at = _app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "kim@example.org", "email_verified": False}
    at.run()
    assert _scope_text(at) == []


def test_a_session_start_runs_the_daily_retention_once(store: str) -> None:
    con = db.connect(store)
    con.execute(
        "INSERT INTO supporters (program_id, supporter_id, joined_on, left_on, "
        "capacity_hours_month, import_id) VALUES ('A', 'S1', DATE '2015-01-01', "
        "DATE '2016-01-01', 4, 1)"
    )
    con.close()
    at = _app().run()
    at.run()
    assert [a for a, _ in _audit(store, "retention")] == ["system:retention"] * 2  # A and B
    con = db.connect(store)
    assert con.execute("SELECT count(*) FROM supporters").fetchone() == (0,)
    con.close()
