"""Scoring per standard and comparison over time: examples and properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.domain.scoring import compare, progress, standard_scores
from zelfscan_app.questionnaire_file import default_questionnaire

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE
Q = default_questionnaire()
answers = st.dictionaries(
    st.sampled_from(Q.question_numbers), st.sampled_from([OP, NIET, None]), max_size=31
)


def test_score_is_share_of_answered_op_orde(questionnaire: Questionnaire) -> None:
    numbers = [q.number for q in questionnaire.questions_for_standard(3)]
    values = {numbers[0]: OP, numbers[1]: NIET, numbers[2]: OP, numbers[3]: OP}
    score = {s.standard: s for s in standard_scores(questionnaire, values)}[3]
    assert score.score == 75.0
    assert (score.op_orde, score.answered, score.total) == (3, 4, len(numbers))
    assert score.completeness == 4 / len(numbers)


def test_unanswered_standard_has_no_score_not_zero(questionnaire: Questionnaire) -> None:
    scores = standard_scores(questionnaire, {1: NIET})
    by = {s.standard: s for s in scores}
    assert by[1].score == 0.0
    assert by[2].score is None
    assert by[2].completeness == 0.0


def test_progress_per_block(questionnaire: Questionnaire) -> None:
    values = {1: OP, 2: NIET, 15: None, 20: OP}
    assert progress(questionnaire, values).answered == 3
    assert progress(questionnaire, values, block=1).answered == 2
    assert progress(questionnaire, values, block=2).total == 17


def test_compare_lists_changes(questionnaire: Questionnaire) -> None:
    before = {1: NIET, 2: OP, 3: OP}
    after = {1: OP, 2: NIET, 3: OP, 4: OP}
    result = compare(questionnaire, before, after)
    assert [c.question for c in result.improved] == [1]
    assert [c.question for c in result.worsened] == [2]
    assert {c.question for c in result.changes} == {1, 2, 4}
    delta1 = next(d for d in result.standards if d.standard == 1)
    assert (delta1.before, delta1.after, delta1.delta) == (50.0, 50.0, 0.0)


@given(answers)
def test_scores_are_percentages_or_gaps(values: dict) -> None:
    for s in standard_scores(Q, values):
        assert 0 <= s.op_orde <= s.answered <= s.total
        if s.answered == 0:
            assert s.score is None
        else:
            assert 0.0 <= s.score <= 100.0


@given(answers)
def test_answered_counts_add_up(values: dict) -> None:
    scores = standard_scores(Q, values)
    assert sum(s.answered for s in scores) == sum(v is not None for v in values.values())
    assert sum(s.total for s in scores) == 31


@given(answers, st.sampled_from(Q.question_numbers))
def test_turning_an_answer_to_op_orde_never_lowers_a_score(values: dict, number: int) -> None:
    before = {s.standard: s.score for s in standard_scores(Q, values)}
    if values.get(number) is None:
        return
    after = {s.standard: s.score for s in standard_scores(Q, {**values, number: OP})}
    standard = Q.question(number).standard
    assert after[standard] >= before[standard]


@given(answers, answers)
def test_compare_is_antisymmetric(a: dict, b: dict) -> None:
    forward = compare(Q, a, b)
    backward = compare(Q, b, a)
    assert {c.question for c in forward.improved} == {c.question for c in backward.worsened}
    for f, r in zip(forward.standards, backward.standards, strict=True):
        if f.delta is not None:
            assert f.delta == -r.delta
