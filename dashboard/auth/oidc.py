"""OpenID Connect: whether the deployment configured it, and which local account a login maps to.

The identity provider only says who someone is; what they may see stays in our `users`
table. An OIDC login whose e-mail has no enabled account here gets no access at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SHARED_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


def oidc_configured(secrets: Mapping[str, Any]) -> bool:
    """Returns True when secrets hold an `[auth]` section Streamlit's st.login can use."""
    auth = secrets.get("auth") if hasattr(secrets, "get") else None
    if not isinstance(auth, Mapping) or not all(auth.get(k) for k in SHARED_KEYS):
        return False
    return bool(providers(secrets))


def providers(secrets: Mapping[str, Any]) -> list[str]:
    """Returns the provider names to offer: "default" for a flat [auth], else [auth.<name>]s."""
    auth = secrets.get("auth") or {}
    if all(auth.get(k) for k in PROVIDER_KEYS):
        return ["default"]
    return sorted(
        name
        for name, value in auth.items()
        if isinstance(value, Mapping) and all(value.get(k) for k in PROVIDER_KEYS)
    )


def username_from_claims(claims: Mapping[str, Any], claim: str = "email") -> str | None:
    """Returns the local username for an identity token's claims, None when it cannot be trusted.

    Uses the e-mail address (lower case) unless the provider says it is not verified.
    """
    value = claims.get(claim)
    if not isinstance(value, str) or not value.strip():
        return None
    if claim == "email" and claims.get("email_verified") is False:
        return None
    return value.strip().lower()
