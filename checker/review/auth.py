"""Editors' passwords, hashed with Argon2id (argon2-cffi): never stored or logged as given."""
from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()
MIN_PASSWORD = 8


@cache
def unknown_user_hash() -> str:
    """Verifying against this when the name is unknown takes as long as a real check, so the
    sign-in page does not tell which names exist by how fast it answers."""
    return HASHER.hash("not a password of anyone's")


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")
    return HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return HASHER.verify(stored_hash or unknown_user_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def valid_name(name: str) -> str | None:
    """Why an editor's name cannot be used, or None."""
    if not name or len(name) > 64:
        return "a name has 1 to 64 characters"
    if not all(char.isalnum() or char in "._-@" for char in name):
        return "a name is letters, digits and . _ - @ only"
    return None
