"""The scan workbook (.xlsx): blank form, filled export and a safe reader.

Pure functions between workbook bytes and domain `Scan` objects; the database lives in
`zelfscan_app.services.exchange`. openpyxl is imported inside functions only, to keep start-up
fast.
"""
