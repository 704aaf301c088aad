"""The regional overview's controls row: which scans (a typed `RegionSource`) and how to show them.

The row owns its widgets and says what the user chose; the view decides what to load. A source
is a frozen `RegionSource`, not a tuple, so the combo's entries compare by value and a typo in
a kind is a type error instead of a silently empty overview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from zelfscan_app.domain.region import MIN_GROUP_SIZE
from zelfscan_app.domain.scan import SoortMeting
from zelfscan_app.gui.i18n import arg
from zelfscan_app.services.region import RegionOption

SourceKind = Literal["regio", "ids", "all", "pick"]


@dataclass(frozen=True, slots=True)
class RegionSource:
    """One entry of the region combo: a region by name, a chosen set of scans, all, or 'pick'."""

    kind: SourceKind
    regio: str = ""  # kind 'regio': the region ('' for scans without one)
    ids: tuple[int, ...] = ()  # kind 'ids': the chosen scans, sorted

    @classmethod
    def region(cls, regio: str) -> RegionSource:
        return cls("regio", regio=regio)

    @classmethod
    def scans(cls, ids: Sequence[int]) -> RegionSource:
        return cls("ids", ids=tuple(sorted(set(ids))))


ALL = RegionSource("all")
PICK = RegionSource("pick")


class RegionControls(QWidget):
    """Regio, Meting, Geanonimiseerd, minimale groep, Toelichtingen, Codes bewaren.

    Signals: sourceActivated (the user chose an entry), soortChanged and optionsChanged (the
    anonymity options), keepCodesToggled(bool).
    """

    sourceActivated = Signal()
    soortChanged = Signal()
    optionsChanged = Signal()
    keepCodesToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_combo = QComboBox()
        self.source_combo.setAccessibleName(self.tr("Regio of zelfscans"))
        self.source_combo.setMinimumContentsLength(20)
        self.source_combo.setMinimumWidth(110)  # may shrink: the row fits 1093 px (125 %)
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        source_label = QLabel(self.tr("&Regio:"))
        source_label.setBuddy(self.source_combo)
        self.soort_combo = QComboBox()
        self.soort_combo.setAccessibleName(self.tr("Welke zelfscan per gemeente"))
        self.soort_combo.setMinimumWidth(110)
        self.soort_combo.addItem(self.tr("Nieuwste per gemeente"), None)
        self.soort_combo.addItem(self.tr("Alleen nulmetingen"), SoortMeting.NULMETING.value)
        self.soort_combo.addItem(self.tr("Alleen evaluaties"), SoortMeting.EVALUATIE.value)
        self.soort_combo.addItem(
            self.tr("Alleen toetsingsmomenten"), SoortMeting.TOETSINGSMOMENT.value
        )
        soort_label = QLabel(self.tr("&Meting:"))
        soort_label.setBuddy(self.soort_combo)
        self.anonymous_check = QCheckBox(self.tr("&Geanonimiseerd"))
        self.anonymous_check.setToolTip(
            self.tr(
                "Gemeenten heten ‘Gemeente A, B, …’ in het venster en in alle exports; geen "
                "namen en geen toelichtingen"
            )
        )
        self.group_spin = QSpinBox()
        self.group_spin.setRange(2, 99)
        self.group_spin.setValue(MIN_GROUP_SIZE)
        self.group_spin.setAccessibleName(self.tr("Minimale groepsgrootte"))
        self.group_spin.setToolTip(
            self.tr(
                "Bij minder gemeenten toont een geanonimiseerd overzicht geen scores, ook geen "
                "gemiddelde: alleen hoeveel gemeenten meededen"
            )
        )
        self.group_label = QLabel(self.tr("minimale &groep:"))
        self.group_label.setBuddy(self.group_spin)
        self.texts_check = QCheckBox(self.tr("&Toelichtingen"))  # one row at 1280 px
        self.texts_check.setAccessibleName(self.tr("Toelichtingen tonen"))
        self.texts_check.setToolTip(
            self.tr(
                "Toelichtingen tonen, ook geanonimiseerd, met gemeente- en persoonsnamen vervangen"
            )
        )
        self.keep_codes_check = QCheckBox(self.tr("Codes &bewaren"))
        self.keep_codes_check.setToolTip(
            self.tr(
                "Een gemeente houdt haar letter ook in een volgende sessie: de letters staan in "
                "een sleutelbestand naast de database (met een geheim, zonder namen)"
            )
        )
        self.keep_codes_check.toggled.connect(self.keepCodesToggled)
        self.source_combo.activated.connect(lambda _: self.sourceActivated.emit())
        self.soort_combo.currentIndexChanged.connect(lambda _: self.soortChanged.emit())
        self.anonymous_check.toggled.connect(lambda _: self.optionsChanged.emit())
        self.group_spin.valueChanged.connect(lambda _: self.optionsChanged.emit())
        self.texts_check.toggled.connect(lambda _: self.optionsChanged.emit())

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        choice: tuple[QWidget, ...] = (
            source_label,
            self.source_combo,
            soort_label,
            self.soort_combo,
        )
        for widget in choice:
            row.addWidget(widget)
        row.addSpacing(10)
        anonymity: tuple[QWidget, ...] = (
            self.anonymous_check,
            self.group_label,
            self.group_spin,
            self.texts_check,
            self.keep_codes_check,
        )
        for widget in anonymity:
            row.addWidget(widget)
        row.addStretch(1)

    # Sources -----------------------------------------------------------------------------------
    def set_sources(
        self,
        options: Sequence[RegionOption],
        extra: Sequence[tuple[str, RegionSource]],
        keep: RegionSource | None,
    ) -> None:
        """Fill the combo (regions, recent choices, all, pick) and select `keep` if listed."""
        combo = self.source_combo
        combo.blockSignals(True)
        combo.clear()
        for option in options:
            name = option.regio or self.tr("(zonder regio)")
            combo.addItem(f"{name} ({option.municipalities})", RegionSource.region(option.regio))
            combo.setItemData(
                combo.count() - 1,
                arg(
                    self.tr("%1: %2 gemeenten, %3 zelfscans"),
                    name,
                    option.municipalities,
                    option.scans,
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
        for label, source in extra:
            combo.addItem(label, source)
        if options:
            combo.addItem(self.tr("Alle zelfscans in de database"), ALL)
        combo.addItem(self.tr("Zelfscans kiezen…"), PICK)
        index = self.index_of(keep) if keep else -1
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def index_of(self, source: RegionSource) -> int:
        """The combo row of `source`, or -1."""
        for index in range(self.source_combo.count()):
            if self.source_combo.itemData(index) == source:
                return index
        return -1

    def select(self, source: RegionSource) -> bool:
        index = self.index_of(source)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)
        return index >= 0

    def source(self) -> RegionSource | None:
        data = self.source_combo.currentData()
        return data if isinstance(data, RegionSource) else None

    @property
    def has_scans(self) -> bool:
        return self.source_combo.count() > 1  # more than 'Zelfscans kiezen…'

    # Options -----------------------------------------------------------------------------------
    def soort(self) -> SoortMeting | None:
        value = self.soort_combo.currentData()
        return SoortMeting(value) if value else None

    def set_soort(self, soort: SoortMeting | None) -> None:
        wanted = soort.value if soort else None
        for index in range(self.soort_combo.count()):
            if self.soort_combo.itemData(index) == wanted:
                self.soort_combo.setCurrentIndex(index)

    @property
    def anonymous(self) -> bool:
        return self.anonymous_check.isChecked()

    @property
    def min_group_size(self) -> int:
        return self.group_spin.value()

    @property
    def with_texts(self) -> bool:
        return self.texts_check.isChecked()

    @property
    def keep_codes(self) -> bool:
        return self.keep_codes_check.isChecked()

    def enable_anonymity_options(self, enabled: bool) -> None:
        """Group size, texts and codes only mean something in the anonymised view."""
        for widget in (self.group_spin, self.group_label, self.texts_check, self.keep_codes_check):
            widget.setEnabled(enabled)
