"""The improvement-action editor's use cases (plan van aanpak, routekaart fase 4–5)."""

from __future__ import annotations

from zelfscan_app.domain.actions import merge_with_drafts
from zelfscan_app.domain.guidance import with_suggestions
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Action
from zelfscan_app.storage import actions_repository as repo
from zelfscan_app.storage import repository as scans_repo
from zelfscan_app.storage.database import Database


def stored_actions(db: Database, scan_id: int) -> list[Action]:
    with db.session() as session:
        return repo.actions_of(session, scan_id)


def plan_actions(db: Database, questionnaire: Questionnaire, scan_id: int) -> list[Action]:
    """What the plan shows: stored actions plus drafts for uncovered Niet-op-orde questions.

    Drafts carry the guidance's suggestions (marked 'Suggestie: ') in the verbeteractie and
    beoogd resultaat cells; stored actions are shown as stored.
    """
    from zelfscan_app.services.guidance import guidance_or_problem

    with db.session() as session:
        scan = scans_repo.get_scan(session, scan_id)
        actions = merge_with_drafts(questionnaire, scan, repo.actions_of(session, scan_id))
    return with_suggestions(actions, guidance_or_problem(questionnaire)[0])


def save_action(db: Database, scan_id: int, action: Action) -> int:
    with db.session() as session:
        return repo.save_action(session, scan_id, action)


def delete_action(db: Database, action_id: int) -> None:
    with db.session() as session:
        repo.delete_action(session, action_id)


def open_earlier_actions(db: Database, scan_id: int) -> list[tuple[int, Action]]:
    with db.session() as session:
        return repo.open_actions_of_earlier_scans(session, scan_id)
