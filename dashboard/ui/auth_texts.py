"""English and German texts of the sign-in gate and the admin page, next to the code using them."""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, tuple[str, str]] = {  # key: (English, German)
    "title": ("Sign in", "Anmelden"),
    "intro": (
        "This dashboard holds pseudonymised data about a vulnerable group. Sign in to continue.",
        "Dieses Dashboard enthält pseudonymisierte Daten über eine verletzliche Gruppe. "
        "Bitte anmelden.",
    ),
    "username": ("Username", "Benutzername"),
    "password": ("Password", "Passwort"),
    "submit": ("Sign in", "Anmelden"),
    "sign_out": ("Sign out", "Abmelden"),
    "signed_in_as": ("Signed in as {user} ({role})", "Angemeldet als {user} ({role})"),
    "timed_out": (
        "You were signed out after {minutes} minutes without activity.",
        "Sie wurden nach {minutes} Minuten ohne Aktivität abgemeldet.",
    ),
    "oidc_button": ("Sign in with {provider}", "Anmelden mit {provider}"),
    "oidc_no_account": (
        "Your identity provider signed you in, but this dashboard has no active account for "
        "you. Ask an administrator to add you.",
        "Ihr Identitätsanbieter hat Sie angemeldet, aber dieses Dashboard hat kein aktives Konto "
        "für Sie. Bitte wenden Sie sich an eine Administratorin oder einen Administrator.",
    ),
    "no_accounts": (
        "There is real data here but no account yet. An administrator creates the first one "
        "at the server:",
        "Hier liegen echte Daten, aber noch kein Konto. Eine Administratorin oder ein "
        "Administrator legt das erste Konto auf dem Server an:",
    ),
    "demo_mode": (
        "Demo mode, no sign-in: this database holds only the synthetic demo program. As soon "
        "as real data or an account exists, everyone has to sign in.",
        "Demo-Modus ohne Anmeldung: Diese Datenbank enthält nur das synthetische Demo-Programm. "
        "Sobald echte Daten oder ein Konto existieren, ist eine Anmeldung nötig.",
    ),
}


def tx(key: str, lang: str, **kwargs: Any) -> str:
    """Returns the text for `key` in German for 'de', else English, placeholders filled."""
    english, german = TEXTS[key]
    text = german if lang == "de" else english
    return text.format(**kwargs) if kwargs else text
