"""The reference tables of docs/signals.md, generated from the registry (a test keeps the file
in step): every rule with its reason, and every setting with its default, range and help."""

from __future__ import annotations

from dashboard import i18n, settings
from dashboard.signals.registry import RULES
from dashboard.signals.text import UNITS

SETTINGS_START = "<!-- settings-table:start -->"
SETTINGS_END = "<!-- settings-table:end -->"
RULES_START = "<!-- rules-table:start -->"
RULES_END = "<!-- rules-table:end -->"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def settings_table() -> str:
    """Returns the Markdown table of every setting: key, default, range, help (EN / DE)."""
    lines = ["| setting | default | allowed | meaning | Bedeutung |", "|---|---|---|---|---|"]
    for key in settings.PROGRAM_SETTINGS:
        help_en = settings.program_setting_help(key, "en")
        help_de = settings.program_setting_help(key, "de")
        default = settings.ProgramSettings.model_fields[key].default
        allowed = settings.program_setting_allowed(key)
        lines.append(
            f"| `{key}` | {_cell(default if default is not None else 'empty')} | "
            f"{allowed} | {_cell(help_en)} | {_cell(help_de)} |"
        )
    for rule in RULES.values():
        for t in rule.thresholds:
            unit = f" {i18n.t(UNITS[t.unit], 'en')}" if t.unit else ""
            help_id = rule.help_id(t.name)
            lines.append(
                f"| `{rule.key(t.name)}` | {t.default}{unit} | {t.minimum} – {t.maximum} | "
                f"{_cell(i18n.t(help_id, 'en'))} | {_cell(i18n.t(help_id, 'de'))} |"
            )
    return "\n".join(lines)


def rules_table() -> str:
    """Returns the Markdown table of every rule: id, action, subject, title and reason."""
    lines = ["| rule | action | subject | what | why |", "|---|---|---|---|---|"]
    for rule in RULES.values():
        lines.append(
            f"| `{rule.id}` | {rule.action} | {rule.subject_type} | "
            f"{_cell(i18n.t(rule.title_id, 'en'))} | {_cell(i18n.t(rule.reason_id, 'en'))} |"
        )
    return "\n".join(lines)


def render(document: str) -> str:
    """Returns `document` with the text between each pair of markers replaced by its table."""
    for start, end, table in (
        (SETTINGS_START, SETTINGS_END, settings_table()),
        (RULES_START, RULES_END, rules_table()),
    ):
        head, _, rest = document.partition(start)
        _, _, tail = rest.partition(end)
        document = f"{head}{start}\n{table}\n{end}{tail}"
    return document
