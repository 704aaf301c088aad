"""The one stylesheet: calm, white, dark-blue accents (Rijkshuisstijl-like), readable at distance.

All sizes are in points and scale with the user's font scale (Beeld → Tekst groter/kleiner).
Widgets get their look through object names and a few dynamic properties, never inline styles.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_PT = 12.0

BLUE = "#154273"  # Rijksoverheid donkerblauw
BLUE_DARK = "#0d2e52"
BLUE_SOFT = "#e7eef6"
BLUE_LINE = "#cfdbe8"
TEXT = "#1b1b1b"
MUTED = "#4f5b66"
LINE = "#d4dbe3"
FIELD_LINE = "#8c9aa8"
SURFACE = "#f4f7fa"
GREEN = "#2e7d0b"  # Op orde
GREEN_SOFT = "#eaf4e3"
RED = "#c5281c"  # Niet op orde
RED_SOFT = "#fbeae8"
ORANGE = "#c25a00"  # bespreekpunt, time over
WARN_INK = "#8a3b00"  # text of a warning cell (an incomplete scan, a low count)
FOCUS = "#e17000"
CELL_PADDING_X = 10  # px left and right of a table cell's text (QTableView::item below)
FAMILIES = ["Segoe UI", "Noto Sans", "Helvetica Neue", "Arial", "DejaVu Sans"]


def base_font(scale: float = 1.0) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(BASE_PT * scale)
    return font


def apply_style(app: QApplication, scale: float = 1.0) -> None:
    if app.style().name().lower() != "fusion":  # replacing a style re-polishes every widget
        app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(BLUE))
    palette.setColor(QPalette.ColorRole.Button, QColor("white"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(BLUE))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffbe6"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b7782"))
    app.setPalette(palette)
    app.setFont(base_font(scale))
    app.setStyleSheet(stylesheet(scale))


def stylesheet(scale: float = 1.0) -> str:
    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    return f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: white;
}}
QToolTip {{ background: #fffbe6; color: {TEXT}; border: 1px solid {LINE}; padding: 8px; }}

QMenuBar {{ background: {BLUE}; color: white; padding: 2px 8px; }}
QMenuBar::item {{ background: transparent; color: white; padding: 6px 12px; }}
QMenuBar::item:selected {{ background: {BLUE_DARK}; }}
QMenu {{ background: white; border: 1px solid {LINE}; padding: 6px 0; }}
QMenu::item {{ padding: 7px 32px 7px 24px; }}
QMenu::item:selected {{ background: {BLUE_SOFT}; color: {BLUE}; }}
QMenu::item:disabled {{ color: #8a949e; }}
QMenu::separator {{ height: 1px; background: {LINE}; margin: 6px 12px; }}

QToolBar {{ background: white; border: none; border-bottom: 1px solid {LINE};
    padding: 6px 16px; spacing: 4px; }}
QToolBar QToolButton {{ color: {BLUE}; padding: 7px 12px; border-radius: 4px;
    border: 2px solid transparent; }}
QToolBar QToolButton:hover {{ background: {BLUE_SOFT}; }}
QToolBar QToolButton:focus {{ border-color: {FOCUS}; }}
QToolBar QToolButton:disabled {{ color: #97a2ad; }}
QToolBar::separator {{ width: 1px; background: {LINE}; margin: 6px 8px; }}

QStatusBar {{ background: {SURFACE}; border-top: 1px solid {LINE}; color: {MUTED}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 2px 8px; }}

QPushButton {{ background: white; color: {BLUE}; border: 2px solid {BLUE}; border-radius: 4px;
    padding: 7px 18px; min-height: 24px; }}
QPushButton:hover {{ background: {BLUE_SOFT}; }}
QPushButton:focus {{ border-color: {FOCUS}; }}
QPushButton:disabled {{ color: #97a2ad; border-color: #c3cbd3; }}
QPushButton[primary="true"] {{ background: {BLUE}; color: white; }}
QPushButton[primary="true"]:hover {{ background: {BLUE_DARK}; }}
QPushButton[primary="true"]:focus {{ border-color: {FOCUS}; }}
QPushButton:checked {{ background: {BLUE}; color: white; }}
QPushButton[flat="true"] {{ border-color: transparent; background: transparent;
    text-decoration: underline; padding: 4px 8px; }}
QPushButton[flat="true"]:focus {{ border-color: {FOCUS}; }}
QPushButton#termChip {{ min-height: 0; padding: 1px 6px; }}

QLineEdit, QPlainTextEdit, QTextEdit {{
    background: white; border: 1px solid {FIELD_LINE}; border-radius: 3px; padding: 6px 8px;
    selection-background-color: {BLUE}; selection-color: white; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {BLUE};
    padding: 5px 7px; }}
QTableView QLineEdit, QTableView QLineEdit:focus {{ padding: 0 6px; border: 2px solid {FOCUS};
    background: white; color: {TEXT};
    border-radius: 0; }}
QComboBox QAbstractItemView {{ selection-background-color: {BLUE_SOFT}; selection-color: {BLUE}; }}

QCheckBox {{ spacing: 10px; }}
QCheckBox::indicator {{ width: 20px; height: 20px; }}

QTableView, QTreeView, QListView {{ background: white; border: 1px solid {LINE};
    alternate-background-color: {SURFACE}; selection-background-color: {BLUE};
    selection-color: white; outline: none; }}
QTableView:focus, QTreeView:focus, QListView:focus {{ border: 1px solid {BLUE}; }}
QTableView::item {{ padding: 6px {CELL_PADDING_X}px; }}
QListView::item {{ padding: 4px 8px; }}
QTreeView::item {{ padding: 5px 4px; }}
QTreeView::item:selected, QTableView::item:selected, QListView::item:selected {{
    background: {BLUE}; color: white; }}
QHeaderView::section {{ background: white; color: {BLUE}; font-weight: 600; border: none;
    border-bottom: 2px solid {BLUE}; padding: 8px 10px; }}

QProgressBar {{ background: {BLUE_SOFT}; border: none; border-radius: 4px; max-height: 8px;
    min-height: 8px; text-align: center; }}
QProgressBar::chunk {{ background: {BLUE}; border-radius: 4px; }}

QSplitter::handle {{ background: {LINE}; }}
QSplitter::handle:horizontal {{ width: 1px; }}

QLabel#pageTitle {{ font-size: {pt(22)}; font-weight: 600; color: {BLUE}; }}
QLabel#pageSubtitle {{ color: {MUTED}; }}
QLabel#sectionTitle {{ font-size: {pt(14)}; font-weight: 600; color: {BLUE}; }}
QLabel#fieldLabel {{ font-weight: 600; }}
QLabel#muted, QLabel#hint {{ color: {MUTED}; }}
QLabel#hint {{ font-size: {pt(10.5)}; }}
QLabel#emptyState {{ color: {MUTED}; font-size: {pt(14)}; padding: 40px; }}
QLabel#errorBox {{ background: {RED_SOFT}; color: {RED}; border-left: 4px solid {RED};
    padding: 10px 14px; }}
QLabel#warningBox {{ background: #fff4e5; color: #6b3a00; border-left: 4px solid {ORANGE};
    padding: 10px 14px; }}

QWidget#questionFooter {{ border-top: 1px solid {LINE}; }}
QWidget#sessionHeader, QWidget#pageBar {{ background: {SURFACE};
    border-bottom: 1px solid {LINE}; }}
QFrame#noticeBox {{ background: {BLUE_SOFT}; border-left: 4px solid {BLUE}; }}
QFrame#noticeBox QLabel {{ background: transparent; }}
QPushButton#navigatorButton {{ padding: 4px 10px; font-size: {pt(15)}; }}
QPushButton#navigatorButton:checked {{ background: {BLUE_SOFT}; color: {BLUE}; }}
QLabel#sessionTitle {{ font-size: {pt(15)}; font-weight: 600; color: {BLUE}; }}
QLabel#progressLabel {{ color: {MUTED}; font-size: {pt(10.5)}; }}
QLabel#saveIndicator {{ color: {MUTED}; padding: 4px 10px; border-radius: 4px; }}
QLabel#saveIndicator[state="saved"] {{ color: {GREEN}; background: {GREEN_SOFT}; }}
QLabel#saveIndicator[state="pending"] {{ color: {MUTED}; background: {BLUE_SOFT}; }}
QLabel#saveIndicator[state="error"] {{ color: white; background: {RED}; }}
QLabel#timerLabel {{ font-size: {pt(18)}; font-weight: 700; color: {BLUE};
    font-family: "DejaVu Sans Mono", "Consolas", monospace; padding: 0 6px; border-radius: 4px; }}
QLabel#timerLabel[phase="soon"] {{ color: white; background: {ORANGE}; }}
QLabel#timerLabel[phase="over"] {{ color: white; background: {RED}; }}

QLabel#standardTitle {{ color: {BLUE}; font-weight: 600; font-size: {pt(12.5)}; }}
QLabel#standardText {{ color: {MUTED}; font-size: {pt(12)}; }}
QLabel#questionNumber {{ color: {BLUE}; font-weight: 600; font-size: {pt(13)}; }}
QLabel#questionText {{ font-size: {pt(19)}; font-weight: 500; color: {TEXT}; }}
QLabel#questionHelp {{ color: {MUTED}; font-size: {pt(11)}; }}
QLabel#termInfo {{ background: {BLUE_SOFT}; border-left: 4px solid {BLUE}; padding: 10px 14px; }}
QLabel#shortcutLegend {{ color: {MUTED}; font-size: {pt(10.5)}; }}

QPushButton#answerOpOrde, QPushButton#answerNietOpOrde {{ font-size: {pt(17)}; font-weight: 600;
    min-height: 40px; padding: 4px 24px; border-width: 2px; }}
QPushButton#answerOpOrde {{ color: {GREEN}; border-color: {GREEN}; }}
QPushButton#answerOpOrde:hover {{ background: {GREEN_SOFT}; }}
QPushButton#answerOpOrde:checked {{ background: {GREEN}; color: white; }}
QPushButton#answerNietOpOrde {{ color: {RED}; border-color: {RED}; }}
QPushButton#answerNietOpOrde:hover {{ background: {RED_SOFT}; }}
QPushButton#answerNietOpOrde:checked {{ background: {RED}; color: white; }}
QPushButton#answerOpOrde:focus, QPushButton#answerNietOpOrde:focus {{
    border: 3px solid {FOCUS}; }}
QCheckBox#bespreekpunt:checked {{ color: {ORANGE}; font-weight: 600; }}

QFrame#card {{ background: white; border: 1px solid {LINE}; border-radius: 6px; }}
QTextBrowser#resultsList {{ border: none; padding: 0; }}
"""


