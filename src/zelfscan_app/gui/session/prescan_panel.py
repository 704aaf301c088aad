"""The disagreement view in the session: the split per question, the show of hands, the
navigator's marks and the import of voorbereidingen (dropped on the session or chosen).

Added to a `SessionWidget` by `attach_prescans` without changing how the session works: a
row under the answer buttons shows how the voorbereidingen split ("5 op orde · 3 niet op orde
· 1 open"), with their toelichtingen one click away (without names unless 'Namen tonen' is
ticked). Without voorbereidingen the row holds two counters for the room's show of hands,
stored at once through the session's autosaver, like an answer. The navigator marks the
questions with most disagreement (a ≠ badge; the tooltip and the accessible text say it
too), and 'Waar verschillen we?' ranks them to plan the meeting's time.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QUrl,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.prescan import MAX_HANDS, Prescan, Split
from zelfscan_app.gui import style
from zelfscan_app.gui.file_dialogs import start_folder
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.import_job import ImportJob, prescan_import
from zelfscan_app.gui.session.navigator_model import MARK_ROLE, NavigatorDelegate
from zelfscan_app.gui.session.prescan_dialogs import MARK, NotesDialog, RankingDialog
from zelfscan_app.gui.widgets import FlowLayout
from zelfscan_app.services import prescans as svc

if TYPE_CHECKING:
    from zelfscan_app.gui.session.session_widget import SessionWidget
    from zelfscan_app.services.exchange import ImportReport

BADGE = 22  # px, the navigator's ≠ mark
#: Below this question-page height (px) the split row would push the toelichting out of
#: view (a 1280 × 720 projector with the question list folded): the split then shows as one
#: line of text in the question's heading, and its actions (the show of hands included)
#: open from that line. 1366 × 768 and 1366 × 700 keep the full row.
COMPACT_BELOW = 490


class MarkedNavigatorDelegate(NavigatorDelegate):
    """The navigator's rows, with an orange ≠ badge at the right of a marked question."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        mark = index.data(MARK_ROLE)
        if not mark:
            super().paint(painter, option, index)
            return
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -(BADGE + 8), 0)
        super().paint(painter, narrower, index)
        rest = QRect(narrower.rect.right() + 1, option.rect.top(), BADGE + 8, option.rect.height())
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rest, option.palette.highlight())
        badge = QRect(0, 0, BADGE, BADGE)
        badge.moveCenter(rest.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.ORANGE))
        painter.drawRoundedRect(badge, 5, 5)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, MARK)
        painter.restore()


