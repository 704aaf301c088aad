"""The split per question and the disagreement measure (domain.prescan)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zelfscan_app.domain.prescan import (
    Prescan,
    PrescanAnswer,
    Split,
    SplitSource,
    clean_door,
    most_disagreement,
    prescan_fingerprint,
    rank_disagreement,
    split_from_hands,
    split_from_prescans,
    splits_for,
)
from zelfscan_app.domain.scan import AnswerValue

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE


def prescan(door: str, values: dict[int, AnswerValue | None]) -> Prescan:
    return Prescan(door, tuple(PrescanAnswer(q, v) for q, v in values.items()))


def test_split_counts_op_orde_niet_op_orde_and_open() -> None:
    group = [prescan(f"p{i}", {1: OP if i < 5 else NIET if i < 8 else None}) for i in range(9)]
    split = split_from_prescans(group, 1)
    assert (split.op_orde, split.niet_op_orde, split.open) == (5, 3, 1)
    assert split.label() == "5 op orde · 3 niet op orde · 1 open"
    assert split.minority_text() == "3 van de 8 dachten anders"
    # A question nobody answered is open for everyone.
    assert split_from_prescans(group, 2) == Split(0, 0, 9)


def test_minority_share_equal_split_ranks_highest_and_single_answers_do_not_count() -> None:
    splits = {
        1: Split(4, 4),  # equal: 1/2
        2: Split(6, 2),  # 1/4
        3: Split(1, 0, 8),  # one voice: no measure
        4: Split(8, 0),  # agreement: 0
        5: Split(2, 2),  # equal but fewer voices than question 1
        6: Split(0, 0, 9),
    }
    assert splits[1].disagreement == Fraction(1, 2)
    assert splits[3].disagreement is None
    ranked = [r.question for r in rank_disagreement(splits)]
    assert ranked == [1, 5, 2, 4]
    assert [r.question for r in most_disagreement(splits)] == [1, 5]
    assert Split(6, 3).marked and not Split(7, 2).marked


def test_hand_count_has_no_open_and_checks_its_numbers() -> None:
    split = split_from_hands(7, 2)
    assert split.source is SplitSource.HANDOPSTEKEN
    assert split.label() == "7 op orde · 2 niet op orde"
    with pytest.raises(ValueError, match="tussen 0 en 999"):
        split_from_hands(-1, 2)
    with pytest.raises(ValueError, match="geen heel getal"):
        split_from_hands(True, 2)  # type: ignore[arg-type]


def test_prescans_win_over_hands_and_hands_only_where_typed() -> None:
    group = [prescan("a", {1: OP}), prescan("b", {1: NIET})]
    assert splits_for([1, 2], group, {1: (9, 0)})[1] == Split(1, 1, 0)
    assert splits_for([1, 2], [], {1: (9, 1)}) == {1: Split(9, 1, 0, SplitSource.HANDOPSTEKEN)}


def test_fingerprint_ignores_id_and_case_of_door_but_not_answers() -> None:
    a = prescan("Jan de Vries", {1: OP, 2: None})
    assert prescan_fingerprint(a) == prescan_fingerprint(
        Prescan("jan de vries", (PrescanAnswer(1, OP),), id=7)
    )
    assert prescan_fingerprint(a) != prescan_fingerprint(prescan("Jan de Vries", {1: NIET}))


def test_door_is_cleaned_by_the_name_rule() -> None:
    assert clean_door("  Veilig\u00a0Thuis  ") == "Veilig Thuis"
    with pytest.raises(ValueError, match="U\\+202E"):
        clean_door("Jan\u202e")


@given(st.integers(0, 50), st.integers(0, 50))
def test_measure_is_between_zero_and_half_and_symmetric(op: int, niet: int) -> None:
    share = Split(op, niet).disagreement
    assert share == Split(niet, op).disagreement
    if op + niet <= 1:
        assert share is None
    else:
        assert share is not None and 0 <= share <= Fraction(1, 2)
