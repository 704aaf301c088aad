"""Scores in words, most room, suggestions in the plan, the routekaart phase, small numbers.

Pure domain functions: the results page, the plan van aanpak and the regional outputs all call
these, so the wording is tested once here and the outputs test that they show it.
"""

from __future__ import annotations

from zelfscan_app.domain.caution import chart_caution, count_text, region_cautions
from zelfscan_app.domain.guidance import (
    SUGGESTION_PREFIX,
    explain_score,
    most_room,
    room_text,
    scan_phase,
    standard_help,
    suggestion_cells,
    suggestions_for,
    with_suggestions,
)
from zelfscan_app.domain.region import Municipality, summarize_region
from zelfscan_app.domain.scan import Action, ActionStatus, AnswerValue
from zelfscan_app.domain.scoring import standard_scores
from zelfscan_app.guidance_file import default_guidance

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE


def all_op(questionnaire) -> dict[int, AnswerValue | None]:
    return {n: OP for n in questionnaire.question_numbers}


def score_of(questionnaire, values, standard: int):
    return next(s for s in standard_scores(questionnaire, values) if s.standard == standard)


def test_a_score_in_words_names_what_is_not_op_orde(questionnaire) -> None:
    values = all_op(questionnaire) | {9: NIET}
    sentence = explain_score(questionnaire, score_of(questionnaire, values, 3), values)
    assert sentence == (
        "5 van 6 vragen op orde; niet op orde: vraag 9 (toegang tot aandachtsfunctionarissen)."
    )
    values |= {5: NIET, 8: None}
    sentence = explain_score(questionnaire, score_of(questionnaire, values, 3), values)
    assert sentence == (
        "3 van 5 beantwoorde vragen op orde; niet op orde: vraag 5 (werken met de meldcode) en "
        "vraag 9 (toegang tot aandachtsfunctionarissen); nog niet beantwoord: vraag 8."
    )
    sentence = explain_score(questionnaire, score_of(questionnaire, values, 1), values)
    assert sentence == "2 van 2 vragen op orde."


def test_a_one_question_standard_says_its_score_is_that_answer(questionnaire) -> None:
    values = all_op(questionnaire) | {17: NIET}
    five = explain_score(questionnaire, score_of(questionnaire, values, 5), values)
    nine = explain_score(questionnaire, score_of(questionnaire, values, 9), values)
    assert five == (
        "Deze standaard heeft één vraag (vraag 17): de score is dat ene antwoord, "
        "‘Niet op orde’ (0%)."
    )
    assert "één vraag (vraag 24): de score is dat ene antwoord, ‘Op orde’ (100%)" in nine
    values[24] = None
    nine = explain_score(questionnaire, score_of(questionnaire, values, 9), values)
    assert "nog niet beantwoord, dus er is nog geen score" in nine


def test_unanswered_standard_has_no_score_in_words(questionnaire) -> None:
    values: dict[int, AnswerValue | None] = {}
    assert explain_score(questionnaire, score_of(questionnaire, values, 10), values) == (
        "Nog geen van de 7 vragen beantwoord, dus nog geen score."
    )


def test_most_room_is_the_three_lowest_with_a_niet_op_orde(questionnaire) -> None:
    values = all_op(questionnaire) | {17: NIET, 15: NIET, 25: NIET, 5: NIET, 1: NIET}
    scores = standard_scores(questionnaire, values)
    assert [s.standard for s in most_room(scores)] == [5, 1, 4]  # 0 %, then 50 % by number
    assert room_text(questionnaire, scores).startswith(
        "De 3 standaarden met de meeste ruimte voor verbetering: 5. Capaciteit lokale teams (0%)"
    )
    assert most_room(standard_scores(questionnaire, all_op(questionnaire))) == ()
    assert "Geen enkele standaard" in room_text(
        questionnaire, standard_scores(questionnaire, all_op(questionnaire))
    )


def test_suggestions_only_for_niet_op_orde(questionnaire) -> None:
    guidance = default_guidance(questionnaire)
    values = all_op(questionnaire) | {9: NIET, 10: None}
    found = suggestions_for(questionnaire, guidance, values)
    assert [s.question for s in found] == [9]
    assert found[0].guidance is guidance.for_question(9)


