"""Fixtures for the workbook exchange tests: a rich scan and its exported workbook."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exchange.workbooks import rich_scan
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.questionnaire_file import default_questionnaire


@pytest.fixture(scope="session")
def rich() -> Scan:
    return rich_scan(default_questionnaire())


@pytest.fixture(scope="session")
def rich_bytes(rich: Scan) -> bytes:
    return scan_bytes(default_questionnaire(), rich, with_participants=True)


@pytest.fixture
def write(tmp_path: Path):
    """write(bytes, name) -> path of a file in tmp_path."""

    def _write(data: bytes, name: str = "scan.xlsx") -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def q(questionnaire: Questionnaire) -> Questionnaire:
    return questionnaire
