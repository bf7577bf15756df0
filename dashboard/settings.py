"""Settings per program: signal thresholds (defaults declared by each rule) and program settings.

Resolution, most specific first: the program's row in `settings`, the '*' row (default for
every program), the rule's declared default. Values are validated by pydantic before they are
stored; a change and its audit entry (`threshold_change` / `setting_change`) commit together.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

import duckdb
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from dashboard import audit
from dashboard.access import Scope
from dashboard.i18n import N_, Msg, Num, render, say
from dashboard.programs import require_active
from dashboard.transaction import transaction

ALL_PROGRAMS = "*"


class SettingError(ValueError):
    """A setting key or value was refused; `text(lang)` says why (`msg` is the message)."""

    def __init__(self, msg: Msg, key: str | None = None) -> None:
        self.msg = msg
        self.key = key
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Returns the reason in English (logs, exceptions)."""
        return self.text("en")

    def text(self, lang: str) -> str:
        """Returns the reason in `lang`."""
        return say(self.msg, lang)


@dataclass(frozen=True)
class ThresholdView:
    """One threshold as the settings page and CLI show it."""

    rule_id: str
    key: str
    value: int | float
    default: int | float
    title_id: str  # message id of the field's label ('Hours above capacity (medium)')
    help_id: str  # message id of its help text
    minimum: int | float
    maximum: int | float
    unit: str = ""

    @property
    def is_default(self) -> bool:
        return self.value == self.default


class ProgramSettings(BaseModel):
    """Program-level settings (not thresholds); each field's description is its help text."""

    model_config = ConfigDict(extra="forbid")

    as_of_default: date | None = Field(
        None,
        description="Date the dashboard and CLI evaluate signals on when none is chosen; "
        "empty = today. Useful to replay a past state or for a demo.",
    )
    language: Literal["en", "de", "fa"] = Field(
        "en",
        description="Default language of the program's pages and messages (en, de or fa).",
    )
    followup_reopen_margin: float = Field(
        0.2,
        ge=0.0,
        le=2.0,
        description="A handled signal reopens when its value moves further past its threshold "
        "by more than this share of the value recorded with the follow-up (0.2 = 20 %).",
        json_schema_extra={
            "allowed": "0 – 2",
        },
    )
    digest_pseudonyms: bool = Field(
        False,
        description="The weekly digest names supporters by pseudonym (default: counts only and "
        "a link to the app). Changes are audited.",
        json_schema_extra={
            "allowed": "true, false",
        },
    )
    app_url: str | None = Field(
        None,
        max_length=300,
        pattern=r"^https?://\S+$",
        description="Address of the dashboard that the weekly digest links to.",
        json_schema_extra={
            "allowed": "http(s) address or empty",
        },
    )
    smtp_host: str | None = Field(
        None,
        max_length=255,
        pattern=r"^[A-Za-z0-9.-]+$",
        description="Mail server the digest is sent through (else $DASHBOARD_SMTP_HOST). "
        "User name and password come from the environment only.",
        json_schema_extra={
            "allowed": "host name or empty",
        },
    )
    smtp_port: int = Field(
        587,
        ge=1,
        le=65535,
        description="Port of the mail server (else $DASHBOARD_SMTP_PORT).",
        json_schema_extra={
            "allowed": "1 – 65535",
        },
    )
    smtp_starttls: bool = Field(
        True,
        description="Encrypt the connection to the mail server with STARTTLS.",
        json_schema_extra={
            "allowed": "true, false",
        },
    )
    smtp_sender: str | None = Field(
        None,
        max_length=255,
        pattern=r"^[^@\s]+@[^@\s]+$",
        description="Sender address of the digest (else $DASHBOARD_SMTP_SENDER).",
        json_schema_extra={
            "allowed": "e-mail address or empty",
        },
    )


PROGRAM_SETTINGS: tuple[str, ...] = tuple(ProgramSettings.model_fields)


# ----------------------------------------------------------------------------- thresholds


def _rules() -> dict[str, Any]:
    from dashboard.signals.registry import RULES  # late: the engine imports this module

    return RULES


@cache
def _specs() -> dict[str, tuple[Any, Any]]:
    """Returns setting key -> (Rule, Threshold) for every threshold of every rule."""
    return {rule.key(t.name): (rule, t) for rule in _rules().values() for t in rule.thresholds}


def threshold_keys() -> tuple[str, ...]:
    """Returns every threshold setting key in registry order."""
    return tuple(_specs())


