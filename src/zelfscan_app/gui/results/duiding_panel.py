"""The results page's 'Duiding en suggesties' tab: every score in words, the three standards
with most room for improvement, and the suggested verbetermaatregelen for each question that
is 'Niet op orde' (never for 'Op orde'), marked as the program's own suggestions.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from zelfscan_app.gui import style
from zelfscan_app.services.charts import NO_SCORE_TEXT
from zelfscan_app.services.guidance import ScanDuiding

_GREY = style.MUTED
_RED = style.RED


class DuidingPanel(QTextBrowser):
    """Read-only rich text, so it can be selected, copied and read by a screen reader."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duidingPanel")
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Duiding van de scores en suggesties"))
        self._duiding: ScanDuiding | None = None

    @property
    def duiding(self) -> ScanDuiding | None:
        return self._duiding

    def set_duiding(self, duiding: ScanDuiding) -> None:
        self._duiding = duiding
        e = html.escape
        tr = self.tr
        parts = [f"<h3>{e(tr('Wat de scores zeggen'))}</h3>", f"<p><b>{e(duiding.room)}</b></p>"]
        parts.append("<table cellspacing='0' cellpadding='3'>")
        for line in duiding.lines:
            score = line.score.score
            shown = f"{score:.0f}%" if score is not None else NO_SCORE_TEXT
            parts.append(
                f"<tr><td valign='top'><b>{line.number}. {e(line.title)}</b></td>"
                f"<td valign='top' align='right'><b>{e(shown)}</b></td>"
                f"<td valign='top'>{e(line.sentence)}</td></tr>"
            )
        parts.append("</table>")
        parts.append(f"<h3>{e(tr('Suggesties voor verbetermaatregelen'))}</h3>")
        if duiding.problem:
            parts.append(f"<p style='color:{_RED}'>{e(duiding.problem)}</p>")
        elif not duiding.suggestions:
            parts.append(
                f"<p style='color:{_GREY}'>"
                + e(tr("Geen enkele vraag is ‘Niet op orde’: er zijn geen suggesties."))
                + "</p>"
            )
        else:
            parts.append(f"<p style='color:{_GREY}'><i>{e(duiding.notice)}</i></p>")
        for s in duiding.suggestions:
            parts.append(
                f"<h4>{e(tr('Vraag'))} {s.question} · {e(tr('standaard'))} {s.standard}: "
                f"{e(s.text)}</h4>"
                f"<p><b>{e(tr('Waarom dit ertoe doet:'))}</b> {e(s.guidance.why)}</p><ul>"
            )
            for m in s.guidance.suggestions:
                parts.append(
                    f"<li>{e(m.measure)}<br><span style='color:{_GREY}'>"
                    f"{e(tr('Beoogd resultaat:'))} {e(m.result)}</span></li>"
                )
            parts.append("</ul>")
        self.setHtml("".join(parts))
