"""Duiding: what a score means and what a group could do about a 'Niet op orde' answer.

The guidance (`resources/guidance.yaml`) is data, like the questionnaire: per question why it
matters, one to three suggested verbetermaatregelen with a beoogd resultaat, and the
begrippenkader terms it uses; per routekaart phase the advice for that phase. It is the project's
own suggestion, never presented as VNG text. A region may replace the file or extend it with an
overlay file; both are checked here against the questionnaire they are used with, so a question
without guidance or a term outside the begrippenkader is refused with a Dutch sentence rather
than shown as a gap. Reading the files lives in `zelfscan_app.guidance_file`.

The wording functions below (score explanations, the three standards with most room, phase)
are pure so the results page, the plan van aanpak and the tests say exactly the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from zelfscan_app.domain.questionnaire import _DUTCH_PYDANTIC, Questionnaire, Term, _location
from zelfscan_app.domain.scan import Action, ActionStatus, AnswerValue
from zelfscan_app.domain.scoring import StandardScore, Values

#: Bounds that keep a text readable in a table cell and on a projector (B1: short sentences).
WHY_MIN, WHY_MAX = 60, 700
MEASURE_MIN, MEASURE_MAX = 15, 400
RESULT_MIN, RESULT_MAX = 15, 300
ADVICE_MIN, ADVICE_MAX = 60, 900
MAX_SUGGESTIONS = 3
WHY_SENTENCES = (2, 3)
MAX_TERMS = 6

#: How a pre-filled plan cell says that the text is a suggestion, not the group's decision.
SUGGESTION_PREFIX = "Suggestie: "

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÀ-Ý‘'\"]|$)")

#: The routekaart's five phases (a scan in the app is at least in phase 2).
PHASE_NUMBERS = (1, 2, 3, 4, 5)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Suggestion(_Frozen):
    """One suggested verbetermaatregel and when the group could call it done."""

    measure: str = Field(min_length=MEASURE_MIN, max_length=MEASURE_MAX)
    result: str = Field(min_length=RESULT_MIN, max_length=RESULT_MAX)


class QuestionGuidance(_Frozen):
    question: int = Field(ge=1)
    why: str = Field(min_length=WHY_MIN, max_length=WHY_MAX)
    suggestions: tuple[Suggestion, ...] = Field(min_length=1, max_length=MAX_SUGGESTIONS)
    terms: tuple[str, ...] = Field(default=(), max_length=MAX_TERMS)


class PhaseAdvice(_Frozen):
    number: int = Field(ge=1, le=5)
    title: str = Field(min_length=3, max_length=120)
    advice: str = Field(min_length=ADVICE_MIN, max_length=ADVICE_MAX)


class GuidanceFile(_Frozen):
    """One file as written: the shipped guidance, a region's replacement or its overlay."""

    questionnaire: str = Field(min_length=1)
    notice: str = ""
    phases: tuple[PhaseAdvice, ...] = ()
    questions: tuple[QuestionGuidance, ...] = ()


@dataclass(frozen=True)
class Guidance:
    """The guidance in use: one entry per question of the questionnaire, five phases."""

    questionnaire_id: str
    notice: str
    phases: tuple[PhaseAdvice, ...]
    questions: tuple[QuestionGuidance, ...]

    @cached_property
    def _by_question(self) -> dict[int, QuestionGuidance]:
        return {g.question: g for g in self.questions}

    def for_question(self, number: int) -> QuestionGuidance | None:
        return self._by_question.get(number)

    def phase(self, number: int) -> PhaseAdvice | None:
        return next((p for p in self.phases if p.number == number), None)


# Parsing and checking ----------------------------------------------------------------------


def parse_guidance_file(data: Any) -> GuidanceFile:
    """The structure of one file; ValueError with one Dutch sentence per problem."""
    if not isinstance(data, Mapping):
        raise ValueError("het bestand bevat geen duiding (verwacht een tabel met velden)")
    try:
        return GuidanceFile.model_validate(dict(data))
    except ValidationError as exc:
        raise ValueError(_dutch_errors(exc, _numbered(data))) from None


