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
    "oidc_no_authlib": (
        "Single sign-on is configured, but the server lacks the Authlib package. The "
        "administrator installs it with: pip install 'Authlib>=1.3.2'",
        "Single Sign-on ist eingerichtet, aber auf dem Server fehlt das Paket Authlib. Die "
        "Administration installiert es mit: pip install 'Authlib>=1.3.2'",
    ),
    "no_accounts": (
        "There is data here but every account is disabled. An administrator enables one at "
        "the server:",
        "Hier liegen Daten, aber alle Konten sind deaktiviert. Eine Administratorin oder ein "
        "Administrator aktiviert eines auf dem Server:",
    ),
    "demo_mode": (
        "Demo mode, no sign-in: this database holds only the synthetic demo program, and "
        "nothing you do here is stored (an import is checked but not saved; settings last for "
        "this browser session). To use your own data, set the dashboard up with the setup code "
        "printed on the server's console.",
        "Demo-Modus ohne Anmeldung: Diese Datenbank enthält nur das synthetische Demo-Programm, "
        "und nichts, was Sie hier tun, wird gespeichert (ein Import wird geprüft, aber nicht "
        "gespeichert; Einstellungen gelten für diese Browsersitzung). Für eigene Daten richten "
        "Sie das Dashboard mit dem Einrichtungscode von der Server-Konsole ein.",
    ),
    # admin page
    "admin.title": ("Administration", "Verwaltung"),
    "admin.only": ("Only administrators may open this page.", "Nur für Administrator*innen."),
    "admin.tab_users": ("Accounts", "Konten"),
    "admin.tab_audit": ("Audit log", "Protokoll"),
    "admin.tab_retention": ("Retention", "Aufbewahrung"),
    "admin.tab_subject": ("Data-subject requests", "Betroffenenanfragen"),
    "users.add": ("Add an account", "Konto anlegen"),
    "users.role": ("Role", "Rolle"),
    "users.programs": ("Programs", "Programme"),
    "users.oidc_only": (
        "Signs in through the identity provider (no password)",
        "Anmeldung über den Identitätsanbieter (kein Passwort)",
    ),
    "users.repeat": ("Repeat password", "Passwort wiederholen"),
    "users.mismatch": ("The two passwords differ.", "Die beiden Passwörter unterscheiden sich."),
    "users.save": ("Save", "Speichern"),
    "users.edit": ("Change an account", "Konto ändern"),
    "users.account": ("Account", "Konto"),
    "users.disabled": ("Disabled (cannot sign in)", "Gesperrt (keine Anmeldung)"),
    "users.new_password": ("Set a new password", "Neues Passwort setzen"),
    "users.remove": ("Remove an account", "Konto löschen"),
    "users.remove_confirm": ("Yes, remove {user}", "Ja, {user} löschen"),
    "users.done": ("Saved.", "Gespeichert."),
    "users.roles_help": (
        "admin: every program, accounts and settings · coordinator: assigned programs — view, "
        "import, thresholds · viewer: assigned programs, read only",
        "admin: alle Programme, Konten und Einstellungen · coordinator: zugewiesene Programme — "
        "ansehen, importieren, Schwellenwerte · viewer: zugewiesene Programme, nur lesen",
    ),
    "audit.action": ("Action", "Aktion"),
    "audit.program": ("Program", "Programm"),
    "audit.since": ("From", "Ab"),
    "audit.all": ("all", "alle"),
    "audit.download": ("Download as CSV", "Als CSV herunterladen"),
    "audit.count": ("{n} entries", "{n} Einträge"),
    "retention.explain": (
        "Rows about a person are deleted this many months after the match ended or the "
        "supporter left. A daily check at app start applies it; the preview changes nothing.",
        "Daten über eine Person werden so viele Monate nach Ende der Begleitung bzw. dem "
        "Ausscheiden gelöscht. Eine tägliche Prüfung beim Start wendet das an; die Vorschau "
        "ändert nichts.",
    ),
    "limits.title": ("Sessions and upload limits", "Sitzungen und Upload-Grenzen"),
    "limits.timeout": (
        "Sign out after this many minutes without activity",
        "Abmeldung nach so vielen Minuten ohne Aktivität",
    ),
    "retention.months": ("Months to keep", "Monate aufbewahren"),
    "retention.preview": ("Preview what is expired", "Abgelaufenes anzeigen"),
    "retention.apply": ("Delete expired rows now", "Abgelaufenes jetzt löschen"),
    "retention.none": ("Nothing has expired.", "Nichts ist abgelaufen."),
    "retention.deleted": ("Deleted {n} rows.", "{n} Zeilen gelöscht."),
    "subject.explain": (
        "Everything held about one pseudonym (supporter or seeker) in one program: export it "
        "(right of access) or erase it (right to erasure). Both are written to the audit log.",
        "Alles zu einem Pseudonym (unterstützende oder suchende Person) in einem Programm: "
        "exportieren (Auskunftsrecht) oder löschen (Recht auf Löschung). Beides wird "
        "protokolliert.",
    ),
    "subject.pseudonym": ("Pseudonym", "Pseudonym"),
    "subject.prepare": ("Prepare export", "Export vorbereiten"),
    "subject.download": ("Download JSON", "JSON herunterladen"),
    "subject.nothing": (
        "Nothing is held for this pseudonym.",
        "Zu diesem Pseudonym liegt nichts vor.",
    ),
    "subject.preview": ("Preview erasure", "Löschung prüfen"),
    "subject.confirm": (
        "Type the pseudonym again to confirm the erasure",
        "Pseudonym zur Bestätigung erneut eingeben",
    ),
    "subject.erase": ("Erase", "Löschen"),
    "subject.erased": ("Erased {n} rows.", "{n} Zeilen gelöscht."),
    "erasure.rewritten": (
        "The database file was rewritten: no bytes of the deleted rows are left in it "
        "(older backups still hold them).",
        "Die Datenbankdatei wurde neu geschrieben: Von den gelöschten Zeilen ist darin kein "
        "Byte mehr übrig (ältere Sicherungen enthalten sie noch).",
    ),
    "erasure.rewrite_failed": (
        "The rows are deleted, but the database file could not be rewritten, so their bytes "
        "may remain in it. Run the deletion again or `python -m dashboard erase` with the app "
        "stopped. ({problem})",
        "Die Zeilen sind gelöscht, aber die Datenbankdatei konnte nicht neu geschrieben werden; "
        "ihre Bytes können noch darin stehen. Löschung wiederholen oder `python -m dashboard "
        "erase` bei gestoppter App ausführen. ({problem})",
    ),
}


def tx(key: str, lang: str, **kwargs: Any) -> str:
    """Returns the text for `key` in German for 'de', else English, placeholders filled."""
    english, german = TEXTS[key]
    text = german if lang == "de" else english
    return text.format(**kwargs) if kwargs else text
