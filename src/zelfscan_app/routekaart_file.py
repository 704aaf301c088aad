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

MAX_ROUTEKAART_BYTES = 500_000


class RoutekaartError(ZelfscanError):
    """The routekaart file is missing, unreadable or inconsistent."""


def routekaart_path() -> Path:
    return resources_dir() / "routekaart.yaml"


def load_routekaart(path: str | Path) -> Routekaart:
    import yaml

    path = Path(path)
    try:
        if path.stat().st_size > MAX_ROUTEKAART_BYTES:
            raise RoutekaartError("het bestand is te groot voor een routekaart", path=str(path))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RoutekaartError("het bestand bestaat niet", path=str(path)) from None
    except UnicodeDecodeError:
        raise RoutekaartError("het bestand is geen UTF-8-tekst", path=str(path)) from None
    except OSError as exc:
        raise RoutekaartError(
            f"het bestand kan niet worden gelezen ({exc.strerror})", path=str(path)
        ) from None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark is not None else None
        raise RoutekaartError(
            "het bestand is geen geldige YAML", path=str(path), where=where
        ) from None
    try:
        return parse_routekaart(data)
    except ValueError as exc:
        raise RoutekaartError(str(exc), path=str(path)) from None


@cache
def default_routekaart() -> Routekaart:
    """The routekaart shipped with the app (cached: it never changes while running)."""
    return load_routekaart(routekaart_path())