_DUTCH = {
    **_DUTCH_PYDANTIC,
    "too_long": f"heeft te veel onderdelen (hoogstens {MAX_SUGGESTIONS} suggesties, "
    f"{MAX_TERMS} begrippen)",
    "less_than_equal": "moet 5 of lager zijn (de routekaart heeft vijf fasen)",
    "bool_type": "moet tekst zijn",
    "dict_type": "moet een tabel met velden zijn",
}


def _dutch_errors(exc: ValidationError, data: Any) -> str:
    """One Dutch sentence per pydantic error, located by the entry's own question number."""
    messages = []
    for error in exc.errors():
        where = _location(error["loc"], data)
        messages.append(f"{where} {_DUTCH.get(error['type'], error['msg'])}".strip())
    return listed_problems(messages)


#: A broken file gets one readable message: the first problems and how many more there are.
MAX_PROBLEMS = 10


def listed_problems(problems: Sequence[str]) -> str:
    shown = "; ".join(problems[:MAX_PROBLEMS])
    rest = len(problems) - MAX_PROBLEMS
    return f"{shown}; en nog {rest} andere problemen" if rest > 0 else shown


def _numbered(data: Mapping[str, Any]) -> dict[str, Any]:
    """Give question entries a `number` so error locations read 'vraag (nummer 7)'."""
    copy = dict(data)
    questions = copy.get("questions")
    if isinstance(questions, list):
        copy["questions"] = [
            {**q, "number": q.get("question")} if isinstance(q, Mapping) else q for q in questions
        ]
    return copy


def file_problems(part: GuidanceFile, questionnaire: Questionnaire) -> list[str]:
    """What is wrong in one file on its own: duplicates, unknown questions and terms."""
    problems: list[str] = []
    if part.questionnaire != questionnaire.id:
        problems.append(
            f"de duiding hoort bij vragenlijst '{part.questionnaire[:60]}', niet bij "
            f"'{questionnaire.id}'"
        )
    known_terms = {t.term.casefold() for t in questionnaire.terms}
    seen: set[int] = set()
    for entry in part.questions:
        if entry.question in seen:
            problems.append(f"vraag {entry.question} staat meer dan eens in de duiding")
        seen.add(entry.question)
        if not questionnaire.has_question(entry.question):
            problems.append(
                f"vraag {entry.question} bestaat niet in vragenlijst {questionnaire.label}"
            )
        for term in entry.terms:
            if term.casefold() not in known_terms:
                problems.append(
                    f"vraag {entry.question} noemt begrip '{term[:60]}', dat niet in het "
                    "begrippenkader van de vragenlijst staat"
                )
        sentences = sentence_count(entry.why)
        if not WHY_SENTENCES[0] <= sentences <= WHY_SENTENCES[1]:
            problems.append(
                f"vraag {entry.question}: 'why' (waarom dit ertoe doet) moet twee of drie zinnen "
                f"zijn, niet {sentences}"
            )
        for index, suggestion in enumerate(entry.suggestions, start=1):
            if suggestion.measure.startswith(SUGGESTION_PREFIX.strip()):
                problems.append(
                    f"vraag {entry.question}, suggestie {index}: begin niet met "
                    f"'{SUGGESTION_PREFIX.strip()}', dat zet het programma er zelf voor"
                )
    phase_numbers = [p.number for p in part.phases]
    for number in sorted({n for n in phase_numbers if phase_numbers.count(n) > 1}):
        problems.append(f"fase {number} staat meer dan eens in de duiding")
    return problems


def sentence_count(text: str) -> int:
    """Sentences end in . ! or ? before a capital or the end ('bijv. de' is not an end)."""
    return len(_SENTENCE_END.findall(text.strip()))


def combine(base: GuidanceFile, overlay: GuidanceFile | None) -> Guidance:
    """The base file with a region's overlay on top: same question or phase → the overlay's."""
    questions = {g.question: g for g in base.questions}
    phases = {p.number: p for p in base.phases}
    notice = base.notice
    if overlay is not None:
        questions.update({g.question: g for g in overlay.questions})
        phases.update({p.number: p for p in overlay.phases})
        notice = overlay.notice or notice
    return Guidance(
        questionnaire_id=base.questionnaire,
        notice=notice,
        phases=tuple(phases[n] for n in sorted(phases)),
        questions=tuple(questions[n] for n in sorted(questions)),
    )


