"""Read one of the app's YAML data files (questionnaire, duiding, routekaart) with Dutch errors.

The three files are edited by regions and travel by e-mail, so each read is bounded in size and
every failure names the file; this is the one place that does it.
"""

from __future__ import annotations

from pathlib import Path

from zelfscan_app.errors import ZelfscanError


def read_yaml(path: Path, *, max_bytes: int, too_large: str, error: type[ZelfscanError]) -> object:
    """The parsed content of `path`; `error` (a ZelfscanError subclass) names what went wrong."""
    import yaml

    try:
        if path.stat().st_size > max_bytes:
            raise error(too_large, path=str(path))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("het bestand bestaat niet", path=str(path)) from None
    except UnicodeDecodeError:
        raise error("het bestand is geen UTF-8-tekst", path=str(path)) from None
    except OSError as exc:
        raise error(
            f"het bestand kan niet worden gelezen ({exc.strerror})", path=str(path)
        ) from None
    try:
        # The C loader when PyYAML has it: ~10× faster on the start-up path, same result.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark is not None else None
        raise error("het bestand is geen geldige YAML", path=str(path), where=where) from None
