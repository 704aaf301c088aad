"""Find the bundled resources, whether running from a checkout, a wheel or a frozen bundle.

In a wheel the `resources/` folder is packaged as `zelfscan_app/resources`; in a checkout it sits
at the top of the repository, two levels above this package.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [
        here / "resources",  # installed wheel
        here.parent.parent / "resources",  # checkout: src/zelfscan_app -> repo root
    ]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "zelfscan_app" / "resources")
    for candidate in candidates:
        if (candidate / "questionnaire.yaml").is_file():
            return candidate
    raise FileNotFoundError(
        "De map met hulpbestanden (resources/questionnaire.yaml) is niet gevonden; "
        f"gezocht in: {', '.join(str(c) for c in candidates)}"
    )


def questionnaire_path() -> Path:
    return resources_dir() / "questionnaire.yaml"


def templates_dir() -> Path:
    return resources_dir() / "templates"
