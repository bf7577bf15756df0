"""The README's two commands are what a newcomer pastes; CI must run exactly the test one."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- (run|test)-command -->\s*```(?:bash|sh)?\n(.+?)\n```", text, re.S)
    return {kind: body.strip() for kind, body in blocks}


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = [
        ln
        for ln in ci.splitlines()
        if ln.strip() and not ln.startswith(("#", "set ", "cd ", "export "))
    ]
    assert ci_lines == [_commands()["test"]]


def test_run_command_installs_and_starts_the_dashboard() -> None:
    run = _commands()["run"]
    assert "pip install" in run
    assert "streamlit run dashboard/streamlit_app.py" in run
