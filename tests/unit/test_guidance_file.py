"""The duiding file (resources/guidance.yaml): complete, sane, and refused in Dutch when broken.

A region replaces the file or adds guidance-regio.yaml beside it; both are checked against the
questionnaire, and every problem names the file it is in.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from zelfscan_app.domain.guidance import (
    MAX_SUGGESTIONS,
    MEASURE_MAX,
    MEASURE_MIN,
    RESULT_MAX,
    RESULT_MIN,
    WHY_MAX,
    WHY_MIN,
    sentence_count,
)
from zelfscan_app.domain.questionnaire import parse_questionnaire
from zelfscan_app.guidance_file import (
    GUIDANCE_NAME,
    OVERLAY_NAME,
    GuidanceError,
    guidance_paths,
    load_guidance,
)
from zelfscan_app.resources import questionnaire_path, resources_dir

SHIPPED = resources_dir() / GUIDANCE_NAME


def shipped_data() -> dict:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = GUIDANCE_NAME) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def variant(tmp_path: Path, change: Callable[[dict], None]) -> Path:
    data = copy.deepcopy(shipped_data())
    change(data)
    return write(tmp_path, data)


def entry(data: dict, number: int) -> dict:
    return next(e for e in data["questions"] if e["question"] == number)


# The shipped file --------------------------------------------------------------------------


def test_shipped_guidance_covers_every_question_and_phase(questionnaire) -> None:
    guidance = load_guidance(SHIPPED, questionnaire)
    assert [g.question for g in guidance.questions] == list(questionnaire.question_numbers)
    assert [p.number for p in guidance.phases] == [1, 2, 3, 4, 5]
    assert "geen VNG-tekst" in guidance.notice  # marked as the project's own suggestions


def test_shipped_texts_are_complete_and_of_sane_length(questionnaire) -> None:
    guidance = load_guidance(SHIPPED, questionnaire)
    known = {t.term for t in questionnaire.terms}
    for g in guidance.questions:
        assert WHY_MIN <= len(g.why) <= WHY_MAX, g.question
        assert 2 <= sentence_count(g.why) <= 3, g.question
        assert 1 <= len(g.suggestions) <= MAX_SUGGESTIONS, g.question
        for s in g.suggestions:
            assert MEASURE_MIN <= len(s.measure.strip()) <= MEASURE_MAX, g.question
            assert RESULT_MIN <= len(s.result.strip()) <= RESULT_MAX, g.question
        assert set(g.terms) <= known, g.question
    # B1: short sentences on average (a long 'why' is a warning sign for plain language).
    words = [len(s.split()) for g in guidance.questions for s in g.why.split(". ")]
    assert sum(words) / len(words) < 20


def test_every_term_of_the_begrippenkader_is_used_somewhere(questionnaire) -> None:
    guidance = load_guidance(SHIPPED, questionnaire)
    used = {t for g in guidance.questions for t in g.terms}
    assert used == {t.term for t in questionnaire.terms}


# Broken files ------------------------------------------------------------------------------


def _drop_question_7(d: dict) -> None:
    d["questions"] = [e for e in d["questions"] if e["question"] != 7]


def _no_suggestions(d: dict) -> None:
    entry(d, 12)["suggestions"] = []


def _empty_measure(d: dict) -> None:
    entry(d, 12)["suggestions"][0]["measure"] = "   "


def _empty_result(d: dict) -> None:
    entry(d, 3)["suggestions"][0]["result"] = ""


def _four_suggestions(d: dict) -> None:
    e = entry(d, 13)
    e["suggestions"] = (e["suggestions"] * 4)[:4]


def _long_why(d: dict) -> None:
    entry(d, 2)["why"] = "Dit is een zin. " * 60


def _one_sentence_why(d: dict) -> None:
    entry(d, 2)["why"] = "Dit is maar één lange zin over waarom deze vraag ertoe doet voor ons."


def _unknown_term(d: dict) -> None:
    entry(d, 10)["terms"] = ["Systeemgericht werken", "Ketenregie"]


def _unknown_question(d: dict) -> None:
    d["questions"].append(copy.deepcopy(entry(d, 31)) | {"question": 44})


def _twice(d: dict) -> None:
    d["questions"].append(copy.deepcopy(entry(d, 31)))


def _no_phase_4(d: dict) -> None:
    d["phases"] = [p for p in d["phases"] if p["number"] != 4]


def _other_questionnaire(d: dict) -> None:
    d["questionnaire"] = "een-andere-vragenlijst"


def _unknown_field(d: dict) -> None:
    entry(d, 1)["waarom"] = "typfout in de veldnaam"


def _prefixed(d: dict) -> None:
    entry(d, 1)["suggestions"][0]["measure"] = "Suggestie: zelf al gemarkeerd als suggestie."


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_drop_question_7, "geen duiding voor vraag 7"),
        (_no_suggestions, "vraag (nummer 12) → suggestions is leeg"),
        (_empty_measure, "vraag (nummer 12) → suggestions"),
        (_empty_result, "result is leeg of te kort"),
        (_four_suggestions, "suggestions heeft te veel onderdelen (hoogstens 3"),
        (_long_why, "why is te lang"),
        (_one_sentence_why, "moet twee of drie zinnen zijn, niet 1"),
        (_unknown_term, "begrip 'Ketenregie', dat niet in het begrippenkader"),
        (_unknown_question, "vraag 44 bestaat niet in vragenlijst"),
        (_twice, "vraag 31 staat meer dan eens"),
        (_no_phase_4, "geen advies voor fase 4"),
        (_other_questionnaire, "hoort bij vragenlijst 'een-andere-vragenlijst'"),
        (_unknown_field, "waarom is een onbekend veld"),
        (_prefixed, "begin niet met 'Suggestie:'"),
    ],
)
def test_broken_guidance_names_file_and_problem_in_dutch(
    tmp_path: Path, questionnaire, change, expected: str
) -> None:
    path = variant(tmp_path, change)
    with pytest.raises(GuidanceError) as info:
        load_guidance(path, questionnaire)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert expected in message, message
    assert "Traceback" not in message and "pydantic" not in message.lower()


def test_not_yaml_missing_and_not_a_mapping(tmp_path: Path, questionnaire) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("questions: [unclosed\n  - x: :\n", encoding="utf-8")
    with pytest.raises(GuidanceError, match=r"kapot\.yaml, regel \d+: het bestand is geen geldige"):
        load_guidance(bad, questionnaire)
    with pytest.raises(GuidanceError, match=r"weg\.yaml: het bestand bestaat niet"):
        load_guidance(tmp_path / "weg.yaml", questionnaire)
    listed = tmp_path / "lijst.yaml"
    listed.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(GuidanceError, match="geen duiding"):
        load_guidance(listed, questionnaire)
    binary = tmp_path / "binair.yaml"
    binary.write_bytes(b"\xff\xfe\x00kapot")
    with pytest.raises(GuidanceError, match="geen UTF-8"):
        load_guidance(binary, questionnaire)


# A region's variant ------------------------------------------------------------------------


def _regional_questionnaire():
    data = yaml.safe_load(questionnaire_path().read_text(encoding="utf-8"))
    data["version"] = "2026.1-regio"
    data["blocks"][1]["last"] = 32
    data["questions"].append(
        {"number": 32, "standard": 10, "text": "Is er een regionale vraag?", "help": "x"}
    )
    return parse_questionnaire(data)


OVERLAY = {
    "questionnaire": "vng-kwaliteitskader-zelfscan",
    "notice": "Suggesties van de regio Testland en van Zelfscan Kwaliteitskader (geen VNG-tekst).",
    "phases": [
        {
            "number": 3,
            "title": "Analyse in de regio Testland",
            "advice": "Bespreek de uitkomsten eerst in het regionale kernteam. Neem daarna de "
            "gemeentelijke rapportages mee naar het bestuurlijk overleg.",
        }
    ],
    "questions": [
        {
            "question": 5,
            "why": "In onze regio werken alle teams met dezelfde meldcode-app. Wie die niet "
            "kent, mist de regionale afspraken.",
            "terms": ["Meldcode"],
            "suggestions": [
                {
                    "measure": "Volg de regionale e-learning meldcode van Testland.",
                    "result": "Alle professionals hebben de e-learning binnen een jaar gevolgd.",
                }
            ],
        },
        {
            "question": 32,
            "why": "De regio vraagt dit extra. Zo blijven de regionale afspraken in beeld.",
            "terms": [],
            "suggestions": [
                {
                    "measure": "Bespreek de regionale vraag in het kernteam.",
                    "result": "Het kernteam heeft de vraag binnen een half jaar besproken.",
                }
            ],
        },
    ],
}


def test_overlay_replaces_and_extends_without_code(tmp_path: Path) -> None:
    regional = _regional_questionnaire()
    overlay = write(tmp_path, OVERLAY, OVERLAY_NAME)
    guidance = load_guidance(SHIPPED, regional, overlay)
    assert guidance.for_question(5).suggestions[0].measure.startswith("Volg de regionale")
    assert guidance.for_question(32) is not None  # the region's own extra question
    assert (
        guidance.for_question(6).why
        == load_guidance(SHIPPED, regional, overlay).for_question(6).why
    )  # untouched entries stay the shipped ones
    assert guidance.phase(3).title == "Analyse in de regio Testland"
    assert guidance.phase(4).title == "Opstellen en vaststellen verbeterplan"
    assert "regio Testland" in guidance.notice


def test_regional_question_without_guidance_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GuidanceError, match="geen duiding voor vraag 32"):
        load_guidance(SHIPPED, _regional_questionnaire())


def test_broken_overlay_names_the_overlay(tmp_path: Path, questionnaire) -> None:
    data = copy.deepcopy(OVERLAY)
    data["questions"] = data["questions"][:1]
    data["questions"][0]["terms"] = ["Wijkregie"]
    overlay = write(tmp_path, data, OVERLAY_NAME)
    with pytest.raises(GuidanceError) as info:
        load_guidance(SHIPPED, questionnaire, overlay)
    assert str(info.value).startswith(str(overlay))
    assert "'Wijkregie'" in str(info.value)


def test_overlay_is_found_beside_the_guidance(tmp_path: Path) -> None:
    assert guidance_paths(tmp_path) == (tmp_path / GUIDANCE_NAME, None)
    write(tmp_path, OVERLAY, OVERLAY_NAME)
    assert guidance_paths(tmp_path) == (tmp_path / GUIDANCE_NAME, tmp_path / OVERLAY_NAME)


def test_a_file_full_of_problems_gets_one_bounded_message(tmp_path: Path, questionnaire) -> None:
    data = shipped_data()
    data["questions"] = [{"question": n, "why": "", "suggestions": []} for n in range(1, 2001)]
    path = write(tmp_path, data)
    with pytest.raises(GuidanceError) as info:
        load_guidance(path, questionnaire)
    message = str(info.value)
    assert message.startswith(str(path)) and message.endswith("andere problemen")
    assert len(message) < 2000
