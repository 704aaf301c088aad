"""The help panel per kwaliteitsstandaard: text, onderdelen, terms, the routekaart's advice.

Shown beside the results (a tab that follows the chosen standard) and in the session (Ctrl+U,
following the current question), so a facilitator can answer "what does this standard ask" from
the app alone. The content comes from `services.guidance.help_for_standard`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.guidance import StandardHelp
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg

_GREY = style.MUTED


def help_html(help_: StandardHelp, tr=lambda s: s) -> str:
    """The panel as rich text (also what tests read back as plain text)."""
    e = html.escape
    parts = [
        f"<h3>{e(tr('Kwaliteitsstandaard'))} {help_.number}: {e(help_.title)}</h3>",
        f"<p>{e(help_.text)}</p>",
    ]
    if help_.onderdelen:
        parts.append(f"<h4>{e(tr('Onderdelen'))}</h4><ul>")
        parts += [f"<li>{e(label)}</li>" for label in help_.onderdelen]
        parts.append("</ul>")
    if help_.terms:
        parts.append(f"<h4>{e(tr('Begrippen'))}</h4>")
        parts += [f"<p><b>{e(t.term)}</b>: {e(t.definition)}</p>" for t in help_.terms]
    if help_.phase_advice:
        heading = arg(tr("Advies uit de routekaart, fase %1: %2"), help_.phase, help_.phase_title)
        parts.append(f"<h4>{e(heading)}</h4><p>{e(help_.phase_advice)}</p>")
    return "".join(parts)


class StandardHelpPanel(QTextBrowser):
    """Read-only rich text: selectable, copyable and readable by a screen reader."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standardHelp")
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Uitleg bij de kwaliteitsstandaard"))
        self._help: StandardHelp | None = None
        self.set_help(None)

    @property
    def shown(self) -> StandardHelp | None:
        return self._help

    def set_help(self, help_: StandardHelp | None) -> None:
        self._help = help_
        if help_ is None:
            text = html.escape(self.tr("Kies een kwaliteitsstandaard om de uitleg te zien."))
            self.setHtml(f"<p style='color:{_GREY}'>{text}</p>")
            return
        self.setHtml(help_html(help_, self.tr))


class StandardHelpDialog(QDialog):
    """The help panel in its own window (the session): stays open while the group answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standardHelpDialog")
        self.setWindowTitle(self.tr("Uitleg bij de kwaliteitsstandaard"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.panel = StandardHelpPanel()
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addLayout(row)
        self.resize(620, 560)

    def set_help(self, help_: StandardHelp | None) -> None:
        self.panel.set_help(help_)