def coverage_problems(guidance: Guidance, questionnaire: Questionnaire) -> list[str]:
    """Every question needs guidance and every phase advice, so the app never shows a gap."""
    problems: list[str] = []
    missing = [n for n in questionnaire.question_numbers if guidance.for_question(n) is None]
    if missing:
        word = "vraag" if len(missing) == 1 else "vragen"
        problems.append(f"geen duiding voor {word} {', '.join(map(str, missing))}")
    absent = [n for n in PHASE_NUMBERS if guidance.phase(n) is None]
    if absent:
        word = "fase" if len(absent) == 1 else "fasen"
        problems.append(f"geen advies voor {word} {', '.join(map(str, absent))} van de routekaart")
    return problems


# Scores in words ---------------------------------------------------------------------------


def _question_label(questionnaire: Questionnaire, number: int) -> str:
    """'vraag 5 (werken met de meldcode)': the number with what it asks about."""
    question = questionnaire.question(number)
    standard = questionnaire.standard(question.standard)
    labels = {o.key: o.label for o in standard.onderdelen}
    parts = [labels[k] for k in question.onderdelen if k in labels]
    if not parts or len(parts) == len(standard.onderdelen) > 1:
        return f"vraag {number}"
    about = " en ".join(p[:1].lower() + p[1:] for p in parts)
    return f"vraag {number} ({about})"


