"""Names and limits of the scan workbook: the contract of docs/workbook.md in one place.

The sheet names, key labels and the first six `Vragen` columns are fixed by the product brief;
other tools (the regional merge, the incumbent workbook users) rely on them. Additions come after
the contract: the `Gespreksleider` and `Voorbereiding door` keys, the `Bespreekpunt` column,
the `Verdeling` columns of an export (after all others) and the `Deelnemers` sheet.
"""

from __future__ import annotations

# Sheets, in workbook order. `Resultaten` must stay the third sheet (the incumbent tool's spider).
SHEET_TOELICHTING = "Toelichting"
SHEET_VRAGEN = "Vragen"
SHEET_RESULTATEN = "Resultaten"
SHEET_DEELNEMERS = "Deelnemers"

# Key/value labels in columns A/B of `Toelichting`.
KEY_GEMEENTE = "Gemeente"
KEY_REGIO = "Regio"
KEY_DATUM = "Datum"
KEY_SOORT = "Soort meting"
KEY_VRAGENLIJST = "Vragenlijst"
KEY_GESPREKSLEIDER = "Gespreksleider"
#: Filled only when one participant prepares alone (a pre-scan): a name or an organisation.
#: Empty (or absent, in older workbooks) means the group's own scan.
KEY_VOORBEREIDING = "Voorbereiding door"
KEYS = (
    KEY_GEMEENTE,
    KEY_REGIO,
    KEY_DATUM,
    KEY_SOORT,
    KEY_VRAGENLIJST,
    KEY_GESPREKSLEIDER,
    KEY_VOORBEREIDING,
)

# Columns of `Vragen`, in order; the first six are the contract.
COL_NR = "Nr"
COL_STANDAARD = "Kwaliteitsstandaard"
COL_VRAAG = "Vraag"
COL_ANTWOORD = "Antwoord"
COL_TOELICHTING = "Toelichting"
COL_NUANCERING = "Nuancering"
COL_BESPREEKPUNT = "Bespreekpunt"
VRAGEN_COLUMNS = (
    COL_NR,
    COL_STANDAARD,
    COL_VRAAG,
    COL_ANTWOORD,
    COL_TOELICHTING,
    COL_NUANCERING,
    COL_BESPREEKPUNT,
)
REQUIRED_VRAGEN_COLUMNS = VRAGEN_COLUMNS[:6]

# Columns of `Deelnemers`.
COL_NAAM = "Naam"
COL_ORGANISATIE = "Organisatie"
COL_ROL = "Rol"
DEELNEMERS_COLUMNS = (COL_NAAM, COL_ORGANISATIE, COL_ROL)

#: Appended after the contract's columns in an export: how the pre-scans (or the room's show
#: of hands) split per question. Counts only, never names. The reader ignores them.
COL_SPLIT_OP_ORDE = "Verdeling: op orde"
COL_SPLIT_NIET_OP_ORDE = "Verdeling: niet op orde"
COL_SPLIT_OPEN = "Verdeling: open"
COL_SPLIT_BRON = "Verdeling: bron"
SPLIT_COLUMNS = (COL_SPLIT_OP_ORDE, COL_SPLIT_NIET_OP_ORDE, COL_SPLIT_OPEN, COL_SPLIT_BRON)

BESPREEKPUNT_JA = "Ja"

# Limits. A real scan workbook is about 30 kB; these leave room for long texts and a logo
# while refusing zip bombs and runaway sheets before they cost memory or time.
MAX_FILE_BYTES = 5_000_000
MAX_MEMBERS = 300
MAX_MEMBER_BYTES = 4_000_000  # a sheet with 31 × 2 texts of 10,000 characters is ~0.7 MB
MAX_TOTAL_BYTES = 12_000_000
MAX_RATIO = 150  # uncompressed / compressed, checked for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1_000_000
MAX_SHEETS = 20
MAX_SHEET_ROWS = 5_000  # rows visited per sheet, empty ones included
MAX_SHEET_CELLS = 2_000_000  # rows × columns of the grid a reader holds for one sheet
MAX_QUESTION_ROWS = 500  # non-empty rows on `Vragen`
MAX_PARTICIPANTS = 200
MAX_READ_COLUMNS = 30
MAX_TEXT = 10_000  # same bound as services.scans.TEXT_LIMIT (a test keeps them equal)
MAX_NAME = 200  # gemeente, regio, gespreksleider, deelnemer fields (database column width)
