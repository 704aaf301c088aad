"""Regio-overzicht: the scans of a region merged, anonymised where results are sensitive.

`open_region_view` is the door for the main window; it imports the view (and so matplotlib)
only when the window is first opened, which keeps both off the start-up path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from zelfscan_app.domain.questionnaire import Questionnaire
    from zelfscan_app.gui.region.region_view import RegionView
    from zelfscan_app.storage.database import Database


def open_region_view(
    parent: QWidget | None, db: Database, questionnaire: Questionnaire, regio: str = ""
) -> RegionView:
    """Show the regional overview as its own window (one per parent and database), raised,
    on `regio` when the overview lists that region (else on what it showed last)."""
    from PySide6.QtCore import Qt

    from zelfscan_app.gui.region.controls import RegionSource
    from zelfscan_app.gui.region.region_view import RegionView

    if parent is not None:
        for existing in parent.findChildren(RegionView):
            if existing.db is db:
                existing.refresh(RegionSource.region(regio) if regio else None)
                existing.show()
                existing.raise_()
                existing.activateWindow()
                return existing
            existing.close()
            existing.deleteLater()
    view = RegionView(db, questionnaire, parent, load=False)  # its own window, sized
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    view.show()  # laid out at its real size before the first report: one spider layout
    view.refresh(RegionSource.region(regio) if regio else None)
    view.raise_()
    view.activateWindow()
    return view


__all__ = ["open_region_view"]
