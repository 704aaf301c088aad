"""The questionnaire as frozen, validated objects.

The YAML file is the single source; a region may ship a variant, so the structure is checked
here (unique numbers, existing standards, blocks that cover every question exactly once) rather
than assumed. Reading the file lives in `zelfscan_app.questionnaire_file`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


#: Longest short title of a question: it must fit the navigator beside the question number.
SHORT_TITLE_MAX = 40


class Onderdeel(_Frozen):
    """A sub-requirement named in a standard's text (e.g. 'meldcode' in standard 3)."""

    key: str = Field(min_length=1)
    label: str = Field(min_length=1)


class Standard(_Frozen):
    number: int = Field(ge=1)
    short_title: str = Field(min_length=1, max_length=60)
    text: str = Field(min_length=1)
    onderdelen: tuple[Onderdeel, ...] = ()


class Block(_Frozen):
    number: int = Field(ge=1)
    title: str = Field(min_length=1)
    description: str = ""
    first: int = Field(ge=1)
    last: int = Field(ge=1)

    def contains(self, question_number: int) -> bool:
        return self.first <= question_number <= self.last


class Question(_Frozen):
    number: int = Field(ge=1)
    standard: int = Field(ge=1)
    text: str = Field(min_length=1, max_length=1000)
    #: The plan van aanpak's improvement point when the answer is 'Niet op orde', as a
    #: statement ("de opdracht is niet bekend bij de teams"), not the question with a '?'.
    verbeterpunt: str = Field(default="", max_length=300)
    #: A few words to find the question by (the session's navigator, search); one line.
    short_title: str = Field(default="", max_length=SHORT_TITLE_MAX)
    help: str = ""
    onderdelen: tuple[str, ...] = ()

    @property
    def improvement_point(self) -> str:
        """'Vraag 4 — de opdracht is …'; a variant without a statement shows the question."""
        return f"Vraag {self.number} — {self.verbeterpunt or self.text}"


class Term(_Frozen):
    """A begrippenkader entry; aliases are the word forms recognised in question text."""

    term: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()


class PlanGroup(_Frozen):
    """A group of standards that shares one table in the plan van aanpak (bijlage 5)."""

    title: str = Field(min_length=1)
    standards: tuple[int, ...] = Field(min_length=1)


class Questionnaire(_Frozen):
    id: str = Field(min_length=1)
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    source: str = ""
    standards: tuple[Standard, ...] = Field(min_length=1)
    blocks: tuple[Block, ...] = Field(min_length=1)
    questions: tuple[Question, ...] = Field(min_length=1)
    terms: tuple[Term, ...] = ()
    plan_groups: tuple[PlanGroup, ...] = ()

    @model_validator(mode="after")
    def _check_structure(self) -> Questionnaire:
        problems = structure_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # Look-ups -----------------------------------------------------------------------------
    @cached_property
    def _standards_by_number(self) -> dict[int, Standard]:
        return {s.number: s for s in self.standards}

    @cached_property
    def _questions_by_number(self) -> dict[int, Question]:
        return {q.number: q for q in self.questions}

    @cached_property
    def question_numbers(self) -> tuple[int, ...]:
        return tuple(q.number for q in self.questions)

    def standard(self, number: int) -> Standard:
        return self._standards_by_number[number]

    def question(self, number: int) -> Question:
        return self._questions_by_number[number]

    def has_question(self, number: int) -> bool:
        return number in self._questions_by_number

    def questions_for_standard(self, number: int) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.standard == number)

    def questions_in_block(self, number: int) -> tuple[Question, ...]:
        block = next(b for b in self.blocks if b.number == number)
        return tuple(q for q in self.questions if block.contains(q.number))

    def block_of(self, question_number: int) -> Block:
        return next(b for b in self.blocks if b.contains(question_number))

    def standards_in_block(self, number: int) -> tuple[int, ...]:
        seen: dict[int, None] = {}
        for q in self.questions_in_block(number):
            seen.setdefault(q.standard, None)
        return tuple(seen)

    def coverage_gaps(self) -> dict[int, tuple[str, ...]]:
        """Sub-requirements of a standard that no question asks about (empty when complete)."""
        gaps: dict[int, tuple[str, ...]] = {}
        for standard in self.standards:
            asked = {k for q in self.questions_for_standard(standard.number) for k in q.onderdelen}
            missing = tuple(o.key for o in standard.onderdelen if o.key not in asked)
            if missing:
                gaps[standard.number] = missing
        return gaps

    @property
    def label(self) -> str:
        """`id` and `version` as written in workbooks (key `Vragenlijst`)."""
        return f"{self.id} {self.version}"