def presentation_sheet(scale: float = 1.0) -> str:
    """High contrast and large type for the projector; set on the session widget only."""

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    page = "QWidget#questionPage"
    return f"""
QWidget#session, {page}, {page} QWidget, {page} QScrollArea {{
    background: {BLUE_DARK}; color: white; }}
{page} QLabel {{ color: white; }}
{page} QLabel#standardTitle {{ color: #ffd166; font-size: {pt(17)}; }}
{page} QLabel#questionNumber {{ color: #ffd166; font-size: {pt(17)}; }}
{page} QLabel#questionText {{ color: white; font-size: {pt(28)}; font-weight: 600; }}
{page} QLabel#termInfo {{ background: #173d66; color: white; border-left: 4px solid #ffd166;
    font-size: {pt(16)}; }}
QLabel#saveIndicator, QLabel#saveIndicator[state="saved"],
QLabel#saveIndicator[state="pending"] {{ background: {BLUE_DARK};
    color: #b8c9db; font-size: {pt(12)}; }}
QLabel#presentationClock {{ background: {BLUE_DARK}; color: white; font-size: {pt(24)};
    font-weight: 700; padding: 2px 14px; border-radius: 6px;
    font-family: "DejaVu Sans Mono", "Consolas", monospace; }}
QLabel#presentationClock[phase="soon"] {{ background: #ffd166; color: {BLUE_DARK}; }}
QLabel#presentationClock[phase="over"] {{ background: #e0382a; color: white; }}
{page} QLabel#questionHelp {{ color: #dce6f0; font-size: {pt(15)}; }}
{page} QLabel#fieldLabel {{ color: #ffd166; font-size: {pt(14)}; }}
{page} QPlainTextEdit {{ background: #173d66; color: white; border: 1px solid #5a7ca3;
    font-size: {pt(15)}; }}
{page} QCheckBox#bespreekpunt {{ color: #dce6f0; font-size: {pt(15)}; }}
{page} QCheckBox#bespreekpunt:checked {{ color: #ffd166; font-weight: 700; }}
{page} QCheckBox#bespreekpunt::indicator {{ border: 2px solid #dce6f0; border-radius: 3px;
    background: {BLUE_DARK}; }}
{page} QCheckBox#bespreekpunt::indicator:checked {{ background: #ffd166; border-color: #ffd166; }}
{page} QPushButton#answerOpOrde, {page} QPushButton#answerNietOpOrde {{
    font-size: {pt(28)}; min-height: 72px; background: {BLUE_DARK}; color: white;
    border: 4px solid white; border-radius: 10px; }}
{page} QPushButton#answerOpOrde:checked {{ background: #3fa10f; border-color: #3fa10f; }}
{page} QPushButton#answerNietOpOrde:checked {{ background: #e0382a; border-color: #e0382a; }}
{page} QPushButton#answerOpOrde:hover, {page} QPushButton#answerNietOpOrde:hover {{
    border-color: #ffd166; }}
{page} QPushButton#answerOpOrde:focus, {page} QPushButton#answerNietOpOrde:focus {{
    border: 5px solid #ffd166; }}
"""
