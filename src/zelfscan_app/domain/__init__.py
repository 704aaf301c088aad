"""Pure domain: the questionnaire, scans, scoring and regional merging. No Qt, no files, no SQL."""