def structure_problems(q: Questionnaire) -> list[str]:
    """Every structural inconsistency, in Dutch, so one load reports them all."""
    problems: list[str] = []
    problems += _duplicates("kwaliteitsstandaard", [s.number for s in q.standards])
    problems += _duplicates("vraag", [x.number for x in q.questions])
    problems += _duplicates("blok", [b.number for b in q.blocks])
    standards = {s.number: s for s in q.standards}
    for question in q.questions:
        standard = standards.get(question.standard)
        if standard is None:
            problems.append(
                f"vraag {question.number} verwijst naar kwaliteitsstandaard {question.standard}, "
                "die niet bestaat"
            )
            continue
        keys = {o.key for o in standard.onderdelen}
        for key in question.onderdelen:
            if key not in keys:
                problems.append(
                    f"vraag {question.number} noemt onderdeel '{key}', dat niet bij "
                    f"kwaliteitsstandaard {standard.number} hoort"
                )
    for question in q.questions:
        if question.verbeterpunt.endswith("?"):
            problems.append(
                f"vraag {question.number}: het verbeterpunt is een stelling, geen vraag "
                "(haal het vraagteken weg)"
            )
        if "\n" in question.short_title:
            problems.append(f"vraag {question.number}: de korte titel moet op één regel staan")
    for standard in q.standards:
        if not any(x.standard == standard.number for x in q.questions):
            problems.append(f"kwaliteitsstandaard {standard.number} heeft geen enkele vraag")
    for block in q.blocks:
        if block.first > block.last:
            problems.append(
                f"blok {block.number} begint ({block.first}) na zijn einde ({block.last})"
            )
    for question in q.questions:
        owners = [b.number for b in q.blocks if b.contains(question.number)]
        if len(owners) != 1:
            where = "geen enkel blok" if not owners else f"meerdere blokken ({owners})"
            problems.append(f"vraag {question.number} valt in {where}")
    for group in q.plan_groups:
        for number in group.standards:
            if number not in standards:
                problems.append(
                    f"groep '{group.title}' noemt kwaliteitsstandaard {number}, die niet bestaat"
                )
    return problems


def _duplicates(what: str, numbers: list[int]) -> list[str]:
    dupes = sorted(n for n, times in Counter(numbers).items() if times > 1)
    return [f"{what}nummer {n} komt meer dan eens voor" for n in dupes]


_DUTCH_PYDANTIC = {
    "missing": "ontbreekt",
    "extra_forbidden": "is een onbekend veld",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "string_type": "moet tekst zijn",
    "string_too_short": "is leeg of te kort",
    "string_too_long": "is te lang",
    "too_short": "is leeg",
    "greater_than_equal": "moet 1 of hoger zijn",
    "tuple_type": "moet een lijst zijn",
    "model_type": "moet een tabel met velden zijn",
    "model_attributes_type": "moet een tabel met velden zijn",
}


def parse_questionnaire(data: Any) -> Questionnaire:
    """Validate a loaded mapping; raises ValueError with one Dutch sentence per problem."""
    if not isinstance(data, Mapping):
        raise ValueError("het bestand bevat geen vragenlijst (verwacht een tabel met velden)")
    try:
        return Questionnaire.model_validate(dict(data))
    except ValidationError as exc:
        raise ValueError(_dutch_errors(exc, data)) from None


def _dutch_errors(exc: ValidationError, data: Any) -> str:
    messages = []
    for error in exc.errors():
        if error["type"] == "value_error":
            messages.append(str(error["ctx"]["error"]))
            continue
        where = _location(error["loc"], data)
        messages.append(f"{where} {_DUTCH_PYDANTIC.get(error['type'], error['msg'])}".strip())
    return "; ".join(messages)


def _location(loc: tuple[Any, ...], data: Any) -> str:
    """Render ('questions', 3, 'text') as 'vraag 4: veld text' using the entry's own number."""
    names = {"standards": "kwaliteitsstandaard", "questions": "vraag", "blocks": "blok"}
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list):
            entry = node[item] if item < len(node) else None
            label = names.get(str(parts[-1]) if parts else "", "")
            number = entry.get("number") if isinstance(entry, Mapping) else None
            ref = f"nummer {number}" if number is not None else f"item {item + 1}"
            parts[-1] = f"{label or parts[-1]} ({ref})"
            node = entry
        else:
            parts.append(str(item))
            node = node.get(item) if isinstance(node, Mapping) else None
    return "veld " + " → ".join(parts) if parts else ""