def _group(*widgets: QWidget) -> QWidget:
    """Widgets side by side that stay on one line together."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class SplitPanel(QWidget):
    """One row under the answers: the split (or the show of hands) of the current question."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitPanel")
        self.caption = QLabel()
        self.caption.setObjectName("fieldLabel")
        self.split_label = QLabel()
        self.split_label.setObjectName("splitLabel")
        self.split_label.setAccessibleName(self.tr("Verdeling"))
        self.split_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_button = QPushButton()
        self.notes_button.setFlat(True)
        self.notes_button.setAccessibleName(self.tr("Toelichtingen uit de voorbereiding"))
        self.notes_button.setToolTip(self.tr("Toelichtingen uit de voorbereiding (Ctrl+J)"))
        self.op_orde = self._counter(self.tr("Handen op orde"))
        self.niet_op_orde = self._counter(self.tr("Handen niet op orde"))
        self.op_label = QLabel(self.tr("&Op orde"))
        self.op_label.setBuddy(self.op_orde)
        self.niet_label = QLabel(self.tr("N&iet op orde"))
        self.niet_label.setBuddy(self.niet_op_orde)
        self.verschil = QLabel()
        self.verschil.setObjectName("splitMark")
        self.verschil.setAccessibleName(self.tr("Verschil van mening"))
        self.menu_button = QToolButton()
        self.menu_button.setText(self.tr("Verschillen"))
        self.menu_button.setAccessibleName(self.tr("Verschillen en voorbereiding"))
        self.menu_button.setToolTip(
            self.tr(
                "Waar verschillen we het meest? (Ctrl+D), voorbereidingen inlezen of het "
                "formulier voor de voorbereiding maken. Of sleep voorbereidingen op dit venster."
            )
        )
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Voortgang inlezen"))
        self.progress.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("Afbreken"))
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Inlezen voorbereidingen"))
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.setFlat(True)

        # Groups that wrap as a whole (FlowLayout): on a narrow page the buttons go to a
        # second line instead of pushing the question page wider than the window.
        split = _group(
            self.caption,
            self.split_label,
            self.op_label,
            self.op_orde,
            self.niet_label,
            self.niet_op_orde,
        )
        self.row = QWidget()
        row = FlowLayout(self.row, spacing=12)
        row.setContentsMargins(0, 0, 0, 0)
        groups = (split, _group(self.verschil, self.notes_button), self.menu_button)
        height = max(g.sizeHint().height() for g in groups)
        for group in groups:
            group.setMinimumHeight(height)  # one baseline for the wrapped groups
            row.addWidget(group)
        status = QHBoxLayout()
        status.setContentsMargins(0, 0, 0, 0)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        status.addWidget(self.status, 1)
        status.addWidget(self.details_button)
        self.status_row = QWidget()
        self.status_row.setLayout(status)
        self.status_row.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.row)
        layout.addWidget(self.status_row)

    def _counter(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, MAX_HANDS)
        box.setAccessibleName(name)
        box.setToolTip(self.tr("Handopsteken: typ het aantal handen of gebruik de pijltjes"))
        box.setKeyboardTracking(True)
        box.setMinimumWidth(64)
        # Reached with Alt+O / Alt+I or a click, not by falling into it: the session's keys
        # 1, 2 and 0 answer the question, and a counter with the focus would swallow them.
        box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        return box

    def show_split(self, split: Split | None, prescans: int, notes: int) -> None:
        """A pre-scan split (read only) or, without pre-scans, the show of hands (editable)."""
        hands = prescans == 0
        for widget in (self.op_label, self.op_orde, self.niet_label, self.niet_op_orde):
            widget.setVisible(hands)
        self.split_label.setVisible(not hands)
        self.notes_button.setVisible(not hands)
        if hands:
            self.caption.setText(self.tr("Handopsteken:"))
            for box, value in (
                (self.op_orde, split.op_orde if split else 0),
                (self.niet_op_orde, split.niet_op_orde if split else 0),
            ):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
        else:
            self.caption.setText(arg(self.tr("Voorbereiding (%1):"), prescans))
            self.split_label.setText(split.label() if split else "")
            self.notes_button.setText(arg(self.tr("Toelichtingen (%1)…"), notes))
            self.notes_button.setEnabled(notes > 0)
        self.show_mark(split)

    def show_mark(self, split: Split | None) -> None:
        text = ""
        if split is not None and split.disagreement is not None:
            other = min(split.op_orde, split.niet_op_orde)
            text = arg(self.tr("%1 van %2 anders"), other, split.answered)
        marked = bool(split and split.marked)
        self.verschil.setText(f"{MARK} {text}" if marked else text)
        self.verschil.setProperty("marked", marked)
        self.verschil.setAccessibleDescription(
            arg(self.tr("%1, veel verschil van mening"), text) if marked else text
        )
        self.verschil.setToolTip(self.tr("Veel verschil van mening") if marked else "")
        self.verschil.setStyleSheet(
            f"color: {style.ORANGE}; font-weight: 600;" if marked else f"color: {style.MUTED};"
        )


