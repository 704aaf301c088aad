"""Improvement actions: drafted from Niet-op-orde answers, stored, followed across scans."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.storage.test_database import make_scan
from zelfscan_app.domain.actions import draft_actions
from zelfscan_app.domain.scan import Action, ActionStatus, Answer, AnswerValue, SoortMeting
from zelfscan_app.services import actions as svc
from zelfscan_app.services.scans import create_scan, move_to_trash
from zelfscan_app.storage.database import Database

NIET, OP = AnswerValue.NIET_OP_ORDE, AnswerValue.OP_ORDE


def test_drafts_one_row_per_niet_op_orde(questionnaire) -> None:
    scan = make_scan(
        answers=(
            Answer(1, NIET, "Geen visie vastgesteld.", "Jeugd wel, Wmo niet."),
            Answer(2, OP, "ok"),
            Answer(25, NIET, ""),
        )
    )
    drafts = draft_actions(questionnaire, scan)
    assert [a.question for a in drafts] == [1, 25]
    assert drafts[0].standard == 1
    assert drafts[0].maatregel == f"Vraag 1 — {questionnaire.question(1).verbeterpunt}"
    assert drafts[0].huidige_stand == "Geen visie vastgesteld.\nNuancering: Jeugd wel, Wmo niet."
    assert drafts[1].standard == questionnaire.question(25).standard


def test_stored_actions_replace_their_drafts(db: Database, questionnaire) -> None:
    scan_id = create_scan(db, make_scan(answers=(Answer(1, NIET, "x"), Answer(3, NIET, "y"))))
    plan = svc.plan_actions(db, questionnaire, scan_id)
    assert [(a.question, a.id) for a in plan] == [(1, None), (3, None)]
    edited = replace(plan[0], verbeteractie="Visie opstellen met Jeugd en Wmo", wie="Beleid")
    action_id = svc.save_action(db, scan_id, edited)
    extra = Action(standard=9, maatregel="Regionaal aanbod voor plegers", planning="Q3 2027")
    svc.save_action(db, scan_id, extra)
    plan = svc.plan_actions(db, questionnaire, scan_id)
    assert [(a.question, a.id is not None) for a in plan] == [(1, True), (3, False), (None, True)]
    assert plan[0].id == action_id and plan[0].wie == "Beleid"
    svc.save_action(db, scan_id, replace(plan[0], status=ActionStatus.IN_UITVOERING))
    assert svc.stored_actions(db, scan_id)[0].status is ActionStatus.IN_UITVOERING


def test_later_scan_sees_open_actions(db: Database) -> None:
    first = create_scan(db, make_scan(datum=date(2025, 3, 1)))
    done = svc.save_action(db, first, Action(1, 1, "a", status=ActionStatus.GEREED))
    open_id = svc.save_action(db, first, Action(3, 5, "b", status=ActionStatus.IN_UITVOERING))
    other = create_scan(db, make_scan(gemeente="Elders", datum=date(2025, 1, 1)))
    svc.save_action(db, other, Action(2, 3, "c"))
    later = create_scan(db, make_scan(datum=date(2026, 10, 1), soort=SoortMeting.EVALUATIE))
    open_actions = svc.open_earlier_actions(db, later)
    assert [(sid, a.id) for sid, a in open_actions] == [(first, open_id)]
    assert done not in [a.id for _, a in open_actions]
    move_to_trash(db, first)
    assert svc.open_earlier_actions(db, later) == []


def test_plan_follows_questionnaire_order(db: Database, questionnaire) -> None:
    # Standard 6 (questions 11-14) is asked before standard 4 (questions 15-16).
    q6 = questionnaire.questions_for_standard(6)[0].number
    q4 = questionnaire.questions_for_standard(4)[0].number
    scan_id = create_scan(db, make_scan(answers=(Answer(q4, NIET), Answer(q6, NIET))))
    svc.save_action(db, scan_id, Action(standard=6, maatregel="extra bij 6"))
    plan = svc.plan_actions(db, questionnaire, scan_id)
    assert [(a.standard, a.question) for a in plan] == [(6, q6), (6, None), (4, q4)]
