"""Issue 21: a list of hundreds of scans reads its first screen, the rest on scroll; search and
header sort still cover every scan, not only the rows read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.scan_list_model import ScanListModel
from zelfscan_app.services.scans import list_scans
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.database import Database

from .conftest import make_window

COUNT = 200


@pytest.fixture
def big_window(qtbot: QtBot, db_url: str, questionnaire) -> MainWindow:
    db = Database(db_url)
    with db.session() as session:  # the oldest first: 'Gemeente 000' ends up last in the list
        for i in range(COUNT):
            soort = SoortMeting.NULMETING if i % 2 else SoortMeting.EVALUATIE
            scan = Scan(
                f"Gemeente {i:03d}",
                f"Regio {i % 7}",
                date(2020, 1, 1) + timedelta(days=i),
                soort,
                questionnaire.id,
                questionnaire.version,
            )
            repo.add_scan(session, scan)
            session.flush()
    with db.session() as session:  # distinct change times, oldest for the lowest number
        session.execute(
            repo.text(
                "UPDATE scans SET updated_at = datetime('2025-01-01', '+' || id || ' minutes')"
            )
        )
    db.dispose()
    w = make_window(qtbot, db_url)
    yield w
    w.close()
    w.db.dispose()


def shown(window: MainWindow) -> list[str]:
    proxy = window.list_page.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_the_first_screen_is_read_and_the_rest_on_scroll(
    qtbot: QtBot, big_window: MainWindow
) -> None:
    page = big_window.list_page
    assert page.model.rowCount() == ScanListModel.PAGE < COUNT
    assert page.subtitle.text() == f"{COUNT} zelfscans in deze database"
    assert shown(big_window)[0] == "Gemeente 199"  # the newest change first
    bar = page.table.verticalScrollBar()
    while page.model.rowCount() < COUNT:  # the user drags the scroll bar to the end
        before, end = page.model.rowCount(), bar.maximum()
        bar.setValue(end)
        qtbot.waitUntil(lambda before=before: page.model.rowCount() > before, timeout=5000)
        if page.model.rowCount() < COUNT:  # the bar grows once the view has laid out the rows
            qtbot.waitUntil(lambda end=end: bar.maximum() > end, timeout=5000)
    assert shown(big_window)[-1] == "Gemeente 000"
    assert len(set(shown(big_window))) == COUNT  # every scan once


def test_search_finds_a_scan_not_read_yet(qtbot: QtBot, big_window: MainWindow) -> None:
    page = big_window.list_page
    assert "Gemeente 003" not in shown(big_window)
    qtbot.keyClicks(page.search, "gemeente 003")
    assert shown(big_window) == ["Gemeente 003"]
    page.search.clear()
    qtbot.keyClicks(page.search, "regio 3 evaluatie")  # every word, in any column
    seen = {  # what the list showed before issue 21 (its proxy matched the shown texts)
        i.gemeente: f"{i.gemeente} {i.regio} {i.datum:%d-%m-%Y} {i.soort.value}".casefold()
        for i in list_scans(big_window.db)
    }
    expected = [
        g for g, text in seen.items() if all(w in text for w in ("regio", "3", "evaluatie"))
    ]
    assert sorted(shown(big_window)) == sorted(expected)
    assert ScanListModel.PAGE > len(expected) > 5
    page.search.clear()
    assert page.model.rowCount() == ScanListModel.PAGE


def test_header_sort_orders_every_scan(qtbot: QtBot, big_window: MainWindow) -> None:
    page = big_window.list_page
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(ScanListModel.GEMEENTE) + 20
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 10)
    )
    order = header.sortIndicatorOrder()
    names = sorted(
        (i.gemeente for i in list_scans(big_window.db)),
        reverse=order == Qt.SortOrder.DescendingOrder,
    )
    assert shown(big_window) == names[: ScanListModel.PAGE]
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 10)
    )
    assert header.sortIndicatorOrder() != order
    assert shown(big_window)[0] == names[-1]  # the other end of ALL scans, not of those read
    page.table.sortByColumn(ScanListModel.DATUM, Qt.SortOrder.AscendingOrder)
    assert shown(big_window)[0] == "Gemeente 000"  # the oldest date, read last before


def test_choosing_a_scan_further_down_reads_until_it_is_there(big_window: MainWindow) -> None:
    page = big_window.list_page
    oldest = next(i.id for i in list_scans(big_window.db) if i.gemeente == "Gemeente 000")
    assert page.model.row_of(oldest) is None
    assert page.select_scan(oldest)
    assert page.current_item().gemeente == "Gemeente 000"
    big_window.actions.delete.trigger()  # to the trash, from deep in a long list
    assert page.subtitle.text() == f"{COUNT - 1} zelfscans in deze database"
    assert page.model.row_of(oldest) is None
