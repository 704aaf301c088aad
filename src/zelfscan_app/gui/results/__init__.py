"""The results view of a scan: spider, scores per standard, details and comparison over time.

Import `zelfscan_app.gui.results.results_view` only when the view is first needed: it loads
matplotlib, which has no place on the start-up path.
"""
