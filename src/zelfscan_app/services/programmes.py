"""Writing a meeting programme (bijlage 1 or 3) as a Word document: GUI and CLI use this."""

from __future__ import annotations

from pathlib import Path

from zelfscan_app.domain.programme import ProgrammeDetails
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.reports.templates import find_template
from zelfscan_app.services.documents import WrittenDocument, _check_out, save_document


def write_programme(
    details: ProgrammeDetails, out: str | Path, *, template_dir: str | Path | None = None
) -> WrittenDocument:
    """Check the form, fill the (user's or bundled) template, write the file atomically."""
    from zelfscan_app.reports.programme_document import TEMPLATE_KIND, render_programme

    try:
        details.check()
    except ValueError as exc:
        raise ZelfscanError(str(exc)) from None
    path = _check_out(out)
    template = find_template(TEMPLATE_KIND[details.meeting], template_dir)
    data = render_programme(details, template=template)
    return WrittenDocument(save_document(data, path), template)