def _listed(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def explain_score(questionnaire: Questionnaire, score: StandardScore, values: Values) -> str:
    """The score of one standard in words: '3 van 4 vragen op orde; niet op orde: vraag 5 (…)'.

    A standard with one question says that its score is that one answer (standards 5 and 9 of
    the national questionnaire), so 0 % or 100 % is not read as a measurement of many things.
    """
    questions = questionnaire.questions_for_standard(score.standard)
    open_ = [q.number for q in questions if values.get(q.number) is None]
    wrong = [q.number for q in questions if values.get(q.number) is AnswerValue.NIET_OP_ORDE]
    if score.total == 1:
        number = questions[0].number
        value = values.get(number)
        if value is None:
            return (
                f"Deze standaard heeft één vraag (vraag {number}); die is nog niet beantwoord, "
                "dus er is nog geen score."
            )
        return (
            f"Deze standaard heeft één vraag (vraag {number}): de score is dat ene antwoord, "
            f"‘{value.value}’ ({score.score:.0f}%)."
        )
    if score.answered == 0:
        return f"Nog geen van de {score.total} vragen beantwoord, dus nog geen score."
    word = "vraag" if score.answered == 1 else "vragen"
    answered = f"beantwoorde {word}" if open_ else word
    text = f"{score.op_orde} van {score.answered} {answered} op orde"
    if wrong:
        text += "; niet op orde: " + _listed([_question_label(questionnaire, n) for n in wrong])
    if open_:
        text += "; nog niet beantwoord: " + _listed([f"vraag {n}" for n in open_])
    return text + "."


def most_room(scores: Iterable[StandardScore], count: int = 3) -> tuple[StandardScore, ...]:
    """The standards with the most room for improvement: the `count` lowest scores below
    100 %, plus any tied with the last, so the choice is never arbitrary.

    The one rule for the results page and the plan van aanpak's 'laagst scorende
    kwaliteitsstandaarden' (reports.scan_context.lowest_standards calls this).
    """
    scored = sorted(
        ((s.score, s) for s in scores if s.score is not None and s.score < 100.0),
        key=lambda pair: (pair[0], pair[1].standard),
    )
    if len(scored) <= count:
        return tuple(s for _score, s in scored)
    cut = scored[count - 1][0]
    return tuple(s for score, s in scored if score <= cut)


def room_text(questionnaire: Questionnaire, scores: Iterable[StandardScore]) -> str:
    """One sentence naming the standards with most room, for the results page."""
    chosen = most_room(scores)
    if not chosen:
        return "Geen enkele standaard heeft een vraag die ‘Niet op orde’ is."
    names = [
        f"{s.standard}. {questionnaire.standard(s.standard).short_title} ({s.score:.0f}%)"
        for s in chosen
    ]
    if len(chosen) == 1:
        return f"De meeste ruimte voor verbetering: {names[0]}."
    return f"De {len(chosen)} standaarden met de meeste ruimte voor verbetering: {_listed(names)}."


# Suggestions -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuestionSuggestions:
    """A 'Niet op orde' question with the guidance for it."""

    question: int
    standard: int
    text: str
    guidance: QuestionGuidance


def suggestions_for(
    questionnaire: Questionnaire, guidance: Guidance, values: Values
) -> tuple[QuestionSuggestions, ...]:
    """Guidance for each question answered 'Niet op orde' (never for 'Op orde' or open)."""
    found = []
    for question in questionnaire.questions:
        if values.get(question.number) is not AnswerValue.NIET_OP_ORDE:
            continue
        entry = guidance.for_question(question.number)
        if entry is not None:
            found.append(
                QuestionSuggestions(question.number, question.standard, question.text, entry)
            )
    return tuple(found)


def suggestion_cells(entry: QuestionGuidance) -> tuple[str, str]:
    """(verbeteractie, beoogd resultaat) as pre-filled in the plan, marked as a suggestion."""

    def cell(texts: Sequence[str]) -> str:
        if len(texts) == 1:
            return SUGGESTION_PREFIX + texts[0]
        return SUGGESTION_PREFIX.strip() + "\n" + "\n".join(f"– {t}" for t in texts)

    return (
        cell([s.measure for s in entry.suggestions]),
        cell([s.result for s in entry.suggestions]),
    )


def with_suggestions(actions: Iterable[Action], guidance: Guidance | None) -> list[Action]:
    """Pre-fill the empty verbeteractie and beoogd resultaat of draft rows from the guidance.

    Only drafts (not stored yet) get a suggestion: a stored action is what the municipality
    decided, even where it left a cell empty, so it always wins.
    """
    result = []
    for action in actions:
        entry = (
            guidance.for_question(action.question)
            if guidance is not None and action.id is None and action.question is not None
            else None
        )
        if entry is not None:
            verbeteractie, beoogd = suggestion_cells(entry)
            action = replace(
                action,
                verbeteractie=action.verbeteractie or verbeteractie,
                beoogd_resultaat=action.beoogd_resultaat or beoogd,
            )
        result.append(action)
    return result


# The routekaart phase and the help per standard --------------------------------------------


PHASE_TITLES = {
    1: "Voorbereiding en oriëntatie",
    2: "Uitvoering zelfscan",
    3: "Analyse en presentatie van resultaten",
    4: "Opstellen en vaststellen verbeterplan",
    5: "Uitvoering, monitoring en borging (PDCA)",
}


def scan_phase(questionnaire: Questionnaire, values: Values, actions: Iterable[Action]) -> int:
    """Where a scan is on the routekaart, from what the app knows about it.

    Questions still open: fase 2 (uitvoering). All answered, no stored action: fase 3
    (analyse). Stored actions, all still gepland: fase 4 (verbeterplan). An action in
    uitvoering, gereed or bijgesteld: fase 5 (PDCA).
    """
    if any(values.get(n) is None for n in questionnaire.question_numbers):
        return 2
    stored = [a for a in actions if a.id is not None]
    if not stored:
        return 3
    if any(a.status is not ActionStatus.GEPLAND for a in stored):
        return 5
    return 4


@dataclass(frozen=True, slots=True)
class StandardHelp:
    """What the help panel shows for one standard."""

    number: int
    title: str
    text: str
    onderdelen: tuple[str, ...]
    terms: tuple[Term, ...]
    phase: int
    phase_title: str
    phase_advice: str


def standard_help(
    questionnaire: Questionnaire, guidance: Guidance | None, number: int, phase: int
) -> StandardHelp:
    """The standard's text and onderdelen, the terms its questions use, the phase's advice."""
    standard = questionnaire.standard(number)
    wanted: dict[str, None] = {}
    if guidance is not None:
        for question in questionnaire.questions_for_standard(number):
            entry = guidance.for_question(question.number)
            for term in entry.terms if entry else ():
                wanted.setdefault(term.casefold(), None)
    by_name = {t.term.casefold(): t for t in questionnaire.terms}
    advice = guidance.phase(phase) if guidance is not None else None
    return StandardHelp(
        number=number,
        title=standard.short_title,
        text=standard.text,
        onderdelen=tuple(o.label for o in standard.onderdelen),
        terms=tuple(by_name[name] for name in wanted if name in by_name),
        phase=phase,
        phase_title=advice.title if advice else PHASE_TITLES.get(phase, ""),
        phase_advice=advice.advice if advice else "",
    )
