"""A delegate whose height hint fits wrapped text in a cell with the stylesheet's padding.

Qt measures a wrapping cell as if the text had the whole column width, then adds the
stylesheet's `QTableView::item` padding around it; painted inside the padding the text needs
more lines than measured, and the last one is cut off. Measuring at the narrower width fixes it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from zelfscan_app.gui.style import CELL_PADDING_X


class WrapDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if option.rect.width() > 2 * CELL_PADDING_X:
            option = QStyleOptionViewItem(option)
            option.rect.setWidth(option.rect.width() - 2 * CELL_PADDING_X)
        return super().sizeHint(option, index)
