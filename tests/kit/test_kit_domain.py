"""Pure rules of the meeting kit, with a fixed clock: routekaart, repeat scan, PDCA, wheel."""

from __future__ import annotations

import random
from datetime import date, time
from pathlib import Path

import pytest
import yaml

from zelfscan_app.domain.pdca import (
    ReviewState,
    follow_up,
    parse_review_date,
    review_state,
)
from zelfscan_app.domain.programme import Meeting, ProgrammeDetails, schedule
from zelfscan_app.domain.routekaart import (
    ItemProgress,
    Reminder,
    add_months,
    current_phase,
    phase_text,
    repeat_due,
    repeat_reminder,
)
from zelfscan_app.domain.scan import Action, ActionStatus
from zelfscan_app.domain.wheel import WheelState
from zelfscan_app.routekaart_file import RoutekaartError, load_routekaart, routekaart_path

TODAY = date(2026, 6, 15)


@pytest.fixture
def kaart():
    return load_routekaart(routekaart_path())


def test_the_bundled_routekaart_has_the_five_phases_of_the_seed(kaart) -> None:
    assert [p.title for p in kaart.phases] == [
        "Voorbereiding en oriëntatie",
        "Uitvoering zelfscan",
        "Analyse en presentatie van resultaten",
        "Opstellen en vaststellen verbeterplan(nen)",
        "Uitvoering, monitoring en borging (PDCA-cyclus)",
    ]
    assert [len(p.steps) for p in kaart.phases] == [6, 4, 4, 4, 3]
    assert len(kaart.phase(4).decisions) == 10
    assert kaart.herhaling_maanden == 24  # "bijvoorbeeld een keer in de twee jaar"
    assert len(kaart.wheel_questions) == 8  # bijlage 2
    assert kaart.wheel_questions[3] == "Is het gelukt om de zelfscan waarheidsgetrouw in te vullen?"


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "routekaart.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["phases"].pop(), "te weinig"),
        (lambda d: d["phases"][1]["steps"].append(dict(d["phases"][0]["steps"][0])), "twee keer"),
        (lambda d: d["phases"][2].update(number=7), "te groot"),
        (lambda d: d["phases"][0]["steps"][0].update(key="Met Spatie"), "kleine letters"),
        (lambda d: d.update(wheel_questions=[]), "te weinig"),
        (lambda d: d.update(wheel_questions=["Vraag?", "vraag?"]), "twee keer"),
        (lambda d: d.update(onbekend=1), "onbekend veld"),
    ],
)
def test_a_broken_routekaart_gets_one_dutch_message_naming_the_file(
    tmp_path: Path, change, message: str
) -> None:
    data = yaml.safe_load(routekaart_path().read_text(encoding="utf-8"))
    change(data)
    path = _write(tmp_path, data)
    with pytest.raises(RoutekaartError) as caught:
        load_routekaart(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_not_yaml_and_missing_file_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "r.yaml"
    bad.write_text("phases: [\n", encoding="utf-8")
    with pytest.raises(RoutekaartError, match="geen geldige YAML"):
        load_routekaart(bad)
    with pytest.raises(RoutekaartError, match="bestaat niet"):
        load_routekaart(tmp_path / "weg.yaml")


def test_current_phase_is_the_first_with_an_open_item(kaart) -> None:
    assert phase_text(kaart, {}) == ""  # nothing recorded: no phase claimed
    done = {
        item.key: ItemProgress(item.key, done=True)
        for p in kaart.phases[:2]
        for _k, item in p.items()
    }
    assert current_phase(kaart, done) == 3
    assert phase_text(kaart, done) == "Fase 3 · Analyse en presentatie van resultaten"
    everything = {k: ItemProgress(k, done=True) for k in kaart.item_keys()}
    assert current_phase(kaart, everything) is None
    assert phase_text(kaart, everything) == "Alle fasen doorlopen"
    # A note alone (nothing ticked) already starts the routekaart in phase 1.
    assert phase_text(kaart, {"f1-visie": ItemProgress("f1-visie", notitie="x")}).startswith(
        "Fase 1"
    )


def test_repeat_scan_two_years_after_the_last_one_or_the_agreed_date() -> None:
    assert add_months(date(2024, 2, 29), 24) == date(2026, 2, 28)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)
    assert repeat_due(date(2024, 7, 1), 24) == date(2026, 7, 1)
    assert repeat_due(date(2024, 7, 1), 24, agreed=date(2027, 1, 1)) == date(2027, 1, 1)
    assert repeat_due(None, 24) is None
    assert repeat_reminder(date(2026, 7, 1), TODAY, 90) is Reminder.BINNENKORT
    assert repeat_reminder(date(2026, 6, 14), TODAY, 90) is Reminder.VERLOPEN
    assert repeat_reminder(date(2026, 6, 15), TODAY, 90) is Reminder.BINNENKORT
    assert repeat_reminder(date(2026, 9, 13), TODAY, 90) is Reminder.BINNENKORT
    assert repeat_reminder(date(2026, 9, 14), TODAY, 90) is Reminder.GEEN
    assert repeat_reminder(None, TODAY, 90) is Reminder.GEEN


