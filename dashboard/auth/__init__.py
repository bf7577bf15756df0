"""Who may sign in and what they reach: local accounts (Argon2), OIDC mapping, sessions, scopes."""

from .oidc import oidc_configured, providers, username_from_claims
from .passwords import WeakPassword, hash_password, verify_password
from .scope import demo_scope, holds_only_demo_data, scope_for
from .session import is_expired, timeout_minutes
from .signin import SignIn, authenticate, record_oidc_sign_in, record_sign_out
from .users import (
    UserError,
    UserRecord,
    add_user,
    get_user,
    list_users,
    remove_user,
    set_password,
    update_user,
)

__all__ = [
    "SignIn",
    "UserError",
    "UserRecord",
    "WeakPassword",
    "add_user",
    "authenticate",
    "demo_scope",
    "get_user",
    "hash_password",
    "holds_only_demo_data",
    "is_expired",
    "list_users",
    "oidc_configured",
    "providers",
    "record_oidc_sign_in",
    "record_sign_out",
    "remove_user",
    "scope_for",
    "set_password",
    "timeout_minutes",
    "update_user",
    "username_from_claims",
    "verify_password",
]
