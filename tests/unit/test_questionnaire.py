"""The shipped questionnaire follows PRODUCT.md, and a broken one is refused with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.errors import QuestionnaireError
from zelfscan_app.questionnaire_file import load_questionnaire
from zelfscan_app.resources import questionnaire_path


def test_shape(questionnaire: Questionnaire) -> None:
    assert questionnaire.id
    assert questionnaire.version
    assert [s.number for s in questionnaire.standards] == list(range(1, 11))
    assert [q.number for q in questionnaire.questions] == list(range(1, 32))
    assert [(b.first, b.last) for b in questionnaire.blocks] == [(1, 14), (15, 31)]


def test_blocks_cover_standards_in_order(questionnaire: Questionnaire) -> None:
    def order(block: int) -> list[int]:
        return [q.standard for q in questionnaire.questions_in_block(block)]

    assert sorted(order(1), key=[1, 2, 3, 6].index) == order(1)
    assert questionnaire.standards_in_block(1) == (1, 2, 3, 6)
    assert sorted(order(2), key=[4, 5, 7, 8, 9, 10].index) == order(2)
    assert questionnaire.standards_in_block(2) == (4, 5, 7, 8, 9, 10)


def test_every_sub_requirement_is_asked(questionnaire: Questionnaire) -> None:
    assert questionnaire.coverage_gaps() == {}
    keys = {s.number: {o.key for o in s.onderdelen} for s in questionnaire.standards}
    assert {"meldcode", "signaleren", "bespreekbaar_maken", "aandachtsfunctionarissen"} <= keys[3]
    assert len(keys[10]) == 7  # informeren, rolverdeling, overdracht, zorgen, methoden, ...


def test_standard_texts_are_the_seed_texts(questionnaire: Questionnaire) -> None:
    assert questionnaire.standard(1).text.startswith("Integrale gemeentelijke visie")
    assert "meldcode" in questionnaire.standard(3).text
    assert "Veilig" in questionnaire.standard(10).text
    assert all(len(s.short_title) <= 30 for s in questionnaire.standards)


def test_every_question_has_a_short_title(questionnaire: Questionnaire) -> None:
    titles = [q.short_title for q in questionnaire.questions]
    assert all(titles) and all(len(t) <= 40 for t in titles)
    assert len(set(titles)) == len(titles), "each finds one question"


def test_questions_are_closed_dutch_questions(questionnaire: Questionnaire) -> None:
    for q in questionnaire.questions:
        assert q.text.endswith("?"), q.number
        assert q.help, q.number


def test_every_question_has_an_improvement_statement(questionnaire: Questionnaire) -> None:
    for q in questionnaire.questions:
        assert q.verbeterpunt, q.number
        assert not q.verbeterpunt.endswith(("?", ".")), q.number
        assert q.verbeterpunt[0].islower(), q.number  # it follows 'Vraag 4 — '
    assert questionnaire.question(4).improvement_point == (
        "Vraag 4 — de opdracht is niet bekend bij de teams of de gemeente bespreekt de "
        "uitvoering niet periodiek met hen"
    )


def test_begrippenkader(questionnaire: Questionnaire) -> None:
    names = {t.term for t in questionnaire.terms}
    required = {
        "Regie",
        "Systeemgericht werken",
        "Zicht op veiligheid",
        "Veiligheidsplan",
        "Hulpverleningsplan",
        "Herstelplan",
        "Meldcode",
        "Aandachtsfunctionaris",
        "Casusregie",
    }
    assert required <= names
    assert all(t.definition for t in questionnaire.terms)


def test_plan_groups_follow_bijlage_5(questionnaire: Questionnaire) -> None:
    assert [g.standards for g in questionnaire.plan_groups] == [
        (1, 2),
        (3, 6),
        (4, 5, 7, 8),
        (9,),
        (10,),
    ]


# Broken variants ---------------------------------------------------------------------------


def _write_variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(questionnaire_path().read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "regio-variant.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _duplicate_question(d: dict) -> None:
    d["questions"][1]["number"] = 1


def _unknown_standard(d: dict) -> None:
    d["questions"][4]["standard"] = 42


def _block_gap(d: dict) -> None:
    d["blocks"][1]["first"] = 16


def _blocks_overlap(d: dict) -> None:
    d["blocks"][0]["last"] = 15


def _missing_text(d: dict) -> None:
    del d["questions"][2]["text"]


def _unknown_onderdeel(d: dict) -> None:
    d["questions"][0]["onderdelen"] = ["bestaat_niet"]


def _question_as_verbeterpunt(d: dict) -> None:
    d["questions"][3]["verbeterpunt"] = "Is de opdracht bekend?"


def _long_short_title(d: dict) -> None:
    d["questions"][3]["short_title"] = "Een korte titel die veel te lang is voor de vragenlijst"


def _two_line_short_title(d: dict) -> None:
    d["questions"][5]["short_title"] = "Twee\nregels"


def _standard_without_questions(d: dict) -> None:
    d["questions"] = [q for q in d["questions"] if q["standard"] != 9]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_duplicate_question, "vraagnummer 1 komt meer dan eens voor"),
        (_unknown_standard, "verwijst naar kwaliteitsstandaard 42, die niet bestaat"),
        (_block_gap, "vraag 15 valt in geen enkel blok"),
        (_blocks_overlap, "vraag 15 valt in meerdere blokken"),
        (_missing_text, "text ontbreekt"),
        (_unknown_onderdeel, "onderdeel 'bestaat_niet'"),
        (_standard_without_questions, "kwaliteitsstandaard 9 heeft geen enkele vraag"),
        (_question_as_verbeterpunt, "vraag 4: het verbeterpunt is een stelling, geen vraag"),
        (_long_short_title, "vraag (nummer 4) → short_title is te lang"),
        (_two_line_short_title, "vraag 6: de korte titel moet op één regel staan"),
    ],
)
def test_broken_variant_names_file_and_problem(tmp_path: Path, change, expected: str) -> None:
    path = _write_variant(tmp_path, change)
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(path)
    message = str(info.value)
    assert str(path) in message
    assert expected in message


def test_missing_text_names_the_question(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, _missing_text)
    with pytest.raises(QuestionnaireError, match=r"vraag \(nummer 3\)"):
        load_questionnaire(path)


def test_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text("id: [unclosed\n  - x: :\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match="geen geldige YAML"):
        load_questionnaire(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError, match="bestaat niet"):
        load_questionnaire(tmp_path / "weg.yaml")


def test_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "lijst.yaml"
    path.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match="geen vragenlijst"):
        load_questionnaire(path)


def test_regional_variant_with_extra_question_loads(tmp_path: Path) -> None:
    def add_question(d: dict) -> None:
        d["version"] = "2026.1-regio"
        d["blocks"][1]["last"] = 32
        d["questions"].append(
            {"number": 32, "standard": 10, "text": "Is er een regionale vraag?", "help": "x"}
        )

    variant = load_questionnaire(_write_variant(tmp_path, add_question))
    assert len(variant.questions) == 32
    assert variant.version == "2026.1-regio"
