"""Help menu: the shortcut overview and About (version, questionnaire, offline, licence)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from zelfscan_app import __version__
from zelfscan_app.gui.i18n import arg


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def show_shortcuts(parent: QWidget) -> None:
    rows = [
        ("1", _tr("Op orde")),
        ("2", _tr("Niet op orde")),
        (_tr("0 of Delete"), _tr("Antwoord wissen")),
        ("B", _tr("Bespreekpunt aan/uit")),
        (_tr("PgDown / PgUp"), _tr("Volgende / vorige vraag")),
        ("Alt+T / Alt+N", _tr("Naar Toelichting / Nuancering (Esc: terug naar de antwoorden)")),
        ("Ctrl+R", _tr("Eerste resultaten")),
        ("Ctrl+F", _tr("Zoeken in vragen, antwoorden, toelichtingen en begrippen")),
        ("Ctrl+Shift+F", _tr("Begrippenkader")),
        ("Ctrl+L", _tr("Vragenlijst links tonen/verbergen")),
        ("Ctrl+U", _tr("Uitleg bij de kwaliteitsstandaard van de vraag")),
        ("F11", _tr("Presentatiemodus (Esc sluit)")),
        ("Ctrl+T", _tr("Bloktijd starten/pauzeren")),
        ("Ctrl+W", _tr("Zelfscan sluiten, terug naar het overzicht")),
        ("Ctrl+N", _tr("Nieuwe zelfscan")),
        ("Ctrl+G", _tr("Regio-overzicht")),
        (_tr("Ctrl+ + / Ctrl+ −"), _tr("Tekst groter / kleiner")),
    ]
    table = "".join(
        f"<tr><td style='padding:3px 18px 3px 0;'><b>{key}</b></td><td>{what}</td></tr>"
        for key, what in rows
    )
    note = _tr("Cijfers die je in een tekstveld typt komen in de tekst, niet in het antwoord.")
    QMessageBox.information(parent, _tr("Sneltoetsen"), f"<table>{table}</table><p>{note}</p>")


def show_about(parent: QWidget, questionnaire) -> None:
    label = f"{questionnaire.id} {questionnaire.version}" if questionnaire else _tr("niet te lezen")
    text = arg(
        _tr(
            "<h3>Zelfscan Kwaliteitskader</h3>"
            "<p>Versie %1</p>"
            "<p>De zelfscan bij het VNG-Kwaliteitskader <i>Werken aan veiligheid voor "
            "lokale (wijk)teams en gemeenten</i>.</p>"
            "<p>Vragenlijst: %2<br>De vragen zijn een eigen weergave van de "
            "kwaliteitsstandaarden, niet de officiële VNG-vraagtekst.</p>"
            "<p>Werkt volledig offline: de antwoorden staan alleen in de database op deze "
            "computer.</p><p>Licentie: EUPL-1.2</p>"
        ),
        __version__,
        label,
    )
    QMessageBox.about(parent, _tr("Over Zelfscan Kwaliteitskader"), text)
