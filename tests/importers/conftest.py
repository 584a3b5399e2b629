"""Shared fixtures of the importer tests: every office case written once per session."""
from __future__ import annotations

import pytest

from office_fixtures import build_all


@pytest.fixture(scope="session")
def office(tmp_path_factory):
    """{case name: Fixture} for every case in office_fixtures.CASES, in a fresh folder."""
    return build_all(tmp_path_factory.mktemp("office"))
