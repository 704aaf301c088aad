"""Every Qt item model obeys Qt's model contract (QAbstractItemModelTester, via pytest-qt).

The views trust rowCount, parent(), index() and the change signals; a model that breaks the
contract shows up as a crash or a stale row far away from the bug. Each model is filled with the
demo region, then changed once, under the tester's eye.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel

import zelfscan_app.gui
from zelfscan_app.domain.routekaart import ItemProgress, Scope
from zelfscan_app.domain.scan import Action, Participant
from zelfscan_app.gui.kit.routekaart_model import RoutekaartModel
from zelfscan_app.gui.participants_model import ParticipantsModel
from zelfscan_app.gui.plan.actions_model import ActionsModel, EarlierActionsModel, EarlierRow
from zelfscan_app.gui.region.heatmap_model import HeatMapModel
from zelfscan_app.gui.region.questions_model import QuestionsModel, StatusModel
from zelfscan_app.gui.region.scan_picker import ScanChoiceModel
from zelfscan_app.gui.results.comparison_model import QuestionChangeModel, StandardChangeModel
from zelfscan_app.gui.results.score_table_model import ScoreTableModel
from zelfscan_app.gui.scan_list_model import ScanFilterProxy, ScanListModel
from zelfscan_app.gui.session.glossary import TermListModel
from zelfscan_app.gui.session.navigator_model import NavigatorModel
from zelfscan_app.gui.table_model import HeaderedTableModel
from zelfscan_app.services import scans as svc
from zelfscan_app.services.charts import comparable_scans, comparison_for, standard_results
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.services.region import RegionReport, load_region
from zelfscan_app.services.routekaart import routekaart


@pytest.fixture
def demo(db, questionnaire) -> list[int]:
    return fill_demo(db, questionnaire)


def test_scan_list_model_and_filter(qtmodeltester, db, questionnaire, demo) -> None:
    model = ScanListModel(len(questionnaire.questions))
    model.set_items(svc.list_scans(db))
    qtmodeltester.check(model)
    proxy = ScanFilterProxy()
    proxy.setSourceModel(model)
    everything = model.rowCount()
    proxy.set_search(svc.list_scans(db)[0].gemeente[:4])  # answered by the model's source
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < everything
    assert proxy.rowCount() == model.rowCount()
    proxy.set_search("")
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


def test_score_table_model(qtmodeltester, db, questionnaire, demo) -> None:
    model = ScoreTableModel()
    qtmodeltester.check(model)  # empty first
    model.set_results(standard_results(questionnaire, svc.get_scan(db, demo[0])))
    qtmodeltester.check(model)
    assert model.rowCount() == len(questionnaire.standards)
    model.set_results(())
    qtmodeltester.check(model)
    assert model.rowCount() == 0


@pytest.mark.parametrize("model_class", [StandardChangeModel, QuestionChangeModel])
def test_comparison_models(qtmodeltester, db, questionnaire, demo, model_class) -> None:
    scan = next(
        s for s in map(lambda i: svc.get_scan(db, i), demo) if comparable_scans(db, s)
    )  # a municipality with an earlier scan
    other = comparable_scans(db, scan)[0]
    model = model_class(questionnaire)
    qtmodeltester.check(model)
    model.set_comparison(comparison_for(db, questionnaire, scan.id, other.id))
    qtmodeltester.check(model)
    assert model.rowCount() > 0
    model.set_comparison(None)
    qtmodeltester.check(model)


def test_earlier_actions_model(qtmodeltester) -> None:
    model = EarlierActionsModel()
    qtmodeltester.check(model)
    model.set_rows(
        [
            EarlierRow("nulmeting 3 maart 2025", Action(standard=1, verbeteractie="Scholing")),
            EarlierRow("nulmeting 3 maart 2025", Action(standard=2, wie="Wethouder")),
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    model.set_rows([])
    qtmodeltester.check(model)


def test_routekaart_model(qtmodeltester, db) -> None:
    model = RoutekaartModel(db, routekaart())
    qtmodeltester.check(model)  # no gemeente chosen yet
    assert model.rowCount() > 0
    step = ItemProgress("f1-onderschrijven", True, date(2024, 6, 1), "Wethouder", "akkoord")
    model.load(Scope.GEMEENTE, "Aldermeer", {step.key: step})
    qtmodeltester.check(model)
    assert model.progress == {step.key: step}


def test_term_list_model(qtmodeltester, questionnaire) -> None:
    model = TermListModel(questionnaire.terms)
    qtmodeltester.check(model)
    assert model.rowCount() == len(questionnaire.terms)


def test_scan_choice_model(qtmodeltester, db, demo) -> None:
    items = svc.list_scans(db)
    model = ScanChoiceModel(items, {items[0].id})
    qtmodeltester.check(model)
    assert model.rowCount() == len(items)


def _model_classes(base: type) -> set[type]:
    found: set[type] = set()
    for sub in base.__subclasses__():
        found |= {sub} | _model_classes(sub)
    return found


TESTED = {
    ScanListModel,
    ScanFilterProxy,
    ParticipantsModel,
    NavigatorModel,
    ActionsModel,
    EarlierActionsModel,
    HeatMapModel,
    QuestionsModel,
    StatusModel,
    ScoreTableModel,
    StandardChangeModel,
    QuestionChangeModel,
    RoutekaartModel,
    TermListModel,
    ScanChoiceModel,
}


def test_every_item_model_of_the_gui_is_checked_here() -> None:
    """A new model in src/zelfscan_app/gui fails this until it has a tester run above."""
    package = Path(zelfscan_app.gui.__file__).parent
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent.parent).with_suffix("").parts
        importlib.import_module(".".join(p for p in parts if p != "__init__"))
    models = {
        cls
        for cls in _model_classes(QAbstractItemModel)
        if cls.__module__.startswith("zelfscan_app.gui")
        and not cls.__name__.startswith("_")  # abstract helpers, tested through their subclasses
        and cls is not HeaderedTableModel
    }
    assert models, "the search finds the GUI's models"
    missing = sorted(f"{c.__module__}.{c.__name__}" for c in models - TESTED)
    assert not missing, "item models without a QAbstractItemModelTester run: " + ", ".join(missing)
