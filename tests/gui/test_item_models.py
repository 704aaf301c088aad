"""Every Qt item model obeys Qt's model contract (QAbstractItemModelTester, via pytest-qt).

The views trust rowCount, parent(), index() and the change signals; a model that breaks the
contract shows up as a crash or a stale row far away from the bug. Each model is filled with the
demo region, then changed once, under the tester's eye.
"""

from __future__ import annotations

import pytest

from zelfscan_app.domain.scan import Participant
from zelfscan_app.gui.participants_model import ParticipantsModel
from zelfscan_app.gui.plan.actions_model import ActionsModel
from zelfscan_app.gui.region.heatmap_model import HeatMapModel
from zelfscan_app.gui.region.questions_model import QuestionsModel, StatusModel
from zelfscan_app.gui.scan_list_model import ScanFilterProxy, ScanListModel
from zelfscan_app.gui.session.navigator_model import NavigatorModel
from zelfscan_app.services import scans as svc
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.services.region import RegionReport, load_region


@pytest.fixture
def demo(db, questionnaire) -> list[int]:
    return fill_demo(db, questionnaire)


def test_scan_list_model_and_filter(qtmodeltester, db, questionnaire, demo) -> None:
    model = ScanListModel(len(questionnaire.questions))
    model.set_items(svc.list_scans(db))
    qtmodeltester.check(model)
    proxy = ScanFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search(svc.list_scans(db)[0].gemeente[:4])
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()
    model.set_items(svc.list_scans(db)[:3])
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_participants_model(qtmodeltester) -> None:
    model = ParticipantsModel([Participant("Jan", "Lokaal team", "jeugd")])
    qtmodeltester.check(model)
    assert model.rowCount() >= 1


def test_navigator_model(qtmodeltester, db, questionnaire, demo) -> None:
    scan = svc.get_scan(db, demo[0])
    model = NavigatorModel(questionnaire, scan.answer)
    qtmodeltester.check(model)
    assert model.rowCount() > 0


def test_actions_model(qtmodeltester, db, questionnaire, demo) -> None:
    model = ActionsModel(db, questionnaire, demo[0])
    qtmodeltester.check(model)
    assert model.rowCount() > 0  # the demo scans have Niet op orde answers: draft rows


@pytest.mark.parametrize("model_class", [HeatMapModel, QuestionsModel, StatusModel])
@pytest.mark.parametrize("anonymous", [False, True])
def test_region_models(qtmodeltester, db, questionnaire, demo, model_class, anonymous) -> None:
    picture = load_region(db, questionnaire, regio=svc.get_scan(db, demo[0]).regio)
    model = model_class()
    qtmodeltester.check(model)  # empty first
    model.set_report(RegionReport(picture, anonymous=anonymous))
    qtmodeltester.check(model)
    if model_class is not StatusModel:  # the demo region is complete: no status lines
        assert model.rowCount() > 0
    model.set_report(None)
    qtmodeltester.check(model)