class PrescanController(QObject):
    """Keeps the panel, the navigator marks and the dialogs in step with what is stored."""

    def __init__(self, widget: SessionWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._session = widget.session
        self.names_shown = False  # 'Namen tonen': off at the start of every session
        self.panel = SplitPanel()
        self.notes_dialog: NotesDialog | None = None
        self.ranking_dialog: RankingDialog | None = None
        self.job: ImportJob | None = None
        self.last_report: ImportReport | Exception | None = None
        self.overview, self._prescans = svc.session_view(
            self._session.db, self._session.questionnaire, self._session.scan_id
        )

        view = widget.question
        body = view.notes.parentWidget()  # the question page's column
        column = body.layout() if body is not None else None
        assert isinstance(column, QBoxLayout)
        column.insertWidget(column.indexOf(view.notes), self.panel)
        widget.tree.setItemDelegate(MarkedNavigatorDelegate(widget.tree))
        # The compact form: one line of text in the heading row (no extra height).
        self.compact = QLabel()
        self.compact.setObjectName("splitCompact")
        self.compact.setAccessibleName(self.tr("Verdeling"))
        self.compact.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.compact.setToolTip(self.tr("Klik voor toelichtingen, handopsteken en verschillen"))
        self.compact.linkActivated.connect(self._compact_menu)
        self.compact.hide()
        self._compact = False
        heading = _layout_holding(column, view.number_label)
        if heading is not None:
            heading.insertWidget(heading.indexOf(view.number_label), self.compact)
        view.installEventFilter(self)

        p = self.panel
        p.notes_button.clicked.connect(self.show_notes)
        p.op_orde.valueChanged.connect(self._hands_changed)
        p.niet_op_orde.valueChanged.connect(self._hands_changed)
        p.cancel_button.clicked.connect(self.cancel_import)
        p.details_button.clicked.connect(self._show_details)
        self.act_import = self._action(self.tr("Voorbereidingen inlezen…"), "", self.choose_files)
        self.act_folder = self._action(
            self.tr("Map met voorbereidingen inlezen…"), "", self.choose_folder
        )
        self.act_form = self._action(
            self.tr("Formulier voor de voorbereiding maken…"), "", self.save_form
        )
        self.act_ranking = self._action(
            self.tr("Waar verschillen we het meest?…"), "Ctrl+D", self.show_ranking
        )
        self.act_notes = self._action(
            self.tr("Toelichtingen uit de voorbereiding…"), "Ctrl+J", self.show_notes
        )
        self.act_remove = self._action(
            self.tr("Voorbereiding verwijderen…"), "", self.choose_removal
        )
        p.menu.addAction(self.act_ranking)
        p.menu.addSeparator()
        for action in (self.act_import, self.act_folder, self.act_form, self.act_remove):
            p.menu.addAction(action)

        self._session.currentChanged.connect(self.refresh_question)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        self._apply()

    def _action(self, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self._widget)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self._widget.addAction(action)
        return action

    # Showing -------------------------------------------------------------------------------
    def reload(self) -> None:
        s = self._session
        self.overview, self._prescans = svc.session_view(s.db, s.questionnaire, s.scan_id)
        self._apply()

    def _apply(self) -> None:
        marks = {
            r.question: arg(
                self.tr("%1 Veel verschil van mening: %2 (%3)"),
                MARK,
                r.split.label(),
                r.split.minority_text(),
            )
            for r in self.overview.ranking
            if r.split.marked
        }
        self._widget.model.set_marks(marks)
        self.act_remove.setEnabled(bool(self._prescans))
        self.refresh_question()
        if self.ranking_dialog is not None and self.ranking_dialog.isVisible():
            self.ranking_dialog.show_overview(self.overview)

    def split(self, question: int) -> Split | None:
        return self.overview.splits.get(question)

    def refresh_question(self, *_args: object) -> None:
        s = self._session
        notes = 0
        if self.overview.prescans:
            notes = len(svc.notes_from(self._prescans, s.current))
        self.panel.show_split(self.split(s.current), self.overview.prescans, notes)
        if self._compact:
            self.compact.setText(self._compact_text())
            split = self.split(s.current)
            self.compact.setAccessibleDescription(
                (split.label() + (", veel verschil van mening" if split.marked else ""))
                if split
                else ""
            )
        if self.notes_dialog is not None and self.notes_dialog.isVisible():
            self._fill_notes()

    def show_notes(self) -> None:
        if not self.overview.prescans:
            return
        if self.notes_dialog is None:
            self.notes_dialog = NotesDialog(self._widget)
            self.notes_dialog.namesToggled.connect(self._names_toggled)
        self._fill_notes()
        self.notes_dialog.show()
        self.notes_dialog.raise_()

    def _fill_notes(self) -> None:
        s = self._session
        assert self.notes_dialog is not None
        notes = svc.notes_from(self._prescans, s.current, with_names=self.names_shown)
        self.notes_dialog.show_notes(s.current, notes, self.names_shown)

    def _names_toggled(self, on: bool) -> None:
        self.names_shown = bool(on)
        self._fill_notes()

    def show_ranking(self) -> None:
        if self.ranking_dialog is None:
            self.ranking_dialog = RankingDialog(self._session.questionnaire, self._widget)
            self.ranking_dialog.questionChosen.connect(self._go_to)
        self.ranking_dialog.show_overview(self.overview)
        self.ranking_dialog.show()
        self.ranking_dialog.raise_()

    def _go_to(self, question: int) -> None:
        self._widget.go_to(question)

    # Show of hands -------------------------------------------------------------------------
    def _hands_changed(self, *_args: int) -> None:
        counts = (self.panel.op_orde.value(), self.panel.niet_op_orde.value())
        self._store_hands(self._session.current, counts)

    def _store_hands(self, question: int, counts: tuple[int, int]) -> None:
        s = self._session

        def store() -> None:
            svc.save_hand_count(s.db, s.scan_id, question, counts)

        ok = s.autosave.run(question, "handopsteken", store)
        if ok:
            self.reload()

    # Import --------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._widget,
            self.tr("Voorbereidingen inlezen"),
            start_folder(),
            self.tr("Excel-werkmappen (*.xlsx)"),
        )
        if paths:
            self.import_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._widget, self.tr("Map met voorbereidingen"), start_folder()
        )
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> bool:
        """Start reading the files (a folder: its .xlsx files) in a worker thread."""
        if self.job is not None:
            return False
        files = svc.workbooks_in(paths)
        p = self.panel
        p.status_row.show()
        p.details_button.hide()
        if not files:
            p.progress.hide()
            p.cancel_button.hide()
            p.status.setText(self.tr("Geen .xlsx-bestanden gevonden om in te lezen."))
            return False
        self._session.autosave.flush()
        s = self._session
        self.job = prescan_import(s.db, s.questionnaire, s.scan_id, files, self)
        p.progress.setRange(0, len(files))
        p.progress.setValue(0)
        p.progress.show()
        p.cancel_button.show()
        p.status.setText(arg(self.tr("Voorbereidingen inlezen… (%1 bestanden)"), len(files)))
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.start()
        return True

    def _progress(self, done: int, total: int) -> None:
        self.panel.progress.setValue(done)
        self.panel.status.setText(arg(self.tr("%1 van %2 bestanden gelezen…"), done, total))

    def cancel_import(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _finished(self, report: object) -> None:
        self.job = None
        p = self.panel
        p.progress.hide()
        p.cancel_button.hide()
        self.last_report = report  # type: ignore[assignment]
        if isinstance(report, Exception):
            p.status.setText(arg(self.tr("Inlezen mislukt: %1"), str(report)))
            p.details_button.hide()
            return
        from zelfscan_app.services.exchange import ImportReport

        assert isinstance(report, ImportReport)
        p.status.setText(arg(self.tr("Voorbereidingen: %1"), report.summary()))
        p.details_button.setVisible(len(report.imported) < len(report.results))
        self.reload()

    def _show_details(self) -> None:
        from zelfscan_app.services.exchange import ImportReport

        report = self.last_report
        if not isinstance(report, ImportReport):
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Voorbereidingen inlezen"),
            report.summary(),
            parent=self._widget,
        )
        others = [r.message for r in report.results if r.status.name != "IMPORTED"]
        box.setDetailedText("\n".join(others))
        box.exec()

    def save_form(self) -> None:
        s = self._session
        from zelfscan_app.gui.export_helper import ask_save_path, safe_file_name

        path = ask_save_path(
            self._widget,
            self.tr("Formulier voor de voorbereiding"),
            safe_file_name(f"Voorbereiding {s.scan.gemeente}") + ".xlsx",
            self.tr("Excel-werkmap (*.xlsx)"),
        )
        if path is not None:
            self.write_form(str(path))

    def write_form(self, path: str) -> Path | None:
        from zelfscan_app.errors import ZelfscanError

        s = self._session
        try:
            written = svc.make_prescan_form(s.db, s.questionnaire, s.scan_id, path)
        except ZelfscanError as exc:
            QMessageBox.warning(self._widget, self.tr("Formulier"), str(exc))
            return None
        self.panel.status_row.show()
        self.panel.progress.hide()
        self.panel.cancel_button.hide()
        self.panel.details_button.hide()
        self.panel.status.setText(arg(self.tr("Formulier geschreven naar %1."), str(written)))
        return written

    # Short pages -----------------------------------------------------------------------------
    def _fit(self) -> None:
        compact = self._widget.question.height() < COMPACT_BELOW
        if compact != self._compact:
            self._compact = compact
            self.panel.setVisible(not compact)
            self.compact.setVisible(compact)
            self.refresh_question()

    def _compact_text(self) -> str:
        split = self.split(self._session.current)
        mark = ""
        if split is not None and split.marked:
            mark = f" <b style='color:{style.ORANGE}'>{MARK}</b>"
        if self.overview.prescans:
            what = split.label() if split else ""
            text = arg(self.tr("Voorbereiding: %1"), what)
        elif split is not None:
            text = arg(self.tr("Handopsteken: %1"), split.label())
        else:
            text = self.tr("Handopsteken")
        return f"<a href='menu'>{html.escape(text)}</a>{mark}"

    def _compact_menu(self, _href: str = "") -> None:
        menu = QMenu(self._widget)
        if self.overview.prescans:
            menu.addAction(self.act_notes)
        else:
            menu.addAction(self.tr("Handopsteken typen…"), self.type_hands)
        menu.addAction(self.act_ranking)
        menu.addSeparator()
        for action in (self.act_import, self.act_folder, self.act_form, self.act_remove):
            menu.addAction(action)
        menu.popup(self.compact.mapToGlobal(self.compact.rect().bottomLeft()))
        self.compact_popup = menu

    def choose_removal(self) -> None:
        from zelfscan_app.gui.session.prescan_dialogs import RemovePrescanDialog, prescan_label

        if not self._prescans:
            return
        dialog = RemovePrescanDialog(self._prescans, self.names_shown, self._widget)
        self.remove_dialog = dialog
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is None:
            return
        position, prescan = chosen
        label = prescan_label(position, prescan, self.names_shown, self.tr)
        window = self._widget.window()
        ask = getattr(window, "confirm", None)
        if ask is not None and not ask(
            self.tr("Voorbereiding verwijderen"),
            arg(self.tr("%1 verwijderen uit deze zelfscan? Dit kan niet ongedaan worden."), label),
        ):
            return
        self.remove(prescan)

    def remove(self, prescan: Prescan) -> None:
        """Take one voorbereiding out of the scan and show the splits without it."""
        s = self._session
        if prescan.id is not None and svc.remove_prescan(s.db, s.scan_id, prescan.id):
            self.panel.status.setText(self.tr("De voorbereiding is verwijderd."))
            self.panel.details_button.hide()
            self.panel.status_row.show()
        self.reload()

    def type_hands(self) -> None:
        from zelfscan_app.gui.session.prescan_dialogs import HandsDialog

        s = self._session
        split = self.split(s.current)
        counts = (split.op_orde, split.niet_op_orde) if split else (0, 0)
        dialog = HandsDialog(s.current, counts, self._widget)
        self.hands_dialog = dialog
        if dialog.exec():
            self._store_hands(s.current, dialog.counts())

    # Drops on the session ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._widget.question:
            if kind == QEvent.Type.Resize:
                self._fit()
            return False
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.job is None and _dropped(event.mimeData().urls()):  # type: ignore[attr-defined]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif kind == QEvent.Type.Drop:
            paths = _dropped(event.mimeData().urls())  # type: ignore[attr-defined]
            if paths and self.import_paths(paths):
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        return super().eventFilter(watched, event)

    def close(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait()


def _layout_holding(layout: QLayout | None, widget: QWidget) -> QBoxLayout | None:
    """The box layout (inside `layout`) that holds `widget` directly."""
    if layout is None:
        return None
    if isinstance(layout, QBoxLayout) and layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        item = layout.itemAt(i)
        child = item.layout() if item is not None else None
        found = _layout_holding(child, widget)
        if found is not None:
            return found
    return None


def _dropped(urls: list[QUrl]) -> list[str]:
    """Local .xlsx files and folders among dropped URLs."""
    found = []
    for url in urls:
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir() or path.suffix.lower() == ".xlsx":
            found.append(str(path))
    return found


def attach_prescans(widget: SessionWidget) -> PrescanController:
    """Add the disagreement view to a session page (one call from `SessionWidget`)."""
    return PrescanController(widget)


__all__ = ["MarkedNavigatorDelegate", "PrescanController", "SplitPanel", "attach_prescans"]