@cache
def _model(rule_id: str) -> type[BaseModel]:
    rule = _rules()[rule_id]
    fields: dict[str, Any] = {
        t.name: (t.kind, Field(t.default, ge=t.minimum, le=t.maximum)) for t in rule.thresholds
    }
    name = "Thresholds_" + rule_id.replace("-", "_")
    return create_model(name, __config__=ConfigDict(extra="forbid"), **fields)


def validate_thresholds(rule_id: str, values: Mapping[str, Any]) -> dict[str, int | float]:
    """Returns the rule's thresholds validated (bounds, number type, order), or SettingError."""
    rule = _rules()[rule_id]
    clean = {k: _normalize(v) for k, v in values.items()}
    try:
        checked = _model(rule_id)(**clean).model_dump()
    except ValidationError as exc:
        raise _range_error(rule, exc, clean) from None
    for lower, higher in rule.ordered:
        if checked[lower] > checked[higher]:
            a, b = rule.key(lower), rule.key(higher)
            values = {"a": a, "low": Num(checked[lower]), "b": b, "high": Num(checked[higher])}
            raise SettingError(Msg("setting.error.order", values), a)
    return checked


def _normalize(value: Any) -> Any:
    # Coordinators type German decimals ("1,5"); booleans are never numbers here.
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip().replace(",", ".")
    return value


def _range_error(rule: Any, exc: ValidationError, values: Mapping[str, Any]) -> SettingError:
    err = exc.errors()[0]
    name = str(err["loc"][0])
    key = rule.key(name)
    spec = next((t for t in rule.thresholds if t.name == name), None)
    if spec is None:
        return _unknown(key)
    got = values.get(name)
    if err["type"] in ("greater_than_equal", "less_than_equal"):
        values = {"key": key, "low": Num(spec.minimum), "high": Num(spec.maximum)}
        return SettingError(Msg("setting.error.range", values | {"got": _number(got)}), key)
    whole = spec.kind is int
    message_id = N_("setting.error.whole") if whole else N_("setting.error.number")
    return SettingError(Msg(message_id, {"key": key, "got": str(got)}), key)


def _number(value: Any) -> Any:
    """Returns a typed-in value as a number when it reads as one (shown localised)."""
    try:
        return Num(float(value))
    except (TypeError, ValueError):
        return str(value)


def _unknown(key: str) -> SettingError:
    return SettingError(Msg("setting.error.unknown", {"key": key}), key)


def _stored(con: duckdb.DuckDBPyConnection, program_id: str) -> dict[str, Any]:
    """Returns stored values for the program: its own rows over the '*' rows."""
    rows = con.execute(
        "SELECT key, value FROM settings WHERE program_id IN ($all, $program) "
        "ORDER BY program_id = $program",  # program rows last, so they win
        {"all": ALL_PROGRAMS, "program": program_id},
    ).fetchall()
    return {key: json.loads(value) for key, value in rows}


def threshold_values(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    overrides: Mapping[str, Any] | None = None,
) -> dict[str, dict[str, int | float]]:
    """Returns rule id -> threshold name -> value in force for the program.

    `overrides` (setting key -> value) apply on top for one evaluation and are validated.
    """
    stored = _stored(con, program_id)
    for key in overrides or {}:
        if key not in _specs():
            raise _unknown(key)
    out: dict[str, dict[str, int | float]] = {}
    for rule in _rules().values():
        values = {}
        for t in rule.thresholds:
            key = rule.key(t.name)
            values[t.name] = (overrides or {}).get(key, stored.get(key, t.default))
        out[rule.id] = validate_thresholds(rule.id, values) if rule.thresholds else {}
    return out


def thresholds(con: duckdb.DuckDBPyConnection, program_id: str) -> list[ThresholdView]:
    """Returns every threshold with the program's value, default, bounds and help text."""
    values = threshold_values(con, program_id)
    return [
        ThresholdView(
            rule.id,
            key,
            values[rule.id][t.name],
            t.default,
            rule.label_id(t.name),
            rule.help_id(t.name),
            t.minimum,
            t.maximum,
            t.unit,
        )
        for key, (rule, t) in _specs().items()
    ]


def set_threshold(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    key: str,
    value: Any,
    *,
    scope: Scope,
    actor: str | None = None,
) -> int | float:
    """Stores a threshold for the program ('*' = every program) and returns the stored value.

    The change is audited as `actor`, by default the scope's user. Raises AccessDenied
    without write access and SettingError for an unknown key or a value out of bounds (or
    out of order with its partner, e.g. medium above high).
    """
    scope.require(program_id, write=True)
    actor = actor or scope.user
    if key not in _specs():
        raise _unknown(key)
    rule, spec = _specs()[key]
    current = threshold_values(con, program_id)[rule.id]
    new = validate_thresholds(rule.id, {**current, spec.name: value})[spec.name]
    detail = {"key": key, "old": current[spec.name], "new": new}
    with transaction(con):
        _write(con, program_id, key, new, actor)
        audit.record(con, actor, "threshold_change", program_id, detail)
    return new