def test_drafts_get_suggestions_and_stored_actions_win(questionnaire) -> None:
    guidance = default_guidance(questionnaire)
    draft = Action(standard=3, question=9, maatregel="Vraag 9")
    stored_empty = Action(standard=4, question=15, id=7)
    stored = Action(standard=10, question=27, verbeteractie="Eigen actie", id=8)
    own = Action(standard=3, id=9)  # added by hand, no question
    out = with_suggestions([draft, stored_empty, stored, own], guidance)
    verbeteractie, beoogd = suggestion_cells(guidance.for_question(9))
    assert out[0].verbeteractie == verbeteractie and out[0].beoogd_resultaat == beoogd
    assert verbeteractie.startswith(SUGGESTION_PREFIX.strip())
    assert guidance.for_question(9).suggestions[0].measure in verbeteractie
    assert out[1:] == [stored_empty, stored, own]
    assert with_suggestions([draft], None) == [draft]


def test_one_suggestion_is_one_line(questionnaire) -> None:
    entry = default_guidance(questionnaire).for_question(28)
    assert len(entry.suggestions) == 1
    verbeteractie, beoogd = suggestion_cells(entry)
    assert verbeteractie == SUGGESTION_PREFIX + entry.suggestions[0].measure
    assert beoogd == SUGGESTION_PREFIX + entry.suggestions[0].result


def test_phase_follows_the_scan_and_its_actions(questionnaire) -> None:
    complete = all_op(questionnaire)
    assert scan_phase(questionnaire, complete | {3: None}, []) == 2
    assert scan_phase(questionnaire, complete, [Action(standard=1)]) == 3  # drafts don't count
    assert scan_phase(questionnaire, complete, [Action(standard=1, id=1)]) == 4
    started = Action(standard=1, id=2, status=ActionStatus.IN_UITVOERING)
    assert scan_phase(questionnaire, complete, [Action(standard=1, id=1), started]) == 5


def test_help_has_text_onderdelen_terms_and_phase_advice(questionnaire) -> None:
    guidance = default_guidance(questionnaire)
    help_ = standard_help(questionnaire, guidance, 8, 4)
    assert help_.text == questionnaire.standard(8).text
    assert "Outreachend werken" in help_.onderdelen
    terms = [t.term for t in help_.terms]
    assert {"Veiligheidsplan", "Herstelplan", "Casusregie"} <= set(terms)
    assert len(terms) == len(set(terms))
    assert help_.phase_title == "Opstellen en vaststellen verbeterplan"
    assert help_.phase_advice == guidance.phase(4).advice


def _summary(questionnaire, count: int, *, skip: int | None = None):
    munis = []
    for i in range(count):
        values = all_op(questionnaire) | {17: NIET if i % 2 else OP, 1: NIET if i == 0 else OP}
        if skip is not None and i == 0:
            values[skip] = None
        munis.append(Municipality(f"Gemeente {i}", values))
    return summarize_region(questionnaire, munis)


def test_region_cautions_for_small_and_incomplete(questionnaire) -> None:
    small = region_cautions(questionnaire, _summary(questionnaire, 3))
    assert small[0].startswith("Dit regionale beeld rust op 3 gemeenten, minder dan 5.")
    assert any("Kwaliteitsstandaard 5 en 9 hebben elk één vraag" in c for c in small)
    assert not any("volledig" in c for c in small)
    five = region_cautions(questionnaire, _summary(questionnaire, 5))
    assert not any("rust op" in c for c in five)
    incomplete = region_cautions(questionnaire, _summary(questionnaire, 6, skip=12))
    assert any("Bij 1 vraag ontbreekt het antwoord" in c for c in incomplete)
    assert chart_caution(_summary(questionnaire, 6)) == ""
    assert "slechts 2 gemeenten" in chart_caution(_summary(questionnaire, 2))
    assert "niet alle zelfscans" in chart_caution(_summary(questionnaire, 6, skip=12))


def test_x_van_y_beside_regional_percentages(questionnaire) -> None:
    summary = _summary(questionnaire, 4)
    assert count_text(questionnaire, summary, 5) == "2 van 4 gemeenten op orde"
    assert count_text(questionnaire, summary, 1) == "7 van 8 antwoorden op orde"
    assert count_text(questionnaire, summary, 1, short=True) == "7 van 8"
    assert count_text(questionnaire, summary, 1, suppressed=True) == ""


def test_most_room_keeps_ties_and_is_the_plans_lowest(questionnaire) -> None:
    from zelfscan_app.reports.scan_context import lowest_standards

    values = all_op(questionnaire) | {17: NIET, 1: NIET, 15: NIET, 3: NIET, 12: NIET}
    scores = standard_scores(questionnaire, values)
    # 5: 0 %; 1, 2 and 4: 50 %, all tied with the third, so all four are named
    assert [s.standard for s in most_room(scores)] == [5, 1, 2, 4]
    assert lowest_standards(questionnaire, scores) == list(most_room(scores))
    assert room_text(questionnaire, scores).startswith("De 4 standaarden met de meeste ruimte")
