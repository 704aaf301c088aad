"""Database URLs and passwords: the app never stores a password, it only finds one.

A PostgreSQL password comes, in this order, from the URL itself (typed on the command line or
in `ZELFSCAN_DATABASE`; never saved by the app), `PGPASSWORD`, the operating system's keyring
(service "zelfscan", user name "<user>@<host>:<port>/<db>") and `~/.pgpass` (libpq reads
those two environment sources itself). A URL is always shown and logged with the password
hidden (`shown`), and a URL is saved in the settings only without it (`without_password`).
"""

from __future__ import annotations

import getpass
import os

from sqlalchemy.engine import URL, make_url

KEYRING_SERVICE = "zelfscan"
DEFAULT_PORT = 5432


def shown(url: str | URL) -> str:
    """The URL as the user may see it: the password replaced by ***."""
    parsed = make_url(url) if isinstance(url, str) else url
    return parsed.render_as_string(hide_password=True)


def without_password(url: str) -> str:
    """The URL with its password taken out (what may be saved in the settings)."""
    parsed = make_url(url)
    if parsed.password is None:
        return url
    # URL.set(password=None) means "leave as is"; the URL is a named tuple, so replace it.
    return parsed._replace(password=None).render_as_string(hide_password=False)


def keyring_user(url: str | URL) -> str:
    """The keyring's user name for a PostgreSQL URL: "<user>@<host>:<port>/<db>"."""
    parsed = make_url(url) if isinstance(url, str) else url
    user = parsed.username or os.environ.get("PGUSER") or getpass.getuser()
    host = parsed.host or os.environ.get("PGHOST") or "localhost"
    port = parsed.port or int(os.environ.get("PGPORT") or DEFAULT_PORT)
    database = parsed.database or user
    return f"{user}@{host}:{port}/{database}"


def keyring_password(url: str | URL) -> str | None:
    """The password from the OS keyring when neither the URL nor PGPASSWORD gives one.

    Any keyring trouble (no backend, a locked or missing service) means "none": libpq then
    still tries ~/.pgpass, and a server that wants a password says so in a DatabaseFault.
    """
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.password is not None or os.environ.get("PGPASSWORD"):
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_user(parsed))
    except Exception:  # keyring raises its own errors, and backends raise anything
        return None


def keyring_available() -> bool:
    """Whether a real keyring backend is present (not the fail/null placeholders)."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception:
        return False
    return not isinstance(backend, fail.Keyring | null.Keyring)


def store_in_keyring(url: str, password: str) -> None:
    """Put a password in the OS keyring for this URL (raises when the keyring refuses)."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, keyring_user(url), password)
