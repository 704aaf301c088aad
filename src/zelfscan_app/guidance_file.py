"""Read the duiding (guidance) files into the validated domain object, with Dutch errors.

The shipped `guidance.yaml` sits beside `questionnaire.yaml` in the resources folder, and a
region ships its variant the same way it ships a questionnaire variant: it replaces the file
there, or it adds `guidance-regio.yaml` beside it, whose entries replace (same question or
phase number) or extend (its own extra questions) the shipped ones. Either way the result is
checked against the questionnaire in use, and a problem names the file it is in.
"""

from __future__ import annotations

from pathlib import Path

from zelfscan_app.domain.guidance import (
    Guidance,
    GuidanceFile,
    combine,
    coverage_problems,
    file_problems,
    listed_problems,
    parse_guidance_file,
)
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.resources import resources_dir
from zelfscan_app.yaml_file import read_yaml

GUIDANCE_NAME = "guidance.yaml"
OVERLAY_NAME = "guidance-regio.yaml"
MAX_GUIDANCE_BYTES = 2_000_000


class GuidanceError(ZelfscanError):
    """A guidance file is missing, unreadable or does not fit the questionnaire."""


def _read_part(path: Path, questionnaire: Questionnaire) -> GuidanceFile:
    data = read_yaml(
        path,
        max_bytes=MAX_GUIDANCE_BYTES,
        too_large="het bestand is te groot voor een duidingsbestand",
        error=GuidanceError,
    )
    try:
        part = parse_guidance_file(data)
    except ValueError as exc:
        raise GuidanceError(str(exc), path=str(path)) from None
    problems = file_problems(part, questionnaire)
    if problems:
        raise GuidanceError(listed_problems(problems), path=str(path))
    return part


def load_guidance(
    path: str | Path, questionnaire: Questionnaire, overlay: str | Path | None = None
) -> Guidance:
    """The guidance of `path` (plus a region's `overlay`), checked against `questionnaire`."""
    path = Path(path)
    base = _read_part(path, questionnaire)
    extra = _read_part(Path(overlay), questionnaire) if overlay is not None else None
    guidance = combine(base, extra)
    problems = coverage_problems(guidance, questionnaire)
    if problems:
        named = f"{path} (met {overlay})" if overlay is not None else str(path)
        raise GuidanceError(listed_problems(problems), path=named)
    return guidance


def guidance_paths(folder: Path | None = None) -> tuple[Path, Path | None]:
    """The guidance file in the resources folder and the region's overlay when it is there."""
    folder = folder or resources_dir()
    overlay = folder / OVERLAY_NAME
    return folder / GUIDANCE_NAME, overlay if overlay.is_file() else None


_CACHE: dict[tuple[object, ...], Guidance] = {}


def default_guidance(questionnaire: Questionnaire) -> Guidance:
    """The guidance from the resources folder for this questionnaire (read once per run)."""
    key = (
        questionnaire.id,
        questionnaire.version,
        questionnaire.question_numbers,
        tuple(t.term for t in questionnaire.terms),
    )
    cached = _CACHE.get(key)
    if cached is None:
        path, overlay = guidance_paths()
        cached = _CACHE[key] = load_guidance(path, questionnaire, overlay)
    return cached
