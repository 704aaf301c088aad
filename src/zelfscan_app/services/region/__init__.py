"""Regional use cases: choose one scan per municipality, merge, and present the result safely.

GUI and CLI both come through here, in three parts:
- `merge`: a `RegionPicture` is the merge itself (from the database or from workbooks);
- `report`: a `RegionReport` is that picture as one report shows it, applying the pure
  anonymity rules of `domain.anonymity.RegionAnonymity` (codes instead of names, free text
  only on opt-in and then scrubbed, nothing per municipality below the minimum group size), so
  every view and export obeys the same ones and none can forget a rule;
- `outputs`: what the spider, workbook, JSON and Word report show, and the writers (plus the
  letter key file).
The names below are the package's public door; callers import them from here.
"""

from zelfscan_app.services.region.merge import (
    CancelCheck,
    Contribution,
    FileMerge,
    ProgressCallback,
    RefusedFile,
    RegionOption,
    RegionPicture,
    build_picture,
    load_region,
    merge_files,
    region_options,
)
from zelfscan_app.services.region.outputs import (
    KEY_FILE_NAME,
    KEY_KIND,
    default_letter_key_path,
    load_letter_key,
    new_letter_key,
    save_letter_key,
    write_chart,
    write_document,
    write_json,
    write_workbook,
)
from zelfscan_app.services.region.report import (
    MAX_OVERLAYS,
    NAME_PLACEHOLDER,
    NO_TEXT,
    OTHER_MUNICIPALITY,
    AnswerLine,
    RegionReport,
)

__all__ = [
    "KEY_FILE_NAME",
    "KEY_KIND",
    "MAX_OVERLAYS",
    "NAME_PLACEHOLDER",
    "NO_TEXT",
    "OTHER_MUNICIPALITY",
    "AnswerLine",
    "CancelCheck",
    "Contribution",
    "FileMerge",
    "ProgressCallback",
    "RefusedFile",
    "RegionOption",
    "RegionPicture",
    "RegionReport",
    "build_picture",
    "default_letter_key_path",
    "load_letter_key",
    "load_region",
    "merge_files",
    "new_letter_key",
    "region_options",
    "save_letter_key",
    "write_chart",
    "write_document",
    "write_json",
    "write_workbook",
]
