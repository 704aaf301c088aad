"""Read `resources/routekaart.yaml` into the validated domain object, with Dutch errors.

The same door as the questionnaire (`questionnaire_file`): size bound, safe YAML loader, and
one message naming the file and the problem when it is unusable.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from zelfscan_app.domain.routekaart import Routekaart, parse_routekaart
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.resources import resources_dir
from zelfscan_app.yaml_file import read_yaml

MAX_ROUTEKAART_BYTES = 500_000


class RoutekaartError(ZelfscanError):
    """The routekaart file is missing, unreadable or inconsistent."""


def routekaart_path() -> Path:
    return resources_dir() / "routekaart.yaml"


def load_routekaart(path: str | Path) -> Routekaart:
    path = Path(path)
    data = read_yaml(
        path,
        max_bytes=MAX_ROUTEKAART_BYTES,
        too_large="het bestand is te groot voor een routekaart",
        error=RoutekaartError,
    )
    try:
        return parse_routekaart(data)
    except ValueError as exc:
        raise RoutekaartError(str(exc), path=str(path)) from None


@cache
def default_routekaart() -> Routekaart:
    """The routekaart shipped with the app (cached: it never changes while running)."""
    return load_routekaart(routekaart_path())
