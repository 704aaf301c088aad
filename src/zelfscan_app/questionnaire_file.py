"""Read a questionnaire YAML file into the validated domain object, with Dutch errors."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from zelfscan_app.domain.questionnaire import Questionnaire, parse_questionnaire
from zelfscan_app.errors import QuestionnaireError
from zelfscan_app.resources import questionnaire_path
from zelfscan_app.yaml_file import read_yaml

MAX_QUESTIONNAIRE_BYTES = 2_000_000


def load_questionnaire(path: str | Path) -> Questionnaire:
    path = Path(path)
    data = read_yaml(
        path,
        max_bytes=MAX_QUESTIONNAIRE_BYTES,
        too_large="het bestand is te groot voor een vragenlijst",
        error=QuestionnaireError,
    )
    try:
        return parse_questionnaire(data)
    except ValueError as exc:
        raise QuestionnaireError(str(exc), path=str(path)) from None


@cache
def default_questionnaire() -> Questionnaire:
    """The questionnaire shipped with the app (cached: it never changes while running)."""
    return load_questionnaire(questionnaire_path())