def reset_threshold(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    key: str,
    *,
    scope: Scope,
    actor: str | None = None,
) -> int | float:
    """Removes the program's own value of a threshold; returns the value now in force.

    Audited as `actor`, by default the scope's user.
    """
    scope.require(program_id, write=True)
    actor = actor or scope.user
    if key not in _specs():
        raise _unknown(key)
    rule, spec = _specs()[key]
    old = threshold_values(con, program_id)[rule.id][spec.name]
    require_active(con, program_id)
    with transaction(con):
        con.execute("DELETE FROM settings WHERE program_id = ? AND key = ?", [program_id, key])
        new = threshold_values(con, program_id)[rule.id][spec.name]
        audit.record(
            con,
            actor,
            "threshold_change",
            program_id,
            {"key": key, "old": old, "new": new, "reset": True},
        )
    return new


def _write(
    con: duckdb.DuckDBPyConnection, program_id: str, key: str, value: Any, actor: str
) -> None:
    if program_id != ALL_PROGRAMS:
        require_active(con, program_id)
    con.execute(
        "INSERT OR REPLACE INTO settings (program_id, key, value, updated_at, updated_by) "
        "VALUES (?, ?, ?, current_timestamp, ?)",
        [program_id, key, json.dumps(value, default=str), actor],
    )


# ------------------------------------------------------------------------ program settings


def get_program_setting(con: duckdb.DuckDBPyConnection, program_id: str, key: str) -> Any:
    """Returns a program setting (as_of_default: date | None, language: 'en' | 'de')."""
    if key not in PROGRAM_SETTINGS:
        raise _unknown(key)
    stored = _stored(con, program_id)
    if key not in stored:
        return ProgramSettings.model_fields[key].default
    return getattr(ProgramSettings(**{key: stored[key]}), key)


def stored_program_setting(con: duckdb.DuckDBPyConnection, program_id: str, key: str) -> Any:
    """Returns the program setting only when the program (or '*') stored one, else None; for
    values that fall back to the environment before their declared default (SMTP)."""
    if key not in PROGRAM_SETTINGS:
        raise _unknown(key)
    if key not in _stored(con, program_id):
        return None
    return get_program_setting(con, program_id, key)


def as_of_default(con: duckdb.DuckDBPyConnection, program_id: str) -> date | None:
    """Returns the program's as_of_default, None when unset (meaning: today)."""
    value: date | None = get_program_setting(con, program_id, "as_of_default")
    return value


def set_program_setting(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    key: str,
    value: Any,
    *,
    scope: Scope,
    actor: str | None = None,
) -> Any:
    """Stores a program setting (None or '' removes the program's own value); returns it.

    Audited as `actor`, by default the scope's user.
    """
    scope.require(program_id, write=True)
    actor = actor or scope.user
    if key not in PROGRAM_SETTINGS:
        raise _unknown(key)
    empty = value is None or (isinstance(value, str) and not value.strip())
    try:
        checked = None if empty else getattr(ProgramSettings(**{key: value}), key)
    except ValidationError:
        hint = Msg(f"setting.{key}.allowed")
        detail = {"key": key, "value": str(value), "allowed": hint}
        raise SettingError(Msg("setting.error.invalid", detail), key) from None
    require_active(con, program_id)
    with transaction(con):
        if checked is None:
            con.execute("DELETE FROM settings WHERE program_id = ? AND key = ?", [program_id, key])
        else:
            _write(con, program_id, key, checked, actor)
        audit.record(con, actor, "setting_change", program_id, {"key": key, "new": checked})
    return get_program_setting(con, program_id, key)


def program_setting_allowed(key: str) -> str:
    """Returns what values a program setting takes, as the docs table and errors say it."""
    info = ProgramSettings.model_fields[key]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    if "allowed" in extra:
        return str(extra["allowed"])
    return "date YYYY-MM-DD or empty" if key == "as_of_default" else "en, de, fa"


def program_setting_help(key: str, lang: str) -> str:
    """Returns the help text of a program setting in `lang` (catalog id setting.<key>.help)."""
    return render(f"setting.{key}.help", None, lang)


def program_setting_ids() -> list[str]:
    """Returns the message ids the program settings need (help and allowed values)."""
    return [f"setting.{key}.{part}" for key in PROGRAM_SETTINGS for part in ("help", "allowed")]
