"""Regional merge: examples, the JSON contract, and properties against a direct computation."""

from __future__ import annotations

from statistics import fmean

from hypothesis import given
from hypothesis import strategies as st

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.region import Municipality, summarize_region, summary_json
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.domain.scoring import standard_scores
from zelfscan_app.questionnaire_file import default_questionnaire

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE
Q = default_questionnaire()
answers = st.dictionaries(
    st.sampled_from(Q.question_numbers), st.sampled_from([OP, NIET, None]), max_size=31
)
regions = st.lists(answers, min_size=0, max_size=12).map(
    lambda vs: [Municipality(f"Gemeente {i}", v) for i, v in enumerate(vs)]
)


def test_example_region(questionnaire: Questionnaire) -> None:
    munis = [
        Municipality("A", {1: OP, 2: OP}),  # standard 1: 100
        Municipality("B", {1: NIET, 2: OP}),  # 50
        Municipality("C", {}),  # no score: not in n
    ]
    summary = summarize_region(questionnaire, munis)
    s1 = summary.standard(1)
    assert (s1.mean, s1.min, s1.max, s1.n) == (75.0, 50.0, 100.0, 2)
    assert summary.question(1).text == "1 van 2 gemeenten op orde"
    assert summary.question(1).municipalities == 3
    assert summary.standard(9).n == 0 and summary.standard(9).mean is None


def test_json_contract(questionnaire: Questionnaire) -> None:
    munis = [Municipality("A", {1: OP, 2: NIET, 3: OP}), Municipality("B", {1: OP})]
    data = summary_json(summarize_region(questionnaire, munis))
    assert data["questionnaire"] == {"id": questionnaire.id, "version": questionnaire.version}
    assert data["municipalities"] == 2
    assert set(data["standards"]) == {str(n) for n in range(1, 11)}
    assert data["standards"]["1"] == {"mean": 75.0, "min": 50.0, "max": 100.0, "n": 2}
    assert data["questions"]["1"] == {"op_orde": 2, "answered": 2}
    assert data["questions"]["2"] == {"op_orde": 0, "answered": 1}
    assert set(data["questions"]) == {str(n) for n in range(1, 32)}


def test_means_rounded_to_one_decimal(questionnaire: Questionnaire) -> None:
    numbers = [q.number for q in questionnaire.questions_for_standard(8)]
    assert len(numbers) == 3
    munis = [Municipality("A", {numbers[0]: OP, numbers[1]: NIET, numbers[2]: NIET})]
    data = summary_json(summarize_region(questionnaire, munis))
    assert data["standards"]["8"] == {"mean": 33.3, "min": 33.3, "max": 33.3, "n": 1}


def test_common_questions_only(questionnaire: Questionnaire) -> None:
    munis = [Municipality("A", {1: OP, 2: NIET})]
    summary = summarize_region(questionnaire, munis, questions=[1], warnings=["versies"])
    assert summary.standard(1).scores == (100.0,)
    assert [q.question for q in summary.questions] == [1]
    assert summary_json(summary)["warnings"] == ["versies"]


@given(regions)
def test_standard_summary_matches_direct_computation(munis: list[Municipality]) -> None:
    summary = summarize_region(Q, munis)
    for standard in Q.standards:
        direct = [
            s.score
            for m in munis
            for s in standard_scores(Q, m.values)
            if s.standard == standard.number and s.score is not None
        ]
        got = summary.standard(standard.number)
        assert got.n == len(direct) <= len(munis)
        if direct:
            assert got.min <= got.mean <= got.max
            assert abs(got.mean - fmean(direct)) < 1e-9
        else:
            assert got.mean is None


@given(regions)
def test_x_van_y_bounds(munis: list[Municipality]) -> None:
    for q in summarize_region(Q, munis).questions:
        assert 0 <= q.op_orde <= q.answered <= q.municipalities == len(munis)


@given(regions, st.randoms())
def test_order_of_municipalities_does_not_matter(munis: list[Municipality], rnd) -> None:
    shuffled = list(munis)
    rnd.shuffle(shuffled)
    a = summary_json(summarize_region(Q, munis))
    b = summary_json(summarize_region(Q, shuffled))
    assert a == b


@given(answers)
def test_region_of_one_is_that_municipality(values: dict) -> None:
    summary = summarize_region(Q, [Municipality("Solo", values)])
    for s in standard_scores(Q, values):
        got = summary.standard(s.standard)
        assert got.mean == s.score
        assert got.n == (0 if s.score is None else 1)


# Selection and anonymisation ----------------------------------------------------------------

from datetime import date  # noqa: E402

from zelfscan_app.domain.region import (  # noqa: E402
    Disclosure,
    anonymised_summary_json,
    anonymous_names,
    latest_per_municipality,
    letter_code,
)
from zelfscan_app.domain.scan import Scan, SoortMeting  # noqa: E402


def _scan(gemeente: str, day: int, soort: SoortMeting, scan_id: int) -> Scan:
    return Scan(gemeente, "R", date(2026, 1, day), soort, Q.id, Q.version, id=scan_id)


def test_latest_per_municipality() -> None:
    scans = [
        _scan("Aldermeer", 1, SoortMeting.NULMETING, 1),
        _scan("Aldermeer", 9, SoortMeting.EVALUATIE, 2),
        _scan("brugwijk", 3, SoortMeting.NULMETING, 3),
        _scan("Brugwijk", 3, SoortMeting.NULMETING, 4),  # same day: the later id wins
    ]
    assert [s.id for s in latest_per_municipality(scans)] == [2, 4]
    nulmetingen = latest_per_municipality(scans, SoortMeting.NULMETING)
    assert [s.id for s in nulmetingen] == [1, 4]


def test_letter_codes_cover_all_municipalities() -> None:
    codes = [letter_code(i) for i in range(342)]
    assert codes[:3] == ["A", "B", "C"] and codes[26] == "AA"
    assert len(set(codes)) == 342


@given(st.lists(st.text(min_size=1, max_size=12), max_size=40), st.integers())
def test_anonymous_names_are_a_stable_bijection(names: list[str], seed: int) -> None:
    mapping = anonymous_names(names, seed)
    assert set(mapping) == set(names)
    assert len(set(mapping.values())) == len(mapping)
    assert anonymous_names(list(reversed(names)), seed) == mapping
    assert all(v.startswith("Gemeente ") for v in mapping.values())


def test_small_anonymous_group_is_suppressed() -> None:
    munis = [Municipality(n, {1: OP, 2: NIET}) for n in ("Aa", "Bb", "Cc")]
    summary = summarize_region(Q, munis)
    small = Disclosure(anonymous=True, min_group_size=5, municipalities=3)
    data = anonymised_summary_json(summary, small)
    assert data["questions"] == {}
    assert set(data["standards"]["1"].values()) == {None}  # not even the mean or n
    assert "minder dan 5" in data["suppressed"]
    named = anonymised_summary_json(summary, Disclosure(False, 5, 3))
    assert named["questions"]["1"] == {"op_orde": 3, "answered": 3}
    assert "suppressed" not in named