def _action(day: date | None, status: ActionStatus = ActionStatus.GEPLAND) -> Action:
    return Action(standard=1, herziendatum=day, status=status)


def test_review_state_with_a_fixed_clock() -> None:
    assert review_state(_action(None), TODAY) is ReviewState.GEEN
    assert review_state(_action(date(2026, 6, 14)), TODAY) is ReviewState.OVER_DATUM
    assert review_state(_action(date(2026, 6, 15)), TODAY) is ReviewState.TE_HERZIEN
    assert review_state(_action(date(2026, 6, 29)), TODAY) is ReviewState.TE_HERZIEN
    assert review_state(_action(date(2026, 6, 30)), TODAY) is ReviewState.GEPLAND
    gereed = _action(date(2026, 1, 1), ActionStatus.GEREED)
    assert review_state(gereed, TODAY) is ReviewState.GEEN  # done: nothing to review


def test_follow_up_per_municipality_most_urgent_first() -> None:
    rows = [
        ("Bosdorp", _action(date(2026, 6, 20))),
        ("Aldermeer", _action(date(2026, 5, 1))),
        ("Aldermeer", _action(date(2026, 6, 16))),
        ("Aldermeer", _action(date(2026, 1, 1), ActionStatus.GEREED)),
        ("Cranendonk", _action(None)),
    ]
    result = follow_up(rows, TODAY)
    assert [f.gemeente for f in result] == ["Aldermeer", "Bosdorp", "Cranendonk"]
    aldermeer = result[0]
    assert (aldermeer.over_datum, aldermeer.te_herzien, aldermeer.open) == (1, 1, 2)
    assert aldermeer.earliest == date(2026, 5, 1)
    assert not result[2].needs_attention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15-03-2026", date(2026, 3, 15)),
        ("5-3-2026", date(2026, 3, 5)),
        ("2026-03-15", date(2026, 3, 15)),
        (" ", None),
    ],
)
def test_review_dates_are_read_as_dutch_readers_write_them(text: str, expected) -> None:
    assert parse_review_date(text) == expected


@pytest.mark.parametrize("text", ["31-02-2026", "morgen", "15/13/2026", "2026-3"])
def test_a_wrong_review_date_gets_a_dutch_message(text: str) -> None:
    with pytest.raises(ValueError, match="datum"):
        parse_review_date(text)


def test_wheel_draws_every_question_once_per_round_and_is_deterministic() -> None:
    questions = tuple(f"Vraag {i}" for i in range(8))
    state = WheelState.start(questions)
    rng = random.Random(42)
    first_round = []
    for _ in range(8):
        index, state = state.draw(rng)
        first_round.append(index)
    assert sorted(first_round) == list(range(8))  # no repeats until all have been drawn
    index, state = state.draw(rng)  # a new round starts
    assert state.drawn == (index,)
    again, state2 = WheelState.start(questions), random.Random(42)
    replay = []
    for _ in range(8):
        i, again = again.draw(state2)
        replay.append(i)
    assert replay == first_round  # the same seed, the same sequence


def test_wheel_counts_answered_questions_as_drawn() -> None:
    questions = ("a", "b", "c")
    state = WheelState.start(questions, frozenset({"a", "c"}))
    assert state.remaining == (1,)
    assert state.draw(random.Random(1))[0] == 1
    assert WheelState.start(questions, frozenset(questions)).remaining == (0, 1, 2)


def test_programme_times_follow_the_chosen_start() -> None:
    details = ProgrammeDetails(
        Meeting.STARTBIJEENKOMST,
        "Regio Noordwaard",
        date(2026, 3, 12),
        start=time(9, 0),
        speakers={"welkom": "Jan de Vries, wethouder"},
    )
    parts = schedule(details)
    assert [p.span for p in parts][:3] == ["09.00 – 09.30", "09.30 – 09.45", "09.45 – 10.00"]
    assert parts[-1].end == "12.30"  # as in bijlage 1
    assert parts[1].speaker == "Jan de Vries, wethouder"
    later = schedule(ProgrammeDetails(Meeting.FOLLOW_UP, "X", date(2026, 3, 12), time(13, 30)))
    assert later[0].start == "13.30" and later[-1].end == "16.45"
    with pytest.raises(ValueError, match="middernacht"):
        ProgrammeDetails(Meeting.FOLLOW_UP, "X", date(2026, 3, 12), time(22, 0)).check()
    with pytest.raises(ValueError, match="regio of gemeente"):
        ProgrammeDetails(Meeting.FOLLOW_UP, " ", date(2026, 3, 12)).check()
