"""What the main window needs from outside: a database opener, a questionnaire loader and a
yes/no question to the user.

The window receives them in its constructor (gui/app.py passes these production versions), so a
test hands it fakes instead of overwriting private methods, and the window itself never decides
how a database is opened or a questionnaire read. The heavy modules (SQLAlchemy, pydantic) are
imported inside the functions: the window is on screen before they load (see gui/startup.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from zelfscan_app.domain.questionnaire import Questionnaire
    from zelfscan_app.storage.database import Database

#: Opens the database at a URL (None: the default file); raises ZelfscanError with a Dutch text.
DatabaseOpener: TypeAlias = "Callable[[str | None], Database]"
#: Reads the questionnaire; raises ZelfscanError with a Dutch text when it is unusable.
QuestionnaireLoader: TypeAlias = "Callable[[], Questionnaire]"
#: Asks `parent`'s user a yes/no question (title, text); True for "Ja".
Confirm: TypeAlias = Callable[[QWidget, str, str], bool]


def open_database(url: str | None) -> Database:
    """The database the window works on. An in-memory URL is refused: the window would lose
    everything on closing."""
    from zelfscan_app.errors import DatabaseFault
    from zelfscan_app.storage.database import Database, default_url, is_in_memory
    from zelfscan_app.storage.faults import IN_MEMORY, display_name

    chosen = url or default_url()
    if is_in_memory(chosen):
        raise DatabaseFault(IN_MEMORY, path=display_name(chosen))
    return Database(url)


def load_questionnaire() -> Questionnaire:
    """The questionnaire shipped with the app."""
    from zelfscan_app.questionnaire_file import default_questionnaire

    return default_questionnaire()


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A modal question with the buttons "Ja" and "Nee"."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(parent.tr("Ja"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(parent.tr("Nee"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes
