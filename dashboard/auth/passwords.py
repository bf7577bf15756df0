"""Password hashing for local accounts: Argon2id (argon2-cffi); no password is stored or logged."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from zxcvbn import zxcvbn

MIN_LENGTH = 12
"""Shorter passwords are refused: the database is reachable from the network once deployed."""
MAX_LENGTH = 1024
"""Longer input is refused before hashing so a sign-in form cannot be used to burn CPU."""
MIN_SCORE = 3
"""zxcvbn's score (0-4) a password needs: 3 = "safely unguessable", about 10^8 guesses or more.
Length alone lets `password1234` and `123456789012` through; zxcvbn knows the common-password
lists, keyboard walks, sequences, dates and l33t spellings, and is given the username too."""

# argon2-cffi's defaults follow RFC 9106's low-memory profile (Argon2id, 64 MiB, t=3, p=4).
_HASHER = PasswordHasher()
# Verified against when the username is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not-a-real-password-only-for-equal-timing")


class WeakPassword(ValueError):
    """The password does not meet the minimum rules; the message says which."""


def check_strength(password: str, username: str = "") -> None:
    """Raises WeakPassword unless the password is 12..1024 characters, differs from the name
    and is not common or guessable (zxcvbn score below MIN_SCORE)."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"password must have at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"password must have at most {MAX_LENGTH} characters")
    if username and password.strip().lower() == username.strip().lower():
        raise WeakPassword("password must not be the username")
    # zxcvbn's cost grows with length; the first 100 characters decide guessability anyway.
    if zxcvbn(password[:100], user_inputs=[username] if username else [])["score"] < MIN_SCORE:
        raise WeakPassword(
            "password is too common or easy to guess (e.g. a known password, a word with "
            "digits, a keyboard row or a sequence); use a few unrelated words"
        )


def hash_password(password: str) -> str:
    """Returns the Argon2id hash string (salt and parameters included) to store."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Returns True when `password` matches `stored_hash`; None or a broken hash never matches.

    Always spends one verification, also without a hash, so timing does not tell which
    usernames exist.
    """
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Returns True when the hash was made with weaker parameters than today's defaults."""
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True
